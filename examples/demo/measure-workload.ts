/** Parent side of a measurement: each run of a workload in its own fresh Node process, then a summary. */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import type { WorkloadTiming } from "./time-workload.js";

const CHILD_SCRIPT = path.join(__dirname, "time-workload.js");

/** One timed run of `exportName` from the compiled `modulePath`, in a new process. */
export function timeInFreshProcess(
  modulePath: string,
  exportName: string,
  rounds: number,
): WorkloadTiming {
  const child = spawnSync(
    process.execPath,
    [CHILD_SCRIPT, modulePath, exportName, String(rounds)],
    {
      encoding: "utf8",
    },
  );
  if (child.status !== 0) {
    throw new Error(
      `timing ${exportName} from ${modulePath} failed (exit ${child.status}):\n${child.stderr}`,
    );
  }
  return JSON.parse(child.stdout) as WorkloadTiming;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export interface Contender {
  readonly label: string;
  readonly modulePath: string;
  readonly exportName: string;
}

export interface ContenderSummary {
  readonly label: string;
  readonly nsPerCall: Spread;
  readonly gcs: Spread;
  readonly checksums: readonly number[];
}

/**
 * `runs` fresh-process runs of every contender, interleaved (A B A B …) so slow phases of a noisy
 * machine hit all contenders alike.
 */
export function measureContenders(
  contenders: readonly Contender[],
  rounds: number,
  runs: number,
): ContenderSummary[] {
  const timings = contenders.map((): WorkloadTiming[] => []);
  for (let run = 0; run < runs; run++) {
    contenders.forEach((c, i) =>
      timings[i]!.push(timeInFreshProcess(c.modulePath, c.exportName, rounds)),
    );
  }
  return contenders.map((c, i) => ({
    label: c.label,
    nsPerCall: spreadOf(timings[i]!.map((t) => t.nsPerCall)),
    gcs: spreadOf(timings[i]!.map((t) => t.gcs)),
    checksums: timings[i]!.map((t) => t.checksum),
  }));
}

function formatSpread(spread: Spread, digits: number): string {
  return `${spread.median.toFixed(digits)} (${spread.min.toFixed(digits)}..${spread.max.toFixed(digits)})`;
}

/** A plain-text table: median (min..max) of ns/call and GCs per contender. */
export function formatSummaries(summaries: readonly ContenderSummary[], runs: number): string {
  const width = Math.max(...summaries.map((s) => s.label.length));
  const header = `${"".padEnd(width)}  ns/call, median (min..max) of ${runs}   GCs, median (min..max)`;
  const rows = summaries.map(
    (s) =>
      `${s.label.padEnd(width)}  ${formatSpread(s.nsPerCall, 1).padEnd(34)}  ${formatSpread(s.gcs, 0)}`,
  );
  return [header, ...rows].join("\n");
}
