/**
 * The performance bars of DESIGN.md, checked against one run's summaries. Every ratio is the median
 * of per-round ratios (runs of the same round side by side); bars are against the dyn floor, with
 * the constant-folded floor reported beside it. A bar whose contenders could not run is
 * UNAVAILABLE, one whose case broke a validity rule INVALID, never PASS.
 */
import type { CaseSummary, ContenderSummary } from "../harness/aggregate.js";
import { pairedRatios } from "../harness/stats.js";
import type { BuildCostResult } from "../build-cost/w7-build-cost.js";
import {
  AAP_TRY_FINALLY,
  FALLBACK,
  FRAME_WITH_BODY_MARKS,
  LIVE_SET,
  NEW,
  PEER_POOL_IDS,
  PREALLOC_DYN,
  PREALLOC_DYN_IN_TRY,
  SCOPE_FORMS,
  STATIC_SCRATCH,
  TRANSFORMED,
  frameScoped,
} from "../contenders/contender-list.js";
import { w1Label } from "../workloads/w1-op.js";

export type Verdict = "PASS" | "FAIL" | "UNAVAILABLE" | "INVALID";

export interface BarCheck {
  readonly bar: string;
  readonly measured: string;
  readonly verdict: Verdict;
}

export const W1_ONE = w1Label({ n: 16, type: "f64", temporaries: 1 });
export const W1_THREE = w1Label({ n: 16, type: "f64", temporaries: 3 });
const W2_BAR_SIZES = ["n=4", "n=8", "n=16", "n=32"];

/** The bar limits, in one place (DESIGN.md "Performance bars"). */
export const LIMITS = {
  w1OneVsDyn: 1.25,
  w1ThreeVsDyn: 1.2,
  w1SpeedupVsNew: 25,
  w1SpeedupVsPeer: 4,
  w2VsDyn: 1.15,
  w3FrameScopedP99VsStatic: 1.25,
  w3PerBodyP99VsStatic: 1.7,
  w4P99VsDyn: 1.05,
  w6VsTryFinally: 1.05,
  w7PluginVsTspc: 1.08,
  /** "Nothing measurable" for files that do not import the package: within 3% of tspc alone. */
  w7NonImportingVsTspc: 1.03,
} as const;

function find(
  cases: readonly CaseSummary[],
  workload: string,
  label: string,
): CaseSummary | undefined {
  return cases.find((c) => c.workload === workload && c.caseLabel === label);
}

function contender(c: CaseSummary | undefined, id: string): ContenderSummary | undefined {
  return c?.contenders.find((s) => s.contender === id);
}

const x = (value: number): string => `${value.toFixed(2)}x`;
const range = (s: { median: number; min: number; max: number }): string =>
  `${x(s.median)} (${x(s.min)}..${x(s.max)})`;
const verdict = (ok: boolean): Verdict => (ok ? "PASS" : "FAIL");

/** Time of a over time of b, per round. */
const timeRatio = (a: ContenderSummary, b: ContenderSummary) =>
  pairedRatios(a.nsPerRound, b.nsPerRound);
const p99Ratio = (a: ContenderSummary, b: ContenderSummary) =>
  pairedRatios(a.p99PerRound, b.p99PerRound);

function check(
  c: CaseSummary | undefined,
  bar: string,
  ids: readonly string[],
  measure: (subjects: ContenderSummary[], c: CaseSummary) => { text: string; ok: boolean },
): BarCheck {
  if (c === undefined) return { bar, measured: "case not run", verdict: "UNAVAILABLE" };
  const subjects = ids.map((id) => contender(c, id));
  const missing = ids.filter((_, i) => subjects[i] === undefined);
  if (missing.length > 0) {
    const reasons = missing.map((id) => `${id}: ${c.unavailable.get(id) ?? "did not run"}`);
    return { bar, measured: reasons.join("; "), verdict: "UNAVAILABLE" };
  }
  const result = measure(subjects as ContenderSummary[], c);
  if (c.invalid.length > 0)
    return { bar, measured: `${result.text} (${c.invalid.join("; ")})`, verdict: "INVALID" };
  return { bar, measured: result.text, verdict: verdict(result.ok) };
}

const gcs = (s: ContenderSummary): string => `${s.gcMax} GCs (max over runs)`;
const constBeside = (s: ContenderSummary): string =>
  s.ratioToConst === null ? "" : `; ${x(s.ratioToConst)} const-folded`;

