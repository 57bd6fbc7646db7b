export interface GrowthReport {
  readonly typeName: string;
  /** Arrays of the type live at once. */
  readonly live: number;
  /** How many of them were acquired outside every scope (depth 0): those are never reused. */
  readonly outsideScopes: number;
  /** The pool's depth when the warning fired. */
  readonly depth: number;
}

/**
 * The one-time warning for a pool that keeps growing. The usual cause is arrays acquired outside any
 * scope (an inner function using getTaskLocalPool() called without a pooled entry point), which are
 * never released; when every live array is inside an open scope, the message says so instead.
 */
export function warnGrowth(report: GrowthReport): void {
  emit(growthMessage(report));
}

export function growthMessage({ typeName, live, outsideScopes, depth }: GrowthReport): string {
  const head = `adaptive-array-pools: ${live} ${typeName} arrays are live in one pool.`;
  if (outsideScopes > 0) {
    return (
      `${head} ${outsideScopes} of them were acquired outside any pool scope and are never reused: ` +
      `call the code that acquires them from a withPool function, a 'using poolScope(pool)' block, ` +
      `or checkpoint/rewind by hand.`
    );
  }
  return (
    `${head} All of them belong to open scopes (depth ${depth}): look for a scope that is never ` +
    `closed (a checkpoint without its rewind) or unbounded recursion through pooled functions; if ` +
    `one scope really needs this many arrays, raise the pool's growthWarningThreshold.`
  );
}

function emit(message: string): void {
  const processLike = (globalThis as { process?: { emitWarning?: (m: string, t: string) => void } })
    .process;
  if (typeof processLike?.emitWarning === "function") {
    processLike.emitWarning(message, "PoolGrowthWarning");
  } else {
    console.warn(message);
  }
}
