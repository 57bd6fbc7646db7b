/**
 * A designed difference between the rewrite and the runtime fallback (DESIGN.md: "non-trivial pool
 * expressions are evaluated once per call"). In `withPool(currentPool(), fn)` the rewrite moves
 * `currentPool()` into the function, so it runs on every call; the runtime fallback receives its value
 * once, when `withPool` itself runs. Equal for a pool held in a const or `getTaskLocalPool()`; visible
 * when the expression has side effects or can change between calls, as here.
 */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
import { snapshot } from "../scenarios/snapshot.js";

const pools = [new AdaptiveArrayPool(), new AdaptiveArrayPool()];
let poolLookups = 0;

function currentPool(): AdaptiveArrayPool {
  poolLookups++;
  return pools[poolLookups % 2]!;
}

const lookedUp = withPool(currentPool(), function lookedUp(n: number): number {
  return acquire(pools[0]!, Float64Array, n).length;
});

export function run(): unknown {
  const values = [lookedUp(2), lookedUp(3), lookedUp(4)];
  return { values, poolLookups, pools: pools.map(snapshot) };
}
