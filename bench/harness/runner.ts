/**
 * Runs every contender of every case in a fresh Node process, interleaved: each round visits all
 * contenders, in an order that changes every round so no contender always runs first, last, or after
 * the same neighbour.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { summariseCase } from "./aggregate.js";
import type { CaseSummary } from "./aggregate.js";
import type { BuildStatus } from "./builds.js";
import type { ChildSpec } from "./child.js";
import type { BuildId, CaseSpec, ContenderSpec, RunResult, Workload } from "./types.js";

export interface RunOptions {
  readonly rounds: number;
  readonly quick: boolean;
  readonly builds: ReadonlyMap<BuildId, BuildStatus>;
  /** Why bench/peers cannot be loaded, or undefined when it can (see peers.ts). */
  readonly peersUnavailable: string | undefined;
  readonly log: (line: string) => void;
}

/** Round r starts with contender r (mod count); odd rounds run the rest backwards, so neighbours vary. */
export function interleavedOrder<T>(items: readonly T[], round: number): T[] {
  const shift = round % Math.max(1, items.length);
  const rotated = [...items.slice(shift), ...items.slice(0, shift)];
  return round % 2 === 1 && rotated.length > 1
    ? [rotated[0]!, ...rotated.slice(1).reverse()]
    : rotated;
}

/**
 * One run in a fresh process. A failed child is retried once: the checkout is shared, and a
 * concurrent rebuild can briefly leave a compiled file half written.
 */
export function runChildWithRetry(
  build: BuildStatus,
  spec: ChildSpec,
  log: (line: string) => void,
): RunResult {
  try {
    return runChild(build, spec);
  } catch (error) {
    log(`retrying once after: ${(error as Error).message}`);
    return runChild(build, spec);
  }
}

export function runChild(build: BuildStatus, spec: ChildSpec): RunResult {
  const child = join(build.root, "bench", "harness", "child.js");
  const result = spawnSync(build.node, ["--expose-gc", child, JSON.stringify(spec)], {
    encoding: "utf8",
    timeout: 300_000,
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) {
    const why = (result.stderr || String(result.error ?? `exit ${result.status}`))
      .trim()
      .split("\n");
    throw new Error(
      `${spec.workload} ${spec.caseLabel} ${spec.contender}: ${why.slice(0, 4).join(" / ")}`,
    );
  }
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "") as RunResult;
}

function unavailableReason(contender: ContenderSpec, options: RunOptions): string | undefined {
  if (contender.needsPeers === true && options.peersUnavailable !== undefined)
    return options.peersUnavailable;
  const build = options.builds.get(contender.build);
  if (build === undefined) return `no ${contender.build} build`;
  return build.unavailable;
}

function contendersOf(workload: Workload, spec: CaseSpec): ContenderSpec[] {
  const wanted = spec.contenders;
  return workload.contenders.filter((c) => wanted === undefined || wanted.includes(c.id));
}

export function runWorkload(workload: Workload, options: RunOptions): CaseSummary[] {
  const cases = workload.cases(options.quick);
  const runs = cases.map(() => new Map<string, RunResult[]>());
  const unavailable = new Map<string, string>();
  const runnable = (spec: CaseSpec): ContenderSpec[] =>
    contendersOf(workload, spec).filter((c) => {
      const reason = unavailableReason(c, options);
      if (reason !== undefined) unavailable.set(c.id, reason);
      return reason === undefined;
    });
  for (let round = 0; round < options.rounds; round++) {
    cases.forEach((spec, index) => {
      for (const contender of interleavedOrder(runnable(spec), round)) {
        const build = options.builds.get(contender.build)!;
        const result = runChildWithRetry(
          build,
          {
            workload: workload.id,
            contender: contender.id,
            impl: contender.impl,
            caseLabel: spec.label,
            params: spec.params,
            ops: spec.ops,
            batch: spec.batch,
            warmupOps: spec.warmupOps,
            frameBudgetUs: spec.frameBudgetUs ?? 0,
          },
          options.log,
        );
        const list = runs[index]!.get(contender.id) ?? [];
        list.push(result);
        runs[index]!.set(contender.id, list);
      }
      options.log(`${workload.id} ${spec.label}: round ${round + 1}/${options.rounds} done`);
    });
  }
  return cases.map((spec, index) =>
    summariseCase(
      workload.id,
      spec.label,
      spec.ops,
      workload.control,
      workload.zeroGc,
      orderedLike(workload, runs[index]!),
      unavailable,
    ),
  );
}

/** Results in the workload's contender order, whatever order the rounds ran them in. */
function orderedLike(
  workload: Workload,
  runs: ReadonlyMap<string, RunResult[]>,
): Map<string, RunResult[]> {
  const ordered = new Map<string, RunResult[]>();
  for (const c of workload.contenders) {
    const list = runs.get(c.id);
    if (list !== undefined) ordered.set(c.id, list);
  }
  return ordered;
}
