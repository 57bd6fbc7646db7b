/**
 * Smoke test of the benchmark harness with tiny N (no timing is asserted: performance claims live in
 * bench/ results, never in tests). Checks that a fresh child process measures and reports, that every
 * contender of every workload does the same work, that the validity rules and the bars fire, and
 * that the chart renders. The peer pools and vega live in bench/peers, which the root `npm ci` does
 * not install: without it the peer contenders and the SVG rendering are skipped, and the test says
 * so on its output (after `npm run bench` or `npm run bench:peers` they run too).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { runChild, interleavedOrder } from "../../bench/harness/runner.js";
import { summariseCase } from "../../bench/harness/aggregate.js";
import type { CaseSummary } from "../../bench/harness/aggregate.js";
import { peersUnavailable } from "../../bench/harness/peers.js";
import { median, pairedRatios, percentile } from "../../bench/harness/stats.js";
import type { RunResult } from "../../bench/harness/types.js";
import { loadWorkload, WORKLOAD_LOADERS } from "../../bench/workloads/registry.js";
import { sink } from "../../bench/workloads/sink.js";
import { generateProject } from "../../bench/build-cost/generate-project.js";
import { chartSpec, renderChart } from "../../bench/report/chart.js";
import { checkBars, libraryUnderTest, W1_ONE } from "../../bench/report/bars.js";
import {
  AAP_TRY_FINALLY,
  NEW,
  PREALLOC_CONST,
  PREALLOC_DYN,
  TRANSFORMED,
} from "../../bench/contenders/contender-list.js";

const buildRoot = join(__dirname, "..", "..");
const FLOOR_IDS = [PREALLOC_CONST, PREALLOC_DYN];
const peersMissing = peersUnavailable();
if (peersMissing !== undefined)
  console.log(`bench smoke: skipping the peer contenders and the SVG rendering: ${peersMissing}`);

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
      contender: PREALLOC_DYN,
      impl: PREALLOC_DYN,
      caseLabel: "n=16 f64",
      params: { n, type: "f64", temporaries: 1 },
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

test("every contender of every workload does the same work (equal sinks on every quick case)", async () => {
  for (const id of Object.keys(WORKLOAD_LOADERS)) {
    const workload = await loadWorkload(id);
    const runnable = workload.contenders.filter(
      (c) => c.needsPeers !== true || peersMissing === undefined,
    );
    const impls = [...new Set(runnable.map((c) => c.impl))];
    for (const spec of workload.cases(true)) {
      const sums = new Map<string, number>();
      for (const impl of impls) {
        const trial = await workload.makeTrial(impl, spec.params);
        sink[0] = 0;
        for (let i = 0; i < 3; i++) trial.run();
        sums.set(impl, sink[0]!);
      }
      const where = `${id} ${spec.label}`;
      assert.is(new Set(sums.values()).size, 1, `${where}: ${JSON.stringify([...sums])}`);
      assert.ok(Number.isFinite(sums.values().next().value!), `${where} sink is finite`);
    }
    for (const floor of FLOOR_IDS)
      assert.ok(impls.includes(floor), `${id} runs the ${floor} floor`);
    assert.is(workload.control, PREALLOC_DYN, `${id}'s ratios are against the dyn floor`);
  }
});

/** One W1 case from per-round times (ns per op, one entry per round) of each contender. */
function fakeCase(
  label: string,
  timesByContender: Record<string, readonly number[]>,
  gcs: Record<string, number> = {},
): CaseSummary {
  const runs = new Map(
    Object.entries(timesByContender).map(([id, times]) => [
      id,
      times.map((t) => fakeRun(id, gcs[id] ?? 0, 5, t)),
    ]),
  );
  return summariseCase("W1", label, 100, PREALLOC_DYN, FLOOR_IDS, runs, new Map());
}

test("a case is INVALID when either floor collected garbage or results differ", () => {
  const valid = fakeCase(W1_ONE, { [PREALLOC_CONST]: [8], [PREALLOC_DYN]: [10], [NEW]: [100] });
  assert.equal(valid.invalid, []);
  assert.is(valid.contenders[2]!.ratio.median, 10);
  assert.is(valid.contenders[2]!.ratioToConst, 12.5);

  const collecting = new Map([
    [PREALLOC_DYN, [fakeRun(PREALLOC_DYN, 0, 5), fakeRun(PREALLOC_DYN, 1, 5)]],
  ]);
  const gcCase = summariseCase("W1", W1_ONE, 100, PREALLOC_DYN, FLOOR_IDS, collecting, new Map());
  assert.match(gcCase.invalid.join(), /collected garbage \(GCs per run: 0, 1\)/);

  const constCollected = fakeCase(
    W1_ONE,
    { [PREALLOC_CONST]: [8], [PREALLOC_DYN]: [10] },
    {
      [PREALLOC_CONST]: 2,
    },
  );
  assert.match(constCollected.invalid.join(), /control prealloc \(const\) collected garbage/);

  const differing = new Map([
    [PREALLOC_DYN, [fakeRun(PREALLOC_DYN, 0, 5)]],
    [NEW, [fakeRun(NEW, 0, 6)]],
  ]);
  assert.match(
    summariseCase("W1", "x", 100, PREALLOC_DYN, FLOOR_IDS, differing, new Map()).invalid.join(),
    /different results/,
  );
});

