/** Guide pattern "Manual checkpoint/rewind", mixed with a pooled function called inside it. */
import { acquire, checkpoint, getTaskLocalPool, rewind, withPool } from "adaptive-array-pools";
import { snapshot, sum } from "./snapshot.js";

const helper = withPool(getTaskLocalPool(), function helper(n: number): number {
  const v = acquire(getTaskLocalPool(), Float32Array, n);
  v.fill(0.5);
  return sum(v);
});

function manualControl(): number {
  const pool = getTaskLocalPool();
  checkpoint(pool);
  try {
    const a = acquire(pool, Float64Array, 100);
    const b = acquire(pool, Float64Array, 100);
    a.fill(1);
    b.fill(2);
    return sum(a) + sum(b) + helper(8);
  } finally {
    rewind(pool);
  }
}

export function run(): unknown {
  return { values: [manualControl(), manualControl()], pool: snapshot(getTaskLocalPool()) };
}
