/** Free-function aliases of the pool's state methods, in the Julia package's spelling. */
import { AdaptiveArrayPool } from "./pool.js";
import type { Pool } from "./pool-type.js";
import { checkedPool } from "./request.js";
import type { CompactOptions, CompactSummary, PoolStats, TrimSummary } from "./stats.js";

// checkpoint and rewind may sit in hot loops: the common pool class is tested first, inline.
/**
 * Open a scope on `pool` and return its token, as `pool.checkpoint()` does. Arrays acquired until
 * `rewind(pool, token)` go back to the pool then.
 *
 * @example
 * ```ts
 * const pool = new AdaptiveArrayPool();
 * const token = checkpoint(pool);
 * try {
 *   const scratch = acquire(pool, 1024);
 *   scratch.fill(1);
 * } finally {
 *   rewind(pool, token);
 * }
 * ```
 */
export function checkpoint(pool: Pool): number {
  if (pool instanceof AdaptiveArrayPool) return pool.checkpoint();
  return checkedPool(pool, "checkpoint").checkpoint();
}

/**
 * Close scopes, as `pool.rewind(token)` does: with no token the innermost one, with a token every
 * scope down to and including the one `checkpoint` opened with it.
 *
 * @example
 * ```ts
 * const outer = checkpoint(pool);
 * checkpoint(pool); // an inner scope left open, e.g. by a caught exception
 * rewind(pool, outer); // closes both: pool.depth is back to what it was before `outer`
 * ```
 */
export function rewind(pool: Pool, token?: number): void {
  if (pool instanceof AdaptiveArrayPool) pool.rewind(token);
  else checkedPool(pool, "rewind").rewind(token);
}

/**
 * Free every array and close every scope, as `pool.reset()` does; buffers are kept for reuse.
 *
 * @example
 * ```ts
 * reset(pool); // e.g. between requests: pool.depth is 0 and every array is free
 * ```
 */
export function reset(pool: Pool): void {
  checkedPool(pool, "reset").reset();
}

/**
 * Release the buffers of arrays not handed out, as `pool.trim()` does.
 *
 * @example
 * ```ts
 * const { releasedSlots, releasedBytes } = trim(pool);
 * console.log(`trim released ${releasedBytes} bytes in ${releasedSlots} slots`);
 * ```
 */
export function trim(pool: Pool): TrimSummary {
  return checkedPool(pool, "trim").trim();
}

/**
 * Shrink free buffers much larger than what they served since the previous compact, as
 * `pool.compact(options)` does.
 *
 * @example
 * ```ts
 * // After a one-off huge request: keep buffers at most twice their recent peak.
 * const { compactedSlots, releasedBytes } = compact(pool, { factor: 2, minBytes: 4096 });
 * ```
 */
export function compact(pool: Pool, options?: CompactOptions): CompactSummary {
  return checkedPool(pool, "compact").compact(options);
}

/**
 * Reset the pool and release every buffer, as `pool.clear()` does.
 *
 * @example
 * ```ts
 * clear(pool); // poolStats(pool).bytes is 0 now
 * ```
 */
export function clear(pool: Pool): void {
  checkedPool(pool, "clear").clear();
}

/**
 * The pool's figures (depth, bytes held and live, per-type slots), as `pool.stats()` returns them;
 * `String(stats)` gives a readable summary.
 *
 * @example
 * ```ts
 * const stats = poolStats(pool);
 * console.log(stats.depth, stats.bytes, stats.activeBytes);
 * console.log(String(stats));
 * ```
 */
export function poolStats(pool: Pool): PoolStats {
  return checkedPool(pool, "poolStats").stats();
}

/**
 * False for the disabled pool, and for a pool inside a maybe-scope with maybe-pooling off.
 *
 * @example
 * ```ts
 * poolingEnabled(new AdaptiveArrayPool()); // true
 * poolingEnabled(DISABLED_POOL); // false
 * ```
 */
export function poolingEnabled(pool: Pool): boolean {
  return checkedPool(pool, "poolingEnabled").poolingEnabled;
}
