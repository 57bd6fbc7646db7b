import os from "node:os";

/** The line every table carries: what ran, where, with which flags, N and rounds. */
export function environmentLine(
  rounds: number,
  quick: boolean,
  node24: string | undefined,
  loadAtStart: readonly number[],
): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return [
    `Node ${process.version} (V8 ${process.versions.v8})`,
    node24 === undefined
      ? "native-using contender: Node 24 unavailable"
      : `native using on ${node24}`,
    `${cpu}, ${os.cpus().length} cores, ${os.platform()} ${os.release()}`,
    `load average at start ${loadAtStart.map((l) => l.toFixed(1)).join(" / ")} (a shared machine)`,
    `child flags: --expose-gc (forced gc() only before each measured window)`,
    `${rounds} rounds, interleaved, fresh process per run${quick ? ", QUICK" : ""}`,
  ].join("; ");
}
