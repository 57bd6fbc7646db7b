/** Free-function aliases of the pool's state methods, in the Julia package's spelling. */
import type { Pool } from "./pool-type.js";
import type { CompactOptions, CompactSummary, PoolStats, TrimSummary } from "./stats.js";

export function checkpoint(pool: Pool): number {
  return pool.checkpoint();
}

export function rewind(pool: Pool, token?: number): void {
  pool.rewind(token);
}

export function reset(pool: Pool): void {
  pool.reset();
}

export function trim(pool: Pool): TrimSummary {
  return pool.trim();
}

export function compact(pool: Pool, options?: CompactOptions): CompactSummary {
  return pool.compact(options);
}

export function clear(pool: Pool): void {
  pool.clear();
}

export function poolStats(pool: Pool): PoolStats {
  return pool.stats();
}

/** False for the disabled pool, and for a pool inside a maybe-scope with maybe-pooling off. */
export function poolingEnabled(pool: Pool): boolean {
  return pool.poolingEnabled;
}
