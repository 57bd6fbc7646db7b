/** bench/results/latest.md: the summary of bars, then one table per workload. */
import type { CaseSummary, ContenderSummary } from "../harness/aggregate.js";
import type { BuildCostResult } from "../build-cost/w7-build-cost.js";
import type { Spread } from "../harness/stats.js";
import type { BarCheck } from "./bars.js";

export interface ReportInput {
  readonly environment: string;
  readonly command: string;
  readonly startedAt: string;
  readonly minutes: number;
  readonly titles: ReadonlyMap<string, string>;
  readonly cases: readonly CaseSummary[];
  readonly buildCost: BuildCostResult | null;
  readonly bars: readonly BarCheck[];
  readonly buildNotes: readonly string[];
}

const fixed = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : "-";

function ns(value: number): string {
  if (value >= 1e6) return `${fixed(value / 1e6, 2)} ms`;
  if (value >= 1e4) return `${fixed(value / 1e3, 1)} us`;
  return `${fixed(value)} ns`;
}

function bytes(value: number | null): string {
  if (value === null) return "-";
  if (value >= 1 << 20) return `${fixed(value / (1 << 20), 2)} MiB`;
  if (value >= 1024) return `${fixed(value / 1024, 1)} KiB`;
  return `${value} B`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const hasFrames = (c: CaseSummary): boolean => c.contenders.some((s) => s.frames > 1);
const hasHeld = (c: CaseSummary): boolean => c.contenders.some((s) => s.heldBytes !== null);
const hasBudget = (c: CaseSummary): boolean => c.workload === "W4";

function contenderRow(c: CaseSummary, s: ContenderSummary): string[] {
  const row = [
    s.contender === c.control ? `**${s.contender}** (control)` : s.contender,
    `${ns(s.nsPerOp.median)} (${ns(s.nsPerOp.min)}..${ns(s.nsPerOp.max)})`,
    `${fixed(s.ratio.median, 2)}x (${fixed(s.ratio.min, 2)}..${fixed(s.ratio.max, 2)})`,
    s.ratioToConst === null ? "-" : `${fixed(s.ratioToConst, 2)}x`,
    `${s.gcMedian} (max ${s.gcMax})`,
    fixed(s.gcPauseMsMedian, 1),
    fixed(s.heapBytesPerOp, 1),
  ];
  if (hasFrames(c)) row.push(fixed(s.frameP50Us), fixed(s.frameP99Us), fixed(s.frameMaxUs));
  if (hasBudget(c)) row.push(`${s.framesOverBudget} / ${s.frames}`);
  if (hasHeld(c)) row.push(bytes(s.heldBytes));
  return row;
}

function caseTable(c: CaseSummary): string {
  const header = [
    "contender",
    "time/op median (min..max)",
    "vs dyn (min..max)",
    "vs const-folded",
    "GCs/run",
    "GC pause ms",
    "heap B/op",
  ];
  if (hasFrames(c)) header.push("frame p50 us", "frame p99 us", "frame max us");
  if (hasBudget(c)) header.push("blocks > 2.67 ms (worst run)");
  if (hasHeld(c)) header.push("held at end");
  const status =
    c.invalid.length > 0
      ? `**INVALID**: ${c.invalid.join("; ")}`
      : "valid (floors 0 GCs, equal checksums)";
  const skipped = [...c.unavailable].map(([id, why]) => `- ${id}: unavailable: ${why}`);
  return [
    `#### ${c.workload} ${c.caseLabel} (N = ${c.ops.toLocaleString("en-US")} per run): ${status}`,
    "",
    table(
      header,
      c.contenders.map((s) => contenderRow(c, s)),
    ),
    ...(skipped.length > 0 ? ["", ...skipped] : []),
  ].join("\n");
}

function buildCostSection(result: BuildCostResult | null): string {
  if (result === null) return "";
  const head = `## W7: build cost (${result.files} generated files per project, ${result.rounds} rounds, fresh process per build)\n\n`;
  if (result.unavailable !== undefined) return `${head}unavailable: ${result.unavailable}\n`;
  const ms = (s: Spread | null): string =>
    s === null ? "-" : `${fixed(s.median, 0)} ms (${fixed(s.min, 0)}..${fixed(s.max, 0)})`;
  const ratio = (s: Spread | null): string =>
    s === null ? "-" : `${fixed(s.median, 3)}x (${fixed(s.min, 3)}..${fixed(s.max, 3)})`;
  const row = (name: string, p: BuildCostResult["importing"]): string[] => [
    name,
    ms(p.tscMs),
    ms(p.tspcMs),
    ms(p.pluginMs),
    ratio(p.pluginCost),
    ratio(p.tspcOverTsc),
  ];
  return `${head}${table(
    ["project", "tsc", "tspc (no plugin)", "tspc + plugin", "plugin's own cost", "tspc / tsc"],
    [
      row("every file imports the package", result.importing),
      row("no file imports the package", result.nonImporting),
    ],
  )}\n\nThe plugin's own cost is tspc + plugin over tspc without it, per round (median, min..max).\n`;
}

export function renderMarkdown(input: ReportInput): string {
  const workloads = [...new Set(input.cases.map((c) => c.workload))];
  const sections = workloads.map((id) => {
    const cases = input.cases.filter((c) => c.workload === id);
    return [
      `## ${id}: ${input.titles.get(id) ?? ""}`,
      "",
      ...cases.map((c) => `${caseTable(c)}\n`),
    ].join("\n");
  });
  return [
    "# Benchmark results",
    "",
    `Command: \`${input.command}\`, started ${input.startedAt}, ${fixed(input.minutes, 1)} min.`,
    "",
    `Environment: ${input.environment}`,
    "",
    "Time per op is total wall time of the measured window / N, GC pauses included. GCs are counted with",
    "PerformanceObserver('gc') inside the window; heap B/op is V8-heap allocation from v8.GCProfiler and",
    "heap deltas (ArrayBuffer backing stores live outside the V8 heap and are not counted). Times are",
    "medians over rounds with min..max. 'vs dyn' is the median (min..max) of per-round ratios to the dyn",
    "floor (a preallocated buffer read from a mutable field, the control); 'vs const-folded' the same",
    "against the constant-folded floor (a closure constant). Both floors must show 0 GCs, or INVALID.",
    "How to read these: docs/performance.md.",
    "",
    ...input.buildNotes.map((note) => `- ${note}`),
    "",
    "## Summary: performance bars",
    "",
    table(
      ["bar", "measured", "verdict"],
      input.bars.map((b) => [b.bar, b.measured, b.verdict]),
    ),
    "",
    ...sections,
    buildCostSection(input.buildCost),
  ].join("\n");
}
