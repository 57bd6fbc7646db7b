/**
 * Markers the plugin cannot rewrite. Each gets a numbered diagnostic naming the fix, the call is left
 * as written, and the runtime fallback gives the same results a rewrite would.
 */
import { acquire, getTaskLocalPool, poolScope, poolStats, withPool } from "adaptive-array-pools";

const pool = getTaskLocalPool();

function fillAndSum(n: number): number {
  const scratch = acquire(pool, Float64Array, n);
  scratch.fill(1.5);
  return scratch.reduce((total, value) => total + value, 0);
}

// The function is a variable, not written inline: there is no body to wrap.
const pooledByReference = withPool(pool, fillAndSum);

// Spread arguments: which argument is the pool is unknown at compile time.
const markerArguments = [pool, fillAndSum] as const;
const pooledBySpread = withPool(...markerArguments);

// poolScope outside a `using` declaration: nothing closes the scope unless the code does it by hand.
const handle = poolScope(pool);
const insideHandle = fillAndSum(3);
handle[Symbol.dispose]();

console.log(`byReference(4) = ${pooledByReference(4)}`);
console.log(`bySpread(2) = ${pooledBySpread(2)}`);
console.log(`insideHandle = ${insideHandle}`);
console.log(`depth after = ${poolStats(pool).depth}`);
