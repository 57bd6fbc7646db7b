/**
 * The one-time warning for a pool that keeps growing: arrays acquired outside any scope (an inner
 * function using getTaskLocalPool() called without a pooled entry point) are never released.
 */
export function warnGrowth(typeName: string, slotCount: number): void {
  const message =
    `adaptive-array-pools: ${slotCount} ${typeName} arrays are live in one pool and none has been ` +
    `released. Arrays acquired outside a pool scope are never reused: call the code that acquires ` +
    `them from a withPool function, a 'using poolScope(pool)' block, or checkpoint/rewind by hand.`;
  const processLike = (globalThis as { process?: { emitWarning?: (m: string, t: string) => void } })
    .process;
  if (typeof processLike?.emitWarning === "function") {
    processLike.emitWarning(message, "PoolGrowthWarning");
  } else {
    console.warn(message);
  }
}
