/**
 * The inlining check: compiles each hot-path scenario with V8's TurboFan under
 * `--trace-turbo-inlining` (and `--turbo-filter`, so its job is the only one traced) and fails unless every call V8 considered in the scenario was inlined, the
 * runtime functions it must inline were, and the cumulative inlined bytecode stays within V8's
 * budget. `node build/bench/inlining/check.js` prints the table docs/runtime.md quotes; exit code 1
 * on any failure. test/runtime/inlining.test.ts runs it.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { EXPECTED_INLINED, SCENARIOS } from "./scenarios.js";
import type { ScenarioName } from "./scenarios.js";

/** TurboFan's cumulative inlining budget on this V8 (--max-inlined-bytecode-size-cumulative). */
export const CUMULATIVE_BUDGET = 920;

export interface InlinedCall {
  readonly callee: string;
  readonly into: string;
  readonly bytecodeSize: number;
}

export interface ScenarioReport {
  readonly scenario: ScenarioName;
  readonly turbofanned: boolean;
  readonly inlined: readonly InlinedCall[];
  /** Functions V8 considered at a call site in this compile and did not inline. */
  readonly notInlined: readonly string[];
  readonly missingExpected: readonly string[];
  readonly cumulativeBytes: number;
  readonly ok: boolean;
}

const CONSIDERING = /^Considering .*<SharedFunctionInfo ([^>]*)>} for inlining/;
const CANDIDATE = /^\s*- target: .*<SharedFunctionInfo ([^>]*)>}, bytecode size: (\d+)/;
const INLINING = /^Inlining .*<SharedFunctionInfo ([^>]*)>} into .*<SharedFunctionInfo ([^>]*)>}/;

/**
 * Parses the trace of one child. The child runs with `--turbo-filter=<scenario>`, so the scenario's
 * is the only TurboFan job in it: every "Considering" line is a call site of the scenario or of a
 * function inlined into it, and each must be matched by an "Inlining" line of the same callee.
 */
export function parseTrace(scenario: ScenarioName, trace: string): ScenarioReport {
  const sizes = new Map<string, number>();
  const considered = new Map<string, number>();
  const inlined: InlinedCall[] = [];
  for (const line of trace.split("\n")) {
    const candidate = CANDIDATE.exec(line);
    if (candidate) sizes.set(candidate[1]!, Number(candidate[2]));
    const considering = CONSIDERING.exec(line);
    if (considering) considered.set(considering[1]!, (considered.get(considering[1]!) ?? 0) + 1);
    const inlining = INLINING.exec(line);
    if (inlining) {
      const callee = inlining[1]!;
      inlined.push({ callee, into: inlining[2]!, bytecodeSize: sizes.get(callee) ?? 0 });
    }
  }
  const inlinedCount = (name: string): number =>
    inlined.filter((call) => call.callee === name).length;
  const notInlined = [...considered]
    .filter(([name, sites]) => inlinedCount(name) < sites)
    .map(([name]) => name);
  const missingExpected = EXPECTED_INLINED[scenario].filter((name) => inlinedCount(name) === 0);
  const cumulativeBytes = inlined.reduce((sum, call) => sum + call.bytecodeSize, 0);
  const turbofanned = trace.includes("[inlining-check] turbofanned=true");
  return {
    scenario,
    turbofanned,
    inlined,
    notInlined,
    missingExpected,
    cumulativeBytes,
    ok:
      turbofanned &&
      notInlined.length === 0 &&
      missingExpected.length === 0 &&
      cumulativeBytes <= CUMULATIVE_BUDGET,
  };
}

export function traceScenario(scenario: ScenarioName): string {
  const result = spawnSync(
    process.execPath,
    [
      "--allow-natives-syntax",
      "--trace-turbo-inlining",
      "--no-concurrent-recompilation",
      `--turbo-filter=${scenario}`,
      join(__dirname, "child.js"),
      scenario,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`inlining child failed: ${result.stderr}`);
  return result.stdout;
}

export function checkInlining(): ScenarioReport[] {
  return (Object.keys(SCENARIOS) as ScenarioName[]).map((scenario) =>
    parseTrace(scenario, traceScenario(scenario)),
  );
}

/** V8 inlines functions of at most 27 bytes of bytecode outside the budget and traces no size. */
function describeSize(bytes: number): string {
  return bytes === 0 ? "(small: not counted)" : `${bytes} B`;
}

export function formatReport(reports: readonly ScenarioReport[]): string {
  const rows = reports.map((report) => {
    const counts = new Map<string, InlinedCall[]>();
    for (const call of report.inlined)
      counts.set(call.callee, [...(counts.get(call.callee) ?? []), call]);
    const calls = [...counts]
      .map(
        ([callee, sites]) => `${sites.length} x ${callee} ${describeSize(sites[0]!.bytecodeSize)}`,
      )
      .join(", ");
    const problems = [
      report.turbofanned ? "" : "not optimised",
      report.notInlined.length > 0 ? `left as calls: ${report.notInlined.join(", ")}` : "",
      report.missingExpected.length > 0
        ? `never inlined: ${report.missingExpected.join(", ")}`
        : "",
    ].filter((text) => text !== "");
    return (
      `${report.ok ? "ok  " : "FAIL"} ${report.scenario}: ${report.cumulativeBytes} / ` +
      `${CUMULATIVE_BUDGET} B inlined (${calls})${problems.length ? `; ${problems.join("; ")}` : ""}`
    );
  });
  return rows.join("\n");
}

if (require.main === module) {
  const reports = checkInlining();
  console.log(formatReport(reports));
  if (!reports.every((report) => report.ok)) process.exitCode = 1;
}
