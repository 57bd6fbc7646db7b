/** Scopes nest: an inner scope never disturbs the arrays of the scopes around it. */
import { AdaptiveArrayPool, acquire, withPool, zeros } from "adaptive-array-pools";
import { snapshot, sum } from "./snapshot.js";

const pool = new AdaptiveArrayPool();
const depths: number[] = [];

const inner = withPool(pool, (n: number): number => {
  depths.push(pool.depth);
  const scratch = acquire(pool, Int32Array, n);
  scratch.fill(7);
  return sum(scratch);
});

const middle = withPool(pool, function middle(n: number): number {
  depths.push(pool.depth);
  const kept = zeros(pool, Float64Array, n);
  kept.fill(1);
  const fromInner = inner(n) + inner(n + 1);
  const scratch = zeros(pool, Float64Array, n);
  return sum(kept) + fromInner + sum(scratch);
});

const outer = withPool(pool, function outer(n: number): number[] {
  const first = zeros(pool, Float32Array, n);
  first.fill(2);
  const results = [middle(n), middle(n * 2)];
  results.push(sum(first));
  return results;
});

export function run(): unknown {
  return { values: [outer(3), outer(5)], depths, pool: snapshot(pool) };
}