function vsDynBar(c: CaseSummary | undefined, bar: string, lib: string, limit: number): BarCheck {
  return check(c, bar, [lib], ([s]) => ({
    text: `${range(s!.ratio)} dyn${constBeside(s!)}; ${gcs(s!)}`,
    ok: s!.ratio.median <= limit && s!.gcMax === 0,
  }));
}

function speedupBar(
  c: CaseSummary | undefined,
  lib: string,
  slower: string,
  what: string,
  limit: number,
): BarCheck {
  return check(c, `W1 n=16: ${lib} >= ${limit}x faster than ${what}`, [lib, slower], ([s, o]) => {
    const speedup = timeRatio(o!, s!);
    return { text: `${range(speedup)} faster`, ok: speedup.median >= limit };
  });
}

function w1Bars(cases: readonly CaseSummary[], lib: string): BarCheck[] {
  const one = find(cases, "W1", W1_ONE);
  const three = find(cases, "W1", W1_THREE);
  return [
    vsDynBar(
      one,
      `W1 n=16, 1 temporary: ${lib} <= ${LIMITS.w1OneVsDyn}x dyn, 0 GCs`,
      lib,
      LIMITS.w1OneVsDyn,
    ),
    vsDynBar(
      three,
      `W1 n=16, 3 temporaries (2 f64 + i32): ${lib} <= ${LIMITS.w1ThreeVsDyn}x dyn, 0 GCs`,
      lib,
      LIMITS.w1ThreeVsDyn,
    ),
    speedupBar(one, lib, NEW, "new Float64Array(16)", LIMITS.w1SpeedupVsNew),
    ...PEER_POOL_IDS.map((peer) => speedupBar(one, lib, peer, peer, LIMITS.w1SpeedupVsPeer)),
  ];
}

function w2Bars(cases: readonly CaseSummary[], lib: string): BarCheck[] {
  return W2_BAR_SIZES.flatMap((label) => {
    const c = find(cases, "W2", label);
    const rivals = [FALLBACK, ...PEER_POOL_IDS].filter((id) => id !== lib);
    return [
      vsDynBar(c, `W2 ${label}: ${lib} <= ${LIMITS.w2VsDyn}x dyn, 0 GCs`, lib, LIMITS.w2VsDyn),
      check(
        c,
        `W2 ${label}: ${lib} faster than the fallback and every peer`,
        [PREALLOC_DYN_IN_TRY, PREALLOC_DYN, lib, ...rivals],
        ([inTry, dyn, s, ...others]) => {
          const ratios = others.map((o) => ({ id: o!.contender, ratio: timeRatio(s!, o!) }));
          const closest = ratios.reduce((a, b) => (a.ratio.median >= b.ratio.median ? a : b));
          const tryRegion = range(timeRatio(inTry!, dyn!));
          return {
            text: `closest: ${closest.id} (${lib} takes ${range(closest.ratio)} of its time); dyn inside a try / finally: ${tryRegion} dyn`,
            ok: ratios.every((r) => r.ratio.median < 1),
          };
        },
      ),
    ];
  });
}

function w3Bars(cases: readonly CaseSummary[], lib: string): BarCheck[] {
  const c = find(cases, "W3", "2000 bodies");
  /** `references`: contenders reported beside the bar (their p99 over static scratch), not judged. */
  const p99Bar = (id: string, shape: string, limit: number, references: string[]): BarCheck =>
    check(
      c,
      `W3 ${shape}: ${lib} p99 <= ${limit}x static scratch, 0 GCs`,
      [id, STATIC_SCRATCH, ...references],
      ([s, scratch, ...others]) => {
        const ratio = p99Ratio(s!, scratch!);
        const beside = others
          .map((other) => `; ${other!.contender}: ${range(p99Ratio(other!, scratch!))}`)
          .join("");
        return {
          text: `p99 ${range(ratio)} (${s!.frameP99Us.toFixed(0)} vs ${scratch!.frameP99Us.toFixed(0)} us)${beside}; ${gcs(s!)}`,
          ok: ratio.median <= limit && s!.gcMax === 0,
        };
      },
    );
  // The body-marks variant exists only as a transformed build.
  const frameReferences = lib === TRANSFORMED ? [LIVE_SET, FRAME_WITH_BODY_MARKS] : [LIVE_SET];
  return [
    p99Bar(
      frameScoped(lib),
      "one scope per frame",
      LIMITS.w3FrameScopedP99VsStatic,
      frameReferences,
    ),
    p99Bar(lib, "one scope per body", LIMITS.w3PerBodyP99VsStatic, []),
  ];
}

