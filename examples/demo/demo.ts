/**
 * `npm run demo`: build examples/smoothing with the plugin (a real `tspc` run), show one pooled
 * function's TypeScript next to the JavaScript the plugin emitted, then time it against the same kernel
 * allocating with `new`, each run in a fresh process.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { PAIRINGS, REPO_ROOT, runTspc } from "../../test/support/compilers.js";
import { statementDefiningFunction, sideBySide } from "./function-source.js";
import { formatSummaries, measureContenders } from "./measure-workload.js";

const PROJECT = path.join("examples", "smoothing");
const POOLED_FUNCTION = "roughness";
const ROUNDS = 500_000;
const RUNS = 3;

function build(): void {
  const pairing = PAIRINGS[0]!;
  console.log(
    `Building ${PROJECT} with tspc (${pairing.label}) and the adaptive-array-pools plugin…`,
  );
  const result = runTspc(pairing, PROJECT);
  if (result.status !== 0) {
    throw new Error(
      `tspc -p ${PROJECT} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
}

function showRewrite(): void {
  const sourcePath = path.join(PROJECT, "src", "smoothing.ts");
  const emittedPath = path.join(PROJECT, "out", "smoothing.js");
  const source = statementDefiningFunction(
    sourcePath,
    readFileSync(path.join(REPO_ROOT, sourcePath), "utf8"),
    POOLED_FUNCTION,
  );
  const emitted = statementDefiningFunction(
    emittedPath,
    readFileSync(path.join(REPO_ROOT, emittedPath), "utf8"),
    POOLED_FUNCTION,
  );
  console.log();
  console.log(sideBySide(source, emitted, `${sourcePath} (input)`, `${emittedPath} (emitted)`));
  console.log();
}

function compareWithPlain(): void {
  const workloads = path.join(REPO_ROOT, PROJECT, "out", "workloads.js");
  console.log(
    `Timing ${ROUNDS.toLocaleString("en-US")} calls on a 64-sample signal, ${RUNS} fresh processes each…`,
  );
  const summaries = measureContenders(
    [
      { label: "pooled (withPool, transformed)", modulePath: workloads, exportName: "pooled" },
      { label: "plain (new Float64Array)", modulePath: workloads, exportName: "plain" },
    ],
    ROUNDS,
    RUNS,
  );
  console.log(formatSummaries(summaries, RUNS));
  const [pooled, plain] = summaries;
  console.log(
    `\nSame results: ${pooled!.checksums.every((c, i) => c === plain!.checksums[i])}; ` +
      `plain / pooled time: ${(plain!.nsPerCall.median / pooled!.nsPerCall.median).toFixed(1)}x.`,
  );
  console.log(
    "The pooled kernel's few GCs are not arrays: V8 boxes a double returned from a call it does not\n" +
      "inline into a 16-byte heap number, and `roughness` returns a double on every call.",
  );
}

build();
showRewrite();
compareWithPlain();
console.log(
  "\nIn a browser: `npm run demo:browser` runs examples/browser (a particle system, pooled and plain\n" +
    "side by side) in headless Chromium and saves a screenshot of its chart; to watch it live,\n" +
    "`npm --workspace examples/browser run dev` and open the address Vite prints.",
);
