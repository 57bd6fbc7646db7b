import { checkModeByDefault, setCheckModeByDefault } from "./check-default.js";
import { installCheckMode, removeCheckMode } from "./check-mode.js";
import { AdaptiveArrayPool } from "./pool.js";
import type { Pool } from "./pool-type.js";

// JavaScript runs one task at a time per isolate, and each worker thread has its own module instance,
// so a module-level pool is exactly "task-local" in the Julia sense for synchronous code.
let taskLocalPool: AdaptiveArrayPool | undefined;
let maybePooling = true;

/**
 * This isolate's (worker's) default pool, created on first use: the pool of `withPool(fn)`,
 * `maybeWithPool(fn)` and `poolScope()` without a pool argument.
 *
 * @example
 * ```ts
 * const pool = getTaskLocalPool();
 * const token = pool.checkpoint();
 * const scratch = acquire(pool, 64);
 * pool.rewind(token);
 * ```
 */
export function getTaskLocalPool(): AdaptiveArrayPool {
  return (taskLocalPool ??= new AdaptiveArrayPool());
}

/**
 * Switch maybe-scopes (`maybeWithPool`) between pooling and fresh arrays, e.g. to debug aliasing.
 *
 * @example
 * ```ts
 * const total = maybeWithPool((n: number): number => {
 *   const scratch = acquire(getTaskLocalPool(), n);
 *   scratch.fill(1);
 *   return scratch.reduce((sum, x) => sum + x, 0);
 * });
 * setMaybePooling(false); // from now on each call of `total` gets a fresh array
 * total(4); // 4
 * setMaybePooling(true);
 * ```
 */
export function setMaybePooling(on: boolean): void {
  if (typeof on !== "boolean")
    throw new TypeError(`setMaybePooling expects a boolean, got ${typeof on}`);
  maybePooling = on;
}

/**
 * Whether maybe-scopes pool (true unless `setMaybePooling(false)` is in effect).
 *
 * @example
 * ```ts
 * if (!maybePoolingEnabled()) console.warn("maybeWithPool functions allocate fresh arrays");
 * ```
 */
export function maybePoolingEnabled(): boolean {
  return maybePooling;
}

/**
 * Open a maybe-scope on `pool`: a normal checkpoint while maybe-pooling is on, otherwise a scope in
 * which every acquire returns a fresh array. Either way `pool.rewind(token)` closes it.
 *
 * @example
 * ```ts
 * const pool = getTaskLocalPool();
 * const token = maybeCheckpoint(pool);
 * try {
 *   const scratch = acquire(pool, 8); // a fresh array while maybe-pooling is off
 *   scratch.fill(0);
 * } finally {
 *   pool.rewind(token);
 * }
 * ```
 */
export function maybeCheckpoint(pool: Pool): number {
  return maybePooling ? pool.checkpoint() : pool.suspendPooling();
}

/**
 * Switch check mode on or off for the task-local pool and for pools created afterwards without an
 * explicit `check` option (the ADAPTIVE_ARRAY_POOLS_CHECK environment variable sets the initial value).
 * Pools created earlier keep their mode.
 *
 * @example
 * ```ts
 * setRuntimeCheck(true);
 * const leak = withPool((): Float64Array => acquire(getTaskLocalPool(), 4));
 * leak(); // throws PoolEscapeError: the array would outlive its scope
 * ```
 */
export function setRuntimeCheck(on: boolean): void {
  if (typeof on !== "boolean")
    throw new TypeError(`setRuntimeCheck expects a boolean, got ${typeof on}`);
  setCheckModeByDefault(on);
  if (taskLocalPool === undefined) return;
  if (on) installCheckMode(taskLocalPool);
  else removeCheckMode(taskLocalPool);
}

/**
 * Whether new pools (and the task-local pool) run in check mode.
 *
 * @example
 * ```ts
 * // ADAPTIVE_ARRAY_POOLS_CHECK=1 node test.js
 * runtimeCheckEnabled(); // true
 * new AdaptiveArrayPool().checkMode; // true
 * ```
 */
export function runtimeCheckEnabled(): boolean {
  return checkModeByDefault();
}
