/**
 * The five seed patterns of the guide page, as runnable programs (examples/seed-patterns): each
 * prints the right result when run, and leaves its pool as it found it.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { getTaskLocalPool } from "../../runtime/index.js";
import * as calling from "../../examples/seed-patterns/calling-pooled-functions.js";
import * as manual from "../../examples/seed-patterns/manual-checkpoint-rewind.js";
import * as asArgument from "../../examples/seed-patterns/pool-as-argument.js";
import * as scopeOnly from "../../examples/seed-patterns/scope-only.js";
import * as taskLocal from "../../examples/seed-patterns/task-local-access.js";
import { snapshot } from "./helpers.js";

const EXAMPLES = join(__dirname, "..", "..", "examples", "seed-patterns");

function runExample(name: string, extraArgs: readonly string[] = []) {
  const result = spawnSync(process.execPath, [...extraArgs, join(EXAMPLES, `${name}.js`)], {
    encoding: "utf8",
  });
  assert.is(result.status, 0, `${name} exited with ${result.status}: ${result.stderr}`);
  return result;
}

const printed: [string, string][] = [
  ["calling-pooled-functions", "pipeline(10) = 300\n"],
  ["pool-as-argument", "mainComputation([[1, 2, 3], [4, 5], [6]]) = 42\n"],
  [
    "task-local-access",
    "mainPipeline([[1, 2, 3], [4, 5], [6]]) = 42\nlive arrays: 7 inside the scope, 0 after it\n",
  ],
  ["manual-checkpoint-rewind", "manualControl() = 300\n"],
  ["scope-only", "orchestrate() = 300\n"],
];

for (const [name, expected] of printed) {
  test(`${name} runs and prints its result`, () => {
    const { stdout, stderr } = runExample(name);
    assert.is(stdout, expected);
    assert.is(stderr, "");
  });
}

test("calling pooled functions: step1 and step2 reuse one slot, and pipeline's array reuses it too", () => {
  const before = snapshot(calling.pool);
  assert.is(calling.step1(10), 10);
  assert.is(calling.step2(10), 20);
  assert.is(calling.pipeline(10), 300);
  assert.is(calling.pipeline(7), 147);
  assert.equal(snapshot(calling.pool), before);
  assert.is(calling.pool.stats().types[0]!.slots, 1, "one Float64Array slot served every call");
});

test("pool as argument: one scope at the top; inner arrays are all released when it returns", () => {
  const before = snapshot(asArgument.pool);
  assert.is(asArgument.mainComputation([[1, 2, 3], [4, 5], [6]]), 42);
  assert.is(asArgument.mainComputation([]), 0);
  assert.equal(snapshot(asArgument.pool), before);
  // accumulator + two arrays per chunk, all live until the entry point returns
  assert.is(asArgument.pool.stats().types[0]!.slots, 7);
});

test("direct task-local access: arrays accumulate in the entry point's scope, then all are free", () => {
  const pool = getTaskLocalPool();
  const before = snapshot(pool);
  assert.is(taskLocal.mainPipeline([[1, 2, 3], [4, 5], [6]]), 42);
  assert.is(taskLocal.observed.peakActive - before.active[0]!, 7);
  assert.equal(snapshot(pool), before);
});

test("direct task-local access without an entry point: the pool grows and warns once", () => {
  // In a separate process, so the leaked arrays do not stay in this process's task-local pool.
  const script =
    `const m = require(${JSON.stringify(join(EXAMPLES, "task-local-access.js"))});` +
    `const acc = new Float64Array(1);` +
    `for (let i = 0; i < 600; i++) m.computeStep([1, 2], acc);` +
    `const { getTaskLocalPool } = require(${JSON.stringify(join(__dirname, "..", "..", "runtime", "index.js"))});` +
    "console.log(`${acc[0]} ${getTaskLocalPool().activeCount(Float64Array)}`);";
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.is(result.stdout, "3600 600\n", "every call's array stays live");
  const warnings = result.stderr.match(/PoolGrowthWarning/g) ?? [];
  assert.is(warnings.length, 1, result.stderr);
  assert.match(result.stderr, /513 Float64Array arrays are live in one pool/);
});

test("manual checkpoint/rewind and scope-only withPool restore the task-local pool", () => {
  const pool = getTaskLocalPool();
  const before = snapshot(pool);
  assert.is(manual.manualControl(), 300);
  assert.is(scopeOnly.orchestrate(), 300);
  assert.is(scopeOnly.step1(), 100);
  assert.equal(snapshot(pool), before);
});

test.run();
