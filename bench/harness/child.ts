/**
 * The measuring process: one contender, one case, one run, in a fresh Node process. Prints one JSON
 * RunResult line. Started by the runner as `node --expose-gc <build>/bench/harness/child.js <spec>`.
 */
import { performance } from "node:perf_hooks";
import { loadWorkload } from "../workloads/registry.js";
import { sink } from "../workloads/sink.js";
import { GcMeter } from "./gc-meter.js";
import { percentile, sorted } from "./stats.js";
import type { CaseParams, RunResult, Trial } from "./types.js";

export interface ChildSpec {
  readonly workload: string;
  readonly contender: string;
  readonly impl: string;
  readonly caseLabel: string;
  readonly params: CaseParams;
  readonly ops: number;
  readonly batch: number;
  readonly warmupOps: number;
  readonly frameBudgetUs: number;
}

/**
 * Time `frames` frames of `batch` calls each. One clock read per frame boundary: performance.now()
 * itself allocates a little on Node 20, so runs are sized to a few thousand frames, which the
 * control's 0-GC check proves harmless.
 */
function timeFrames(trial: Trial, frames: number, batch: number, stamps: Float64Array): void {
  stamps[0] = performance.now();
  for (let f = 1; f <= frames; f++) {
    for (let k = 0; k < batch; k++) trial.run();
    stamps[f] = performance.now();
  }
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("the bench child needs node --expose-gc");
  gc();
}

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

export async function measure(spec: ChildSpec): Promise<RunResult> {
  const workload = await loadWorkload(spec.workload);
  const trial = await workload.makeTrial(spec.impl, spec.params);
  const batch = Math.max(1, spec.batch);
  // Several warm-up frames, so the frame loop's own clock reads have type feedback before it is
  // optimised (a single frame deoptimises it at the first clock read).
  const warmupFrames = Math.max(4, Math.ceil(spec.warmupOps / batch));
  const warmupBatch = Math.max(1, Math.ceil(spec.warmupOps / warmupFrames));
  timeFrames(trial, warmupFrames, warmupBatch, new Float64Array(warmupFrames + 1));
  const frames = Math.max(1, Math.round(spec.ops / batch));
  const stamps = new Float64Array(frames + 1);
  sink[0] = 0;
  collectGarbage();
  await nextMacrotask();
  const meter = new GcMeter();
  meter.start();
  timeFrames(trial, frames, batch, stamps);
  const heapBytes = meter.stop();
  await nextMacrotask();
  const gc = meter.read(stamps[0]!, stamps[frames]!, heapBytes);
  return summarise(spec, trial, stamps, frames * batch, gc.count, gc.pauseMs, gc.heapBytes);
}

function summarise(
  spec: ChildSpec,
  trial: Trial,
  stamps: Float64Array,
  ops: number,
  gcCount: number,
  gcPauseMs: number,
  heapBytes: number,
): RunResult {
  const frames = stamps.length - 1;
  const frameUs: number[] = [];
  for (let f = 1; f <= frames; f++) frameUs.push((stamps[f]! - stamps[f - 1]!) * 1000);
  const ascending = sorted(frameUs);
  const totalMs = stamps[frames]! - stamps[0]!;
  return {
    workload: spec.workload,
    contender: spec.contender,
    caseLabel: spec.caseLabel,
    ops,
    totalMs,
    nsPerOp: (totalMs * 1e6) / ops,
    gcCount,
    gcPauseMs,
    heapBytesPerOp: heapBytes / ops,
    frameP50Us: percentile(ascending, 50),
    frameP99Us: percentile(ascending, 99),
    frameMaxUs: ascending[ascending.length - 1]!,
    framesOverBudget:
      spec.frameBudgetUs > 0 ? frameUs.filter((us) => us > spec.frameBudgetUs).length : 0,
    frames,
    heldBytes: trial.heldBytes === undefined ? null : trial.heldBytes(),
    checksum: sink[0]!,
    node: process.version,
  };
}

if (require.main === module) {
  const spec = JSON.parse(process.argv[2] ?? "null") as ChildSpec | null;
  if (spec === null) throw new Error("usage: node --expose-gc child.js '<json ChildSpec>'");
  measure(spec).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
