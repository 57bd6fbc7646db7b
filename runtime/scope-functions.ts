/** Free-function aliases of the pool's state methods, in the Julia package's spelling. */
import { AdaptiveArrayPool } from "./pool.js";
import type { Pool } from "./pool-type.js";
import { checkedPool } from "./request.js";
import type { CompactOptions, CompactSummary, PoolStats, TrimSummary } from "./stats.js";

// checkpoint and rewind may sit in hot loops: the common pool class is tested first, inline.
export function checkpoint(pool: Pool): number {
  if (pool instanceof AdaptiveArrayPool) return pool.checkpoint();
  return checkedPool(pool, "checkpoint").checkpoint();
}

export function rewind(pool: Pool, token?: number): void {
  if (pool instanceof AdaptiveArrayPool) pool.rewind(token);
  else checkedPool(pool, "rewind").rewind(token);
}

export function reset(pool: Pool): void {
  checkedPool(pool, "reset").reset();
}

export function trim(pool: Pool): TrimSummary {
  return checkedPool(pool, "trim").trim();
}

export function compact(pool: Pool, options?: CompactOptions): CompactSummary {
  return checkedPool(pool, "compact").compact(options);
}

export function clear(pool: Pool): void {
  checkedPool(pool, "clear").clear();
}

export function poolStats(pool: Pool): PoolStats {
  return checkedPool(pool, "poolStats").stats();
}

/** False for the disabled pool, and for a pool inside a maybe-scope with maybe-pooling off. */
export function poolingEnabled(pool: Pool): boolean {
  return checkedPool(pool, "poolingEnabled").poolingEnabled;
}
