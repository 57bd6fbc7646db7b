/**
 * Child-process side of a measurement: `node time-workload.js <module.js> <export> <rounds>` imports a
 * compiled workload module, warms the export up, then times `rounds` calls and counts the garbage
 * collections during them. It prints one JSON line (a WorkloadTiming). Run one per fresh process, so
 * no contender inherits another's JIT feedback or heap.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

export interface WorkloadTiming {
  readonly nsPerCall: number;
  readonly gcs: number;
  /** Sum of the results: printed so the work cannot be optimised away, and comparable across runs. */
  readonly checksum: number;
}

type Round = () => number;

interface WorkloadModule {
  readonly CALLS_PER_ROUND: number;
  readonly [name: string]: unknown;
}

function runRounds(round: Round, rounds: number): number {
  let checksum = 0;
  for (let i = 0; i < rounds; i++) checksum += round();
  return checksum;
}

/** Counts 'gc' performance entries; they arrive asynchronously, so read them after a macrotask. */
function startGcCount(): () => Promise<number> {
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    count += list.getEntries().length;
  });
  observer.observe({ entryTypes: ["gc"] });
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    return count;
  };
}

export async function timeWorkload(
  modulePath: string,
  exportName: string,
  rounds: number,
): Promise<WorkloadTiming> {
  const workload = (await import(pathToFileURL(modulePath).href)) as WorkloadModule;
  const round = workload[exportName];
  if (typeof round !== "function")
    throw new TypeError(`${modulePath} has no function ${exportName}`);
  runRounds(round as Round, Math.max(1000, rounds / 10));
  const stopGcCount = startGcCount();
  const start = process.hrtime.bigint();
  const checksum = runRounds(round as Round, rounds);
  const elapsed = Number(process.hrtime.bigint() - start);
  const gcs = await stopGcCount();
  return { nsPerCall: elapsed / (rounds * workload.CALLS_PER_ROUND), gcs, checksum };
}

if (require.main === module) {
  const [modulePath, exportName, roundsText] = process.argv.slice(2);
  const rounds = Number(roundsText);
  if (
    modulePath === undefined ||
    exportName === undefined ||
    !Number.isSafeInteger(rounds) ||
    rounds <= 0
  ) {
    console.error("usage: node time-workload.js <compiled-module.js> <export> <rounds>");
    process.exit(2);
  }
  timeWorkload(modulePath, exportName, rounds).then(
    (timing) => console.log(JSON.stringify(timing)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