test("ratios pair each round's runs: the median of per-round ratios, with their range", () => {
  // Round 2 ran on a slower machine for both: pairing cancels it, medians of times would not.
  const r = pairedRatios([12, 24, 13], [10, 20, 10]);
  assert.is(r.median, 1.2);
  assert.is(r.min, 1.2);
  assert.is(r.max, 1.3);
});

test("the W1 bar passes at 1.25x the dyn floor and fails just above, and INVALID beats PASS", () => {
  const bar = (transformedNs: number, dynGcs = 0) =>
    checkBars(
      [
        fakeCase(
          W1_ONE,
          {
            [PREALLOC_CONST]: [8, 8],
            [PREALLOC_DYN]: [10, 10],
            [TRANSFORMED]: [transformedNs, transformedNs],
          },
          { [PREALLOC_DYN]: dynGcs },
        ),
      ],
      null,
    ).find((b) => b.bar.startsWith("W1 n=16, 1 temporary"))!;
  assert.is(bar(12.5).verdict, "PASS");
  assert.match(bar(12.5).measured, /1\.25x \(1\.25x\.\.1\.25x\) dyn; 1\.56x const-folded/);
  assert.is(bar(12.6).verdict, "FAIL");
  assert.is(bar(12, 1).verdict, "INVALID");
});

test("the bars judge the transformed form unless its build was unavailable, whatever ran", () => {
  const w3Only = { ...fakeCase("2000 bodies", { [PREALLOC_DYN]: [10] }), workload: "W3" };
  assert.is(libraryUnderTest([w3Only]), TRANSFORMED);
  const noPlugin = { ...w3Only, unavailable: new Map([[TRANSFORMED, "tspc failed"]]) };
  assert.is(libraryUnderTest([noPlugin]), AAP_TRY_FINALLY);
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

test("W7's generated projects: every file imports the package, or none does", () => {
  const dir = mkdtempSync(join(tmpdir(), "aap-w7-"));
  try {
    generateProject(dir, 3, "importing");
    assert.equal(readdirSync(join(dir, "src")).sort(), ["m0.ts", "m1.ts", "m2.ts"]);
    const m1 = readFileSync(join(dir, "src", "m1.ts"), "utf8");
    assert.match(m1, /from "adaptive-array-pools"/);
    assert.match(m1, /withPool\(pool, function energy1/);
    assert.match(m1, /using _ = poolScope\(pool\)/);
    assert.match(m1, /from "\.\/m0\.js"/);
    generateProject(dir, 3, "non-importing");
    for (const file of readdirSync(join(dir, "src"))) {
      const source = readFileSync(join(dir, "src", file), "utf8");
      assert.not.match(source, /adaptive-array-pools|withPool|poolScope|acquire/, file);
    }
    assert.match(readFileSync(join(dir, "src", "m1.ts"), "utf8"), /from "\.\/m0\.js"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const chartCase = (): CaseSummary =>
  fakeCase(W1_ONE, { [PREALLOC_CONST]: [8], [PREALLOC_DYN]: [10], [NEW]: [40] }, { [NEW]: 3 });

test("the chart's bars on the log scale start at the dyn floor (else they have no width)", () => {
  const spec = JSON.stringify(chartSpec([chartCase()], "test environment"));
  assert.match(spec, /"x2":\{"datum":1\}/);
  assert.match(spec, /"scale":\{"type":"log"/);
  assert.match(spec, /"contender":"new","ratio":4,"gcs":3/);
});

test("the chart renders to SVG with vega-lite, bars drawn from the floor", async () => {
  if (peersMissing !== undefined) return; // reported above: vega lives in bench/peers
  const svg = await renderChart([chartCase()], "test environment");
  assert.match(svg, /^<svg/);
  assert.match(svg, /prealloc \(dyn\)/);
  // The 4x bar must have a visible width (on a log scale a bar needs an explicit baseline).
  const bar = /aria-label="x dyn floor: 4; contender: new"[^>]*d="M[\d.]+,[\d.]+h([\d.]+)v/.exec(
    svg,
  );
  assert.ok(bar !== null, "the bar of contender 'new' is in the SVG");
  assert.ok(Number(bar[1]) > 10, `bar width ${bar[1]} should be visible`);
});

test.run();
