/** Guide pattern "Calling other pooled functions": every pooled function manages its own scope. */
import { acquire, getTaskLocalPool, withPool, zeros } from "adaptive-array-pools";
import { snapshot, sum } from "./snapshot.js";

const pool = getTaskLocalPool();

const step1 = withPool(pool, function step1(n: number): number {
  const a = zeros(pool, Float64Array, n);
  a.fill(1);
  return sum(a);
});

const step2 = withPool(pool, function step2(n: number): number {
  const b = zeros(pool, Float64Array, n);
  b.fill(2);
  return sum(b);
});

const pipeline = withPool(pool, function pipeline(n: number): number {
  const a = step1(n);
  const b = step2(n);
  const c = acquire(pool, Float64Array, n);
  c.fill(a + b);
  return sum(c);
});

export function run(): unknown {
  return { values: [pipeline(4), pipeline(100), step1(3)], pool: snapshot(pool) };
}
