/**
 * A project whose only diagnostics are warnings: the build succeeds (warnings are printed in
 * TypeScript's format, not handed to the compiler as failures), the program runs, and with
 * `"warnings": "error"` (tsconfig.errors.json) the same warnings fail the build.
 */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";

const pool = new AdaptiveArrayPool();
const kept: Float64Array[] = [];

// AAP2012: an array of the scope put into an outer container (a possible escape, so a warning).
const remember = withPool(pool, function remember(n: number): number {
  const scratch = acquire(pool, Float64Array, n).fill(2);
  kept.push(scratch);
  return scratch.length;
});

function double(n: number): number {
  return acquire(pool, Float64Array, n).fill(2).length * 2;
}

// AAP1010: a function passed by name cannot be rewritten inline; the runtime fallback runs it.
const doubled = withPool(pool, double);

console.log(`remember(3) = ${remember(3)}`);
console.log(`doubled(2) = ${doubled(2)}`);
