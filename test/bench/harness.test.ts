/**
 * Smoke test of the benchmark harness with tiny N (no timing is asserted: performance claims live in
 * bench/ results, never in tests). Checks that a fresh child process measures and reports, that every
 * contender of every workload does the same work, and that the validity rules fire.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { runChild, interleavedOrder } from "../../bench/harness/runner.js";
import { summariseCase } from "../../bench/harness/aggregate.js";
import { median, percentile } from "../../bench/harness/stats.js";
import type { RunResult } from "../../bench/harness/types.js";
import { loadWorkload, WORKLOAD_LOADERS } from "../../bench/workloads/registry.js";
import { sink } from "../../bench/workloads/sink.js";
import { generateProject } from "../../bench/build-cost/generate-project.js";
import { renderChart } from "../../bench/report/chart.js";

const buildRoot = join(__dirname, "..", "..");

function fakeRun(contender: string, gcCount: number, checksum: number, nsPerOp = 10): RunResult {
  return {
    workload: "W1",
    contender,
    caseLabel: "n=16 f64",
    ops: 100,
    totalMs: nsPerOp / 1e4,
    nsPerOp,
    gcCount,
    gcPauseMs: 0,
    heapBytesPerOp: 0,
    frameP50Us: 1,
    frameP99Us: 1,
    frameMaxUs: 1,
    framesOverBudget: 0,
    frames: 1,
    heldBytes: null,
    checksum,
    node: process.version,
  };
}

test("a fresh child process measures a W1 run and reports the work's checksum", () => {
  const n = 16;
  const ops = 2000;
  const result = runChild(
    { id: "plain", root: buildRoot, node: process.execPath, nodeVersion: process.version },
    {
      workload: "W1",
      contender: "prealloc",
      impl: "prealloc",
      caseLabel: "n=16 f64",
      params: { n, type: "f64" },
      ops,
      batch: 500,
      warmupOps: 500,
      frameBudgetUs: 0,
    },
  );
  assert.is(result.ops, ops);
  assert.is(result.frames, 4);
  assert.ok(result.nsPerOp > 0 && result.totalMs > 0);
  assert.ok(result.frameP50Us <= result.frameP99Us && result.frameP99Us <= result.frameMaxUs);
  assert.is(result.gcCount, 0, "the control allocates nothing in its measured window");
  // touch() sums (seed + j) & 255 over j < n; seeds run 1.. after the warm-up's 500 ops.
  let expected = 0;
  for (let op = 500; op < 500 + ops; op++) {
    const seed = (op + 1) & 1023;
    for (let j = 0; j < n; j++) expected += (seed + j) & 255;
  }
  assert.is(result.checksum, expected);
});

test("every contender of every workload does the same work (equal sinks on the first case)", async () => {
  for (const id of Object.keys(WORKLOAD_LOADERS)) {
    const workload = await loadWorkload(id);
    const spec = workload.cases(true)[0]!;
    const impls = [...new Set(workload.contenders.map((c) => c.impl))];
    const sums = new Map<string, number>();
    for (const impl of impls) {
      const trial = await workload.makeTrial(impl, spec.params);
      sink[0] = 0;
      for (let i = 0; i < 3; i++) trial.run();
      sums.set(impl, sink[0]!);
    }
    assert.is(new Set(sums.values()).size, 1, `${id}: ${JSON.stringify([...sums])}`);
    assert.ok(Number.isFinite(sums.values().next().value!), `${id} sink is finite`);
  }
});

test("a case is INVALID when the control collected garbage or results differ", () => {
  const clean = new Map([
    ["prealloc", [fakeRun("prealloc", 0, 5)]],
    ["new", [fakeRun("new", 9, 5, 100)]],
  ]);
  const valid = summariseCase("W1", "n=16 f64", 100, "prealloc", clean, new Map());
  assert.equal(valid.invalid, []);
  assert.is(valid.contenders[1]!.ratio, 10);

  const collecting = new Map([
    ["prealloc", [fakeRun("prealloc", 0, 5), fakeRun("prealloc", 1, 5)]],
  ]);
  const gcCase = summariseCase("W1", "n=16 f64", 100, "prealloc", collecting, new Map());
  assert.match(gcCase.invalid.join(), /collected garbage \(GCs per run: 0, 1\)/);

  const differing = new Map([
    ["prealloc", [fakeRun("prealloc", 0, 5)]],
    ["new", [fakeRun("new", 0, 6)]],
  ]);
  assert.match(
    summariseCase("W1", "x", 100, "prealloc", differing, new Map()).invalid.join(),
    /different results/,
  );
});

test("interleaved order: every round is a permutation, and the first contender changes", () => {
  const items = ["a", "b", "c", "d"];
  const firsts = new Set<string>();
  for (let round = 0; round < 4; round++) {
    const order = interleavedOrder(items, round);
    assert.equal([...order].sort(), items);
    firsts.add(order[0]!);
  }
  assert.is(firsts.size, items.length, "each contender leads one round");
});

test("order statistics", () => {
  assert.is(median([3, 1, 2]), 2);
  assert.is(median([4, 1, 2, 3]), 2.5);
  const ascending = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.is(percentile(ascending, 99), 99);
  assert.is(percentile(ascending, 50), 50);
  assert.is(percentile([7], 99), 7);
});

test("W7's generated project has the requested files, each using the markers", () => {
  const dir = mkdtempSync(join(tmpdir(), "aap-w7-"));
  try {
    generateProject(dir, 3);
    assert.equal(readdirSync(join(dir, "src")).sort(), ["m0.ts", "m1.ts", "m2.ts"]);
    const m1 = readFileSync(join(dir, "src", "m1.ts"), "utf8");
    assert.match(m1, /withPool\(pool, function energy1/);
    assert.match(m1, /using _ = poolScope\(pool\)/);
    assert.match(m1, /from "\.\/m0\.js"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the chart renders to SVG with vega-lite, bars drawn from the floor", async () => {
  const runs = new Map([
    ["prealloc", [fakeRun("prealloc", 0, 5, 10)]],
    ["new", [fakeRun("new", 3, 5, 40)]],
  ]);
  const summary = summariseCase("W1", "n=16 f64", 100, "prealloc", runs, new Map());
  const svg = await renderChart([summary], "test environment");
  assert.match(svg, /^<svg/);
  assert.match(svg, /prealloc/);
  // The 4x bar must have a visible width (on a log scale a bar needs an explicit baseline).
  const bar =
    /aria-label="x hand-preallocated: 4; contender: new"[^>]*d="M[\d.]+,[\d.]+h([\d.]+)v/.exec(svg);
  assert.ok(bar !== null, "the bar of contender 'new' is in the SVG");
  assert.ok(Number(bar[1]) > 10, `bar width ${bar[1]} should be visible`);
});

test.run();
