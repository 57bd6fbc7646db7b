/** Pooled functions used as values: object properties, call arguments, exports, array elements. */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
import { snapshot } from "./snapshot.js";

const pools = [new AdaptiveArrayPool(), new AdaptiveArrayPool()];
let poolLookups = 0;

/** A non-trivial pool expression: evaluated once per call, however often the body names the pool. */
function currentPool(): AdaptiveArrayPool {
  poolLookups++;
  return pools[poolLookups % 2]!;
}

export const exported = withPool(
  pools[0]!,
  (n: number) => acquire(pools[0]!, Float64Array, n).length,
);

const table = {
  double: withPool(
    pools[1]!,
    (x: number): number => x * 2 + acquire(pools[1]!, Int32Array, 1).length,
  ),
};

function apply(fn: (x: number) => number, x: number): number {
  return fn(x);
}

const lookedUp = withPool(currentPool(), function lookedUp(n: number): number {
  return acquire(pools[0]!, Float64Array, n).length + pools[0]!.depth;
});

export function run(): unknown {
  const fns = [exported, table.double];
  const values = [
    exported(3),
    table.double(4),
    apply(
      withPool(pools[0]!, (x: number) => x + pools[0]!.depth),
      1,
    ),
    fns.map((f) => f(2)),
    lookedUp(2),
    lookedUp(3),
  ];
  return { values, poolLookups, pools: pools.map(snapshot) };
}
