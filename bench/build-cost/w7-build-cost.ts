/**
 * W7: build cost. The generated project compiled by plain `tsc` and by `tspc` with the plugin, each
 * build a fresh process, alternating which goes first each round; wall time per build.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { spread } from "../harness/stats.js";
import type { Spread } from "../harness/stats.js";
import { interleavedOrder } from "../harness/runner.js";
import { MARKER_CALL } from "../harness/builds.js";
import { generateProject } from "./generate-project.js";

export interface BuildCostResult {
  readonly files: number;
  readonly rounds: number;
  readonly tscMs: Spread | null;
  readonly tspcMs: Spread | null;
  readonly ratio: number | null;
  readonly unavailable?: string;
}

type Compiler = "tsc" | "tspc";

function compile(root: string, dir: string, compiler: Compiler): number {
  const bin = join(root, "node_modules", ".bin", compiler);
  const config = compiler === "tsc" ? "tsconfig.plain.json" : "tsconfig.plugin.json";
  const start = performance.now();
  const result = spawnSync(bin, ["-p", config], { cwd: dir, encoding: "utf8", timeout: 600_000 });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split("\n").slice(0, 3).join(" / ");
    throw new Error(`${compiler} failed: ${output}`);
  }
  return elapsed;
}

export function measureBuildCost(root: string, files: number, rounds: number): BuildCostResult {
  const dir = join(root, "bench", ".work", "w7");
  generateProject(dir, files);
  const times: Record<Compiler, number[]> = { tsc: [], tspc: [] };
  if (!existsSync(join(root, "dist", "transformer", "index.js"))) {
    return {
      files,
      rounds,
      tscMs: null,
      tspcMs: null,
      ratio: null,
      unavailable: "dist/transformer/index.js missing",
    };
  }
  try {
    for (let round = 0; round < rounds; round++) {
      for (const compiler of interleavedOrder<Compiler>(["tsc", "tspc"], round)) {
        times[compiler].push(compile(root, dir, compiler));
      }
    }
  } catch (error) {
    return {
      files,
      rounds,
      tscMs: null,
      tspcMs: null,
      ratio: null,
      unavailable: (error as Error).message,
    };
  }
  const sample = readFileSync(join(dir, "out-plugin", "m1.js"), "utf8");
  if (MARKER_CALL.test(sample)) {
    return {
      files,
      rounds,
      tscMs: null,
      tspcMs: null,
      ratio: null,
      unavailable: "tspc emitted no rewrite (withPool( left in out-plugin/m1.js)",
    };
  }
  const tscMs = spread(times.tsc);
  const tspcMs = spread(times.tspc);
  return { files, rounds, tscMs, tspcMs, ratio: tspcMs.median / tscMs.median };
}
