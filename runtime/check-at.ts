import { setPendingSite } from "./call-site.js";
import { installCheckMode } from "./check-mode.js";
import { AdaptiveArrayPool } from "./pool.js";
import type { Pool } from "./pool-type.js";

/**
 * What the transformer's `runtimeCheck` output wraps around the pool argument of every checkpoint and
 * acquire: puts the pool in check mode (a build compiled with `runtimeCheck` checks every pool it
 * uses) and hands the next checked checkpoint or acquire its `file:line:col`, so messages name the
 * source line without capturing a stack. Returns the pool. Written by the transformer, not by hand.
 *
 * @example
 * ```ts
 * // `const sq = acquire(pool, Float64Array, n);` in src/norm.ts, compiled under runtimeCheck:
 * const sq = acquire(checkAt(pool, "src/norm.ts:8:14"), Float64Array, n);
 * ```
 */
export function checkAt<P extends Pool>(pool: P, site: string): P {
  if (pool instanceof AdaptiveArrayPool) {
    installCheckMode(pool);
    setPendingSite(site);
  }
  return pool;
}

/**
 * What the transformer's `runtimeCheck` output makes of `return value` inside a scope: the scope-exit
 * inspection (a PoolEscapeError when `value` holds memory of the scope `token` opened), then `value`.
 * `token` is undefined for a scope of a `using` block that had not opened yet when the block returned.
 * Written by the transformer, not by hand.
 *
 * @example
 * ```ts
 * // What `return Math.sqrt(total);` inside a scope compiles to under runtimeCheck:
 * return checkEscape(pool, depth_1, Math.sqrt(total), "src/norm.ts:12:3");
 * ```
 */
export function checkEscape<T>(pool: Pool, token: number | undefined, value: T, site: string): T {
  if (token !== undefined) pool.checkResult(value, token, site);
  return value;
}
