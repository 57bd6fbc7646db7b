/** Pooled functions used as values: object properties, call arguments, exports, array elements. */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
import { snapshot } from "./snapshot.js";

const pools = [new AdaptiveArrayPool(), new AdaptiveArrayPool()];
const depths: number[] = [];

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

export function run(): unknown {
  const fns = [exported, table.double];
  const values = [
    exported(3),
    table.double(4),
    apply(
      withPool(pools[0]!, (x: number) => x + depths.push(pools[0]!.depth)),
      1,
    ),
    fns.map((f) => f(2)),
  ];
  return { values, depths, pools: pools.map(snapshot) };
}
