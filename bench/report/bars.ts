/**
 * The performance bars of DESIGN.md, checked against one run's summaries. A bar whose contenders
 * could not run is UNAVAILABLE, never PASS.
 */
import type { CaseSummary, ContenderSummary } from "../harness/aggregate.js";
import type { BuildCostResult } from "../build-cost/w7-build-cost.js";

export type Verdict = "PASS" | "FAIL" | "UNAVAILABLE" | "INVALID";

export interface BarCheck {
  readonly bar: string;
  readonly measured: string;
  readonly verdict: Verdict;
}

export const TRANSFORMED = "aap transformed";
export const TRY_FINALLY = "aap try/finally";
const PEER_IDS = ["typedarray-pool", "stdlib-pool", "thing-malloc"];
const SCOPE_FORMS = ["aap transformed", "aap fallback", "aap using (ES2022)", "aap using (native)"];

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
const verdict = (ok: boolean): Verdict => (ok ? "PASS" : "FAIL");

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

function w1Bars(cases: readonly CaseSummary[], lib: string): BarCheck[] {
  const w1 = find(cases, "W1", "n=16 f64");
  return [
    check(w1, `W1 n=16: ${lib} <= 1.15x hand-preallocated, 0 GCs`, [lib], ([s]) => ({
      text: `${x(s!.ratio)}, ${s!.gcMax} GCs (max over runs)`,
      ok: s!.ratio <= 1.15 && s!.gcMax === 0,
    })),
    check(
      w1,
      `W1 n=16: ${lib} >= 15x faster than new Float64Array(16)`,
      [lib, "new"],
      ([s, naive]) => {
        const speedup = naive!.nsPerOp.median / s!.nsPerOp.median;
        return { text: `${x(speedup)} faster`, ok: speedup >= 15 };
      },
    ),
    ...PEER_IDS.map((peer) =>
      check(w1, `W1 n=16: ${lib} >= 2x faster than ${peer}`, [lib, peer], ([s, p]) => {
        const speedup = p!.nsPerOp.median / s!.nsPerOp.median;
        return { text: `${x(speedup)} faster`, ok: speedup >= 2 };
      }),
    ),
  ];
}

function w6Bars(cases: readonly CaseSummary[]): BarCheck[] {
  const w6 = find(cases, "W6", "16 functions, 1 site");
  const forms = w6?.contenders.filter((s) => SCOPE_FORMS.includes(s.contender)) ?? [];
  return [
    check(w6, "W6: transformed is the fastest scope form", [TRANSFORMED], ([s]) => {
      const fastest = forms.reduce((a, b) => (a.nsPerOp.median <= b.nsPerOp.median ? a : b));
      return {
        text: `fastest: ${fastest.contender} (${fastest.nsPerOp.median.toFixed(1)} ns); transformed ${s!.nsPerOp.median.toFixed(1)} ns`,
        ok: fastest.contender === TRANSFORMED,
      };
    }),
    check(
      w6,
      "W6: transformed <= 1.1x hand-written try/finally, 0 GCs",
      [TRANSFORMED, TRY_FINALLY],
      ([s, t]) => {
        const ratio = s!.nsPerOp.median / t!.nsPerOp.median;
        return { text: `${x(ratio)}, ${s!.gcMax} GCs`, ok: ratio <= 1.1 && s!.gcMax === 0 };
      },
    ),
  ];
}

/** W2-W4: the library at 0 GCs after warm-up and p99 frame time no worse than hand-preallocated. */
function steadyStateBars(cases: readonly CaseSummary[], lib: string): BarCheck[] {
  return cases
    .filter((c) => c.workload === "W2" || c.workload === "W3" || c.workload === "W4")
    .map((c) =>
      check(
        c,
        `${c.workload} ${c.caseLabel}: ${lib} 0 GCs, p99 <= hand-preallocated`,
        [lib, c.control],
        ([s, ctl]) => ({
          text: `${s!.gcMax} GCs; p99 ${s!.frameP99Us.toFixed(0)} us vs ${ctl!.frameP99Us.toFixed(0)} us`,
          ok: s!.gcMax === 0 && s!.frameP99Us <= ctl!.frameP99Us,
        }),
      ),
    );
}

function w7Bar(build: BuildCostResult | null): BarCheck {
  const bar = "W7: tspc with the plugin <= 1.15x plain tsc";
  if (build === null) return { bar, measured: "not run", verdict: "UNAVAILABLE" };
  if (build.ratio === null)
    return { bar, measured: build.unavailable ?? "unavailable", verdict: "UNAVAILABLE" };
  return { bar, measured: x(build.ratio), verdict: verdict(build.ratio <= 1.15) };
}

/** The library contender the bars judge: the transformed form, else say which stands in. */
export function libraryUnderTest(cases: readonly CaseSummary[]): string {
  const w1 = find(cases, "W1", "n=16 f64");
  return contender(w1, TRANSFORMED) === undefined ? TRY_FINALLY : TRANSFORMED;
}

export function checkBars(
  cases: readonly CaseSummary[],
  build: BuildCostResult | null,
): BarCheck[] {
  const lib = libraryUnderTest(cases);
  return [...w1Bars(cases, lib), ...w6Bars(cases), ...steadyStateBars(cases, lib), w7Bar(build)];
}
