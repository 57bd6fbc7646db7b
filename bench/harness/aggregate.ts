import { median, spread } from "./stats.js";
import type { Spread } from "./stats.js";
import type { RunResult } from "./types.js";

/** Every run of one contender on one case, reduced across rounds. */
export interface ContenderSummary {
  readonly contender: string;
  readonly runs: number;
  readonly nsPerOp: Spread;
  readonly gcMedian: number;
  readonly gcMax: number;
  readonly gcPauseMsMedian: number;
  readonly heapBytesPerOp: number;
  readonly frameP50Us: number;
  readonly frameP99Us: number;
  readonly frameMaxUs: number;
  readonly framesOverBudget: number;
  readonly frames: number;
  readonly heldBytes: number | null;
  readonly checksums: readonly number[];
  /** Median time relative to the case's control (hand-preallocated). */
  readonly ratio: number;
}

export interface CaseSummary {
  readonly workload: string;
  readonly caseLabel: string;
  readonly ops: number;
  readonly control: string;
  readonly contenders: readonly ContenderSummary[];
  /** Empty when valid; otherwise why the case's numbers cannot be trusted. */
  readonly invalid: readonly string[];
  /** Contenders that could not run, with the reason. */
  readonly unavailable: ReadonlyMap<string, string>;
}

function summariseRuns(
  contender: string,
  runs: readonly RunResult[],
  controlNs: number,
): ContenderSummary {
  const ns = spread(runs.map((r) => r.nsPerOp));
  return {
    contender,
    runs: runs.length,
    nsPerOp: ns,
    gcMedian: median(runs.map((r) => r.gcCount)),
    gcMax: Math.max(...runs.map((r) => r.gcCount)),
    gcPauseMsMedian: median(runs.map((r) => r.gcPauseMs)),
    heapBytesPerOp: median(runs.map((r) => r.heapBytesPerOp)),
    frameP50Us: median(runs.map((r) => r.frameP50Us)),
    frameP99Us: median(runs.map((r) => r.frameP99Us)),
    frameMaxUs: Math.max(...runs.map((r) => r.frameMaxUs)),
    framesOverBudget: median(runs.map((r) => r.framesOverBudget)),
    frames: runs[0]?.frames ?? 0,
    heldBytes: runs[runs.length - 1]?.heldBytes ?? null,
    checksums: [...new Set(runs.map((r) => r.checksum))],
    ratio: ns.median / controlNs,
  };
}

/** Reduce one case's runs; the case is invalid if the control ever collected or checksums differ. */
export function summariseCase(
  workload: string,
  caseLabel: string,
  ops: number,
  control: string,
  runsByContender: ReadonlyMap<string, readonly RunResult[]>,
  unavailable: ReadonlyMap<string, string>,
): CaseSummary {
  const invalid: string[] = [];
  const controlRuns = runsByContender.get(control) ?? [];
  if (controlRuns.length === 0) invalid.push(`control ${control} did not run`);
  const controlGcs = controlRuns.map((r) => r.gcCount);
  if (controlGcs.some((count) => count > 0)) {
    invalid.push(`control ${control} collected garbage (GCs per run: ${controlGcs.join(", ")})`);
  }
  const controlNs = median(controlRuns.map((r) => r.nsPerOp));
  const contenders = [...runsByContender].map(([id, runs]) => summariseRuns(id, runs, controlNs));
  const checksums = new Set(contenders.flatMap((c) => c.checksums));
  if (checksums.size > 1) {
    invalid.push(
      `contenders computed different results (${[...checksums].slice(0, 4).join(" vs ")})`,
    );
  }
  return { workload, caseLabel, ops, control, contenders, invalid, unavailable };
}
