/**
 * The compiles the contenders run from, prepared before any measurement:
 * - plain: the dev build in build/ (plain tsc, ES2022): runtime fallback and downlevelled `using`;
 * - transformed: the same sources through tspc with the plugin (bench/tsconfig.transformed.json);
 * - esnext: the same sources with target ESNext (native `using`), run on Node 24 from the npm
 *   `node` package, installed on demand into bench/.work/node24.
 * A build that cannot be made is reported unavailable with its reason, and its contenders skipped.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./repo-root.js";
import { installNode24 } from "../../scripts/node24.js";
import { firstLines, run } from "./spawn.js";
import type { BuildId } from "./types.js";

export interface BuildStatus {
  readonly id: BuildId;
  /** Directory that mirrors the repo layout (it holds bench/harness/child.js). */
  readonly root: string;
  readonly node: string;
  /** `process.version` of that node, for the report (never its path). */
  readonly nodeVersion: string;
  readonly unavailable?: string;
}

/** A compiled call of the imported marker: `(0, index_js_1.withPool)(`. */
export const MARKER_CALL = /\bwithPool\)\(/;

/** Compiled bench files that still call the `withPool` marker (CommonJS call shape `.withPool)(`). */
function untransformedMarkers(outDir: string): string[] {
  const workloads = join(outDir, "bench", "workloads");
  return readdirSync(workloads)
    .filter((name) => name.endsWith(".js"))
    .filter((name) => MARKER_CALL.test(readFileSync(join(workloads, name), "utf8")));
}

export function prepareTransformed(root: string): BuildStatus {
  const outDir = join(root, "bench", ".work", "transformed");
  const plugin = join(root, "dist", "transformer", "index.js");
  const base = {
    id: "transformed" as const,
    root: outDir,
    node: process.execPath,
    nodeVersion: process.version,
  };
  if (!existsSync(plugin))
    return { ...base, unavailable: "dist/transformer/index.js missing (run npm run build)" };
  const tspc = join(root, "node_modules", ".bin", "tspc");
  const compiled = run(tspc, ["-p", "tsconfig.transformed.json"], join(root, "bench"));
  if (!compiled.ok) return { ...base, unavailable: `tspc failed: ${firstLines(compiled.output)}` };
  const leftovers = untransformedMarkers(outDir);
  if (leftovers.length > 0) {
    return {
      ...base,
      unavailable: `tspc emitted no rewrite: withPool( still in ${leftovers.join(", ")}`,
    };
  }
  return base;
}

export function prepareEsnext(root: string): BuildStatus {
  const outDir = join(root, "bench", ".work", "esnext");
  const base = { id: "esnext" as const, root: outDir };
  const node24 = node24For(root);
  if ("reason" in node24) return { ...base, node: "", nodeVersion: "", unavailable: node24.reason };
  const tsc = join(root, "node_modules", ".bin", "tsc");
  const compiled = run(tsc, ["-p", "tsconfig.esnext.json"], join(root, "bench"));
  if (!compiled.ok) {
    return {
      ...base,
      ...node24,
      unavailable: `tsc (ESNext) failed: ${firstLines(compiled.output)}`,
    };
  }
  return { ...base, ...node24 };
}

/** Node 24 for the esnext build, installed on demand into bench/.work/node24. */
function node24For(root: string): { node: string; nodeVersion: string } | { reason: string } {
  const installed = installNode24(join(root, "bench", ".work", "node24"));
  return "reason" in installed
    ? installed
    : { node: installed.node, nodeVersion: installed.version };
}

export function prepareBuilds(): Map<BuildId, BuildStatus> {
  const root = repoRoot();
  const plain: BuildStatus = {
    id: "plain",
    root: join(root, "build"),
    node: process.execPath,
    nodeVersion: process.version,
  };
  return new Map<BuildId, BuildStatus>([
    ["plain", plain],
    ["transformed", prepareTransformed(root)],
    ["esnext", prepareEsnext(root)],
  ]);
}
