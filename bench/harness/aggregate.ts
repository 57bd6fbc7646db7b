import { PREALLOC_CONST } from "../contenders/contender-list.js";
import { median, pairedRatios, spread } from "./stats.js";
import type { Spread } from "./stats.js";
import type { RunResult } from "./types.js";

/** Every run of one contender on one case, reduced across rounds. */
export interface ContenderSummary {
  readonly contender: string;
  readonly runs: number;
  readonly nsPerOp: Spread;
  /** Time per op and p99 frame time of each round's run, in round order (for paired ratios). */
  readonly nsPerRound: readonly number[];
  readonly p99PerRound: readonly number[];
  readonly gcMedian: number;
  readonly gcMax: number;
  readonly gcPauseMsMedian: number;
  readonly heapBytesPerOp: number;
  readonly frameP50Us: number;
  readonly frameP99Us: number;
  readonly frameMaxUs: number;
  /** Frames over budget in the worst run (a budget bar wants none in any run). */
  readonly framesOverBudget: number;
  readonly frames: number;
  readonly heldBytes: number | null;
  readonly checksums: readonly number[];
  /** Time relative to the case's control (the dyn floor): per-round ratios, median and range. */
  readonly ratio: Spread;
  /** Median per-round time relative to the constant-folded floor, when it ran. */
  readonly ratioToConst: number | null;
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
  controlNs: readonly number[],
  constNs: readonly number[] | undefined,
): ContenderSummary {
  const nsPerRound = runs.map((r) => r.nsPerOp);
  return {
    contender,
    runs: runs.length,
    nsPerOp: spread(nsPerRound),
    nsPerRound,
    p99PerRound: runs.map((r) => r.frameP99Us),
    gcMedian: median(runs.map((r) => r.gcCount)),
    gcMax: Math.max(...runs.map((r) => r.gcCount)),
    gcPauseMsMedian: median(runs.map((r) => r.gcPauseMs)),
    heapBytesPerOp: median(runs.map((r) => r.heapBytesPerOp)),
    frameP50Us: median(runs.map((r) => r.frameP50Us)),
    frameP99Us: median(runs.map((r) => r.frameP99Us)),
    frameMaxUs: Math.max(...runs.map((r) => r.frameMaxUs)),
    framesOverBudget: Math.max(...runs.map((r) => r.framesOverBudget)),
    frames: runs[0]?.frames ?? 0,
    heldBytes: runs[runs.length - 1]?.heldBytes ?? null,
    checksums: [...new Set(runs.map((r) => r.checksum))],
    ratio: pairedRatios(nsPerRound, controlNs),
    ratioToConst: constNs === undefined ? null : pairedRatios(nsPerRound, constNs).median,
  };
}

/** Why the zero-GC contenders (the floors) invalidate the case: one reason per contender that collected. */
function collectedGarbage(
  zeroGc: readonly string[],
  runsByContender: ReadonlyMap<string, readonly RunResult[]>,
): string[] {
  return zeroGc.flatMap((id) => {
    const gcs = (runsByContender.get(id) ?? []).map((r) => r.gcCount);
    return gcs.some((count) => count > 0)
      ? [`control ${id} collected garbage (GCs per run: ${gcs.join(", ")})`]
      : [];
  });
}

/**
 * Reduce one case's runs (each contender's list in round order). The case is invalid if the control
 * did not run, if any zero-GC contender (the floors) ever collected, or if checksums differ.
 */
export function summariseCase(
  workload: string,
  caseLabel: string,
  ops: number,
  control: string,
  zeroGc: readonly string[],
  runsByContender: ReadonlyMap<string, readonly RunResult[]>,
  unavailable: ReadonlyMap<string, string>,
): CaseSummary {
  const invalid: string[] = [];
  const controlNs = (runsByContender.get(control) ?? []).map((r) => r.nsPerOp);
  if (controlNs.length === 0) invalid.push(`control ${control} did not run`);
  invalid.push(...collectedGarbage([...new Set([control, ...zeroGc])], runsByContender));
  const constNs = runsByContender.get(PREALLOC_CONST)?.map((r) => r.nsPerOp);
  const contenders = [...runsByContender].map(([id, runs]) =>
    summariseRuns(id, runs, controlNs, constNs),
  );
  const checksums = new Set(contenders.flatMap((c) => c.checksums));
  if (checksums.size > 1) {
    invalid.push(
      `contenders computed different results (${[...checksums].slice(0, 4).join(" vs ")})`,
    );
  }
  return { workload, caseLabel, ops, control, contenders, invalid, unavailable };
}
