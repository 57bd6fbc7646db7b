/**
 * Seed pattern "Calling other pooled functions": each pooled function manages its own scope, so they
 * call each other freely. step1's and step2's arrays are free for reuse as soon as each returns.
 */
import { AdaptiveArrayPool, acquire, zeros, withPool } from "../../runtime/index.js";
import { sum } from "./sum.js";

export const pool = new AdaptiveArrayPool();

export const step1 = withPool(pool, function step1(n: number): number {
  const a = zeros(pool, Float64Array, n);
  a.fill(1.0);
  return sum(a);
});

export const step2 = withPool(pool, function step2(n: number): number {
  const b = zeros(pool, Float64Array, n);
  b.fill(2.0);
  return sum(b);
});

export const pipeline = withPool(pool, function pipeline(n: number): number {
  const a = step1(n); // step1's array is marked for reuse when it returns
  const b = step2(n); // ...and step2 reuses that very slot
  const c = acquire(pool, Float64Array, n);
  c.fill(a + b);
  return sum(c);
});

if (require.main === module) {
  console.log(`pipeline(10) = ${pipeline(10)}`);
}
