/**
 * The transformed pooled function against the runtime fallback, at a call site that sees sixteen
 * different pooled functions with arguments (arrays of 16 and of 2 elements). Builds this project
 * twice with tspc (with the plugin, and with `plugins: []`), then times both in fresh processes:
 *
 *   npm run build && node build/bench/scope-overhead/measure.js [runs] [rounds]
 */
import * as path from "node:path";
import { PAIRINGS, REPO_ROOT, runTspc } from "../../test/support/compilers.js";
import { formatSummaries, measureContenders } from "../../examples/demo/measure-workload.js";

const PROJECT = path.join("bench", "scope-overhead");

function build(config: string): void {
  const result = runTspc(PAIRINGS[0]!, path.join(PROJECT, config));
  if (result.status !== 0)
    throw new Error(`tspc -p ${config} failed:\n${result.stdout}${result.stderr}`);
}

const runs = Number(process.argv[2] ?? 5);
const rounds = Number(process.argv[3] ?? 200_000);
build("tsconfig.json");
build("tsconfig.fallback.json");
const out = path.join(REPO_ROOT, PROJECT, "out");
const builds = [
  { label: "transformed", dir: path.join(out, "transformed") },
  { label: "runtime fallback", dir: path.join(out, "fallback") },
];
const workloads = [
  { label: "n=16", exportName: "allKernels" },
  { label: "n=2", exportName: "allKernelsShort" },
];
const contenders = workloads.flatMap((workload) =>
  builds.map((b) => ({
    label: `${b.label}, ${workload.label}`,
    modulePath: path.join(b.dir, "workloads.js"),
    exportName: workload.exportName,
  })),
);
const summaries = measureContenders(contenders, rounds, runs);
console.log(
  `${rounds} rounds × 16 pooled functions per process, ${runs} fresh processes each (${PAIRINGS[0]!.label})`,
);
console.log(formatSummaries(summaries, runs));
