/**
 * Seed pattern "Manual checkpoint/rewind": what withPool generates, written by hand for fine-grained
 * control. Rewinding with the token checkpoint returned also closes any scope an inner function left
 * open (the entry-depth guard), which a bare rewind(pool) would not.
 */
import { acquire, checkpoint, getTaskLocalPool, rewind } from "../../runtime/index.js";
import { sum } from "./sum.js";

export function manualControl(): number {
  const pool = getTaskLocalPool();
  const token = checkpoint(pool);
  try {
    const a = acquire(pool, Float64Array, 100);
    const b = acquire(pool, Float64Array, 100);
    a.fill(1);
    b.fill(2);
    return sum(a) + sum(b);
  } finally {
    rewind(pool, token);
  }
}

if (require.main === module) {
  console.log(`manualControl() = ${manualControl()}`);
}
