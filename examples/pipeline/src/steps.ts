/**
 * The guide's "Calling other pooled functions" pattern: each step owns its scope, and the pipeline's
 * own scope holds only what the pipeline acquires itself.
 */
import { acquire, getTaskLocalPool, withPool, zeros } from "adaptive-array-pools";

const pool = getTaskLocalPool();

function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export const step1 = withPool(pool, function step1(n: number): number {
  const a = zeros(pool, Float64Array, n);
  a.fill(1);
  return sum(a);
});

export const step2 = withPool(pool, (n: number): number => {
  const b = zeros(pool, Float64Array, n);
  b.fill(2);
  return sum(b);
});

export const pipeline = withPool(pool, function pipeline(n: number): number {
  const a = step1(n); // step1's arrays are free again once it returns
  const b = step2(n);
  const c = acquire(pool, Float64Array, n);
  c.fill(a + b);
  return sum(c);
});
