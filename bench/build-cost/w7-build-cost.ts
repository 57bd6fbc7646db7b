/**
 * W7: build cost. Two generated projects of the same size: one whose files all import the package,
 * one whose files do not. The importing project is compiled by plain `tsc`, by `tspc` without the
 * plugin and by `tspc` with it; the other by `tspc` without and with the plugin. Each build is a
 * fresh process, all builds of a round in an order that changes every round; wall time per build.
 * The plugin's own cost is tspc + plugin over tspc alone, per round (ts-patch's own start-up is
 * not the plugin's).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pairedRatios, spread } from "../harness/stats.js";
import type { Spread } from "../harness/stats.js";
import { interleavedOrder } from "../harness/runner.js";
import { MARKER_CALL } from "../harness/builds.js";
import { generateProject } from "./generate-project.js";
import type { ProjectKind } from "./generate-project.js";

export interface ProjectCost {
  /** Plain tsc (the importing project only). */
  readonly tscMs: Spread | null;
  readonly tspcMs: Spread;
  readonly pluginMs: Spread;
  /** tspc + plugin over tspc without it, per round. */
  readonly pluginCost: Spread;
  /** tspc without the plugin over plain tsc, per round (null without tsc). */
  readonly tspcOverTsc: Spread | null;
}

export interface BuildCostResult {
  readonly files: number;
  readonly rounds: number;
  readonly importing: ProjectCost;
  readonly nonImporting: ProjectCost;
  readonly unavailable?: string;
}

type Compiler = "tsc" | "tspc" | "tspc + plugin";

interface Build {
  readonly project: ProjectKind;
  readonly compiler: Compiler;
}

const BUILDS: readonly Build[] = [
  { project: "importing", compiler: "tsc" },
  { project: "importing", compiler: "tspc" },
  { project: "importing", compiler: "tspc + plugin" },
  { project: "non-importing", compiler: "tspc" },
  { project: "non-importing", compiler: "tspc + plugin" },
];

const key = (b: Build): string => `${b.project}/${b.compiler}`;

function projectDir(root: string, kind: ProjectKind): string {
  return join(root, "bench", ".work", `w7-${kind}`);
}

function compile(root: string, build: Build): number {
  const bin = join(root, "node_modules", ".bin", build.compiler === "tsc" ? "tsc" : "tspc");
  const config =
    build.compiler === "tspc + plugin" ? "tsconfig.plugin.json" : "tsconfig.plain.json";
  const start = performance.now();
  const result = spawnSync(bin, ["-p", config], {
    cwd: projectDir(root, build.project),
    encoding: "utf8",
    timeout: 600_000,
  });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split("\n").slice(0, 3).join(" / ");
    throw new Error(`${build.compiler} on the ${build.project} project failed: ${output}`);
  }
  return elapsed;
}

function projectCost(times: ReadonlyMap<string, number[]>, project: ProjectKind): ProjectCost {
  const tsc = times.get(key({ project, compiler: "tsc" }));
  const tspc = times.get(key({ project, compiler: "tspc" })) ?? [];
  const plugin = times.get(key({ project, compiler: "tspc + plugin" })) ?? [];
  return {
    tscMs: tsc === undefined ? null : spread(tsc),
    tspcMs: spread(tspc),
    pluginMs: spread(plugin),
    pluginCost: pairedRatios(plugin, tspc),
    tspcOverTsc: tsc === undefined ? null : pairedRatios(tspc, tsc),
  };
}

const EMPTY: ProjectCost = {
  tscMs: null,
  tspcMs: spread([]),
  pluginMs: spread([]),
  pluginCost: spread([]),
  tspcOverTsc: null,
};

function unavailable(files: number, rounds: number, reason: string): BuildCostResult {
  return { files, rounds, importing: EMPTY, nonImporting: EMPTY, unavailable: reason };
}

/** Runs every build of every round; throws on the first failed compile. */
function timeBuilds(root: string, rounds: number): Map<string, number[]> {
  const times = new Map<string, number[]>(BUILDS.map((b) => [key(b), []]));
  for (let round = 0; round < rounds; round++) {
    for (const build of interleavedOrder(BUILDS, round))
      times.get(key(build))!.push(compile(root, build));
  }
  return times;
}

export function measureBuildCost(root: string, files: number, rounds: number): BuildCostResult {
  if (!existsSync(join(root, "dist", "transformer", "index.js")))
    return unavailable(files, rounds, "dist/transformer/index.js missing");
  generateProject(projectDir(root, "importing"), files, "importing");
  generateProject(projectDir(root, "non-importing"), files, "non-importing");
  let times: Map<string, number[]>;
  try {
    times = timeBuilds(root, rounds);
  } catch (error) {
    return unavailable(files, rounds, (error as Error).message);
  }
  const sample = join(projectDir(root, "importing"), "out-plugin", "m1.js");
  if (MARKER_CALL.test(readFileSync(sample, "utf8")))
    return unavailable(
      files,
      rounds,
      "tspc emitted no rewrite (withPool( left in out-plugin/m1.js)",
    );
  return {
    files,
    rounds,
    importing: projectCost(times, "importing"),
    nonImporting: projectCost(times, "non-importing"),
  };
}