function w4Bar(cases: readonly CaseSummary[], lib: string): BarCheck {
  const c = find(cases, "W4", "16 voices");
  const bar = `W4: ${lib} p99 <= ${LIMITS.w4P99VsDyn}x dyn, 0 GCs, no block over budget`;
  return check(c, bar, [lib, PREALLOC_DYN], ([s, dyn]) => {
    const ratio = p99Ratio(s!, dyn!);
    return {
      text: `p99 ${range(ratio)}; ${gcs(s!)}; ${s!.framesOverBudget} blocks over budget (worst run)`,
      ok: ratio.median <= LIMITS.w4P99VsDyn && s!.gcMax === 0 && s!.framesOverBudget === 0,
    };
  });
}

function w6Bars(cases: readonly CaseSummary[]): BarCheck[] {
  const c = find(cases, "W6", "16 functions, 1 site");
  const forms = c?.contenders.filter((s) => SCOPE_FORMS.includes(s.contender)) ?? [];
  return [
    check(c, "W6: transformed is the fastest scope form", [TRANSFORMED], ([s]) => {
      const others = forms.filter((o) => o.contender !== TRANSFORMED);
      const ratios = others.map((o) => `${o.contender} ${x(timeRatio(s!, o).median)}`);
      return {
        text: `transformed's time over: ${ratios.join(", ")}`,
        ok: others.every((o) => timeRatio(s!, o).median < 1),
      };
    }),
    check(
      c,
      `W6: transformed <= ${LIMITS.w6VsTryFinally}x hand-written try/finally, 0 GCs`,
      [TRANSFORMED, AAP_TRY_FINALLY],
      ([s, t]) => {
        const ratio = timeRatio(s!, t!);
        return {
          text: `${range(ratio)}; ${gcs(s!)}`,
          ok: ratio.median <= LIMITS.w6VsTryFinally && s!.gcMax === 0,
        };
      },
    ),
  ];
}

function w7Bars(build: BuildCostResult | null): BarCheck[] {
  const importing = `W7: plugin's own cost (tspc + plugin / tspc) <= ${LIMITS.w7PluginVsTspc}x, files importing the package`;
  const other = `W7: files not importing the package: tspc + plugin / tspc <= ${LIMITS.w7NonImportingVsTspc}x (nothing measurable)`;
  if (build === null || build.unavailable !== undefined) {
    const measured = build?.unavailable ?? "not run";
    return [importing, other].map((bar) => ({ bar, measured, verdict: "UNAVAILABLE" }));
  }
  return [
    {
      bar: importing,
      measured: `${range(build.importing.pluginCost)}; tspc / tsc ${x(build.importing.tspcOverTsc?.median ?? NaN)}`,
      verdict: verdict(build.importing.pluginCost.median <= LIMITS.w7PluginVsTspc),
    },
    {
      bar: other,
      measured: range(build.nonImporting.pluginCost),
      verdict: verdict(build.nonImporting.pluginCost.median <= LIMITS.w7NonImportingVsTspc),
    },
  ];
}

/**
 * The library contender the bars judge: the transformed form, or hand-written try/finally standing
 * in (and named in every bar) when the transformed build was unavailable, whichever workloads ran.
 */
export function libraryUnderTest(cases: readonly CaseSummary[]): string {
  const transformedUnavailable = cases.some((c) => c.unavailable.has(TRANSFORMED));
  return transformedUnavailable ? AAP_TRY_FINALLY : TRANSFORMED;
}

export function checkBars(
  cases: readonly CaseSummary[],
  build: BuildCostResult | null,
): BarCheck[] {
  const lib = libraryUnderTest(cases);
  return [
    ...w1Bars(cases, lib),
    ...w2Bars(cases, lib),
    ...w3Bars(cases, lib),
    w4Bar(cases, lib),
    ...w6Bars(cases),
    ...w7Bars(build),
  ];
}
