/**
 * The scope markers as ordinary functions. The transformer rewrites marked functions into inline
 * checkpoint / try / finally rewind code; these fallbacks give an untransformed program the same
 * behaviour, at the cost of one wrapper closure per marked function.
 */
import { PoolStateError } from "./errors.js";
import type { Pool } from "./pool-type.js";
import type { PoolScopeHandle } from "./pool-scope-handle.js";
import { checkedPool } from "./request.js";
import { getTaskLocalPool, maybeCheckpoint } from "./task-local.js";

/** Any function: `never[]` parameters accept every parameter list. */
type AnyFunction = (...args: never[]) => unknown;

/** The constructor of `sample`'s kind of function: AsyncFunction and friends have no global name. */
function constructorOf(sample: object): abstract new () => unknown {
  return (Object.getPrototypeOf(sample) as { constructor: abstract new () => unknown }).constructor;
}

const AsyncFunction = constructorOf(async function () {});
const GeneratorFunction = constructorOf(function* () {});
const AsyncGeneratorFunction = constructorOf(async function* () {});

/**
 * `fn` with a pool scope around every call: arrays it acquires are reused by the next call. The
 * returned function keeps `this`, arguments, return value, `name` and `length`.
 * `withPool(fn)` uses `getTaskLocalPool()`, looked up per call.
 *
 * @example
 * ```ts
 * const pool = new AdaptiveArrayPool();
 * const median = withPool(pool, (xs: Float64Array): number => {
 *   const sorted = acquire(pool, xs);
 *   sorted.set(xs);
 *   sorted.sort();
 *   return sorted[sorted.length >> 1] ?? NaN;
 * });
 * median(new Float64Array([3, 1, 2])); // 2; the next call reuses the same buffer
 * ```
 */
export function withPool<F extends AnyFunction>(pool: Pool, fn: F): F;
export function withPool<F extends AnyFunction>(fn: F): F;
export function withPool(poolOrFn: Pool | AnyFunction, fn?: AnyFunction): AnyFunction {
  return typeof poolOrFn === "function"
    ? scoped(undefined, poolOrFn, false, "withPool")
    : scoped(poolOrFn, fn, false, "withPool");
}

/**
 * Like `withPool`, but while `setMaybePooling(false)` is in effect each call's acquires return fresh
 * arrays, as from DISABLED_POOL.
 *
 * @example
 * ```ts
 * const total = maybeWithPool((n: number): number => {
 *   const scratch = ones(getTaskLocalPool(), n);
 *   return scratch.reduce((sum, x) => sum + x, 0);
 * });
 * total(3); // 3, from a pooled array
 * setMaybePooling(false);
 * total(3); // 3, from a fresh array
 * ```
 */
export function maybeWithPool<F extends AnyFunction>(pool: Pool, fn: F): F;
export function maybeWithPool<F extends AnyFunction>(fn: F): F;
export function maybeWithPool(poolOrFn: Pool | AnyFunction, fn?: AnyFunction): AnyFunction {
  return typeof poolOrFn === "function"
    ? scoped(undefined, poolOrFn, true, "maybeWithPool")
    : scoped(poolOrFn, fn, true, "maybeWithPool");
}

/**
 * A pool scope for a block: `using _ = poolScope(pool);` rewinds when the block exits, however it
 * exits. Without a pool, the task-local pool.
 *
 * @example
 * ```ts
 * function median(pool: Pool, xs: Float64Array): number {
 *   using _ = poolScope(pool);
 *   const sorted = acquire(pool, xs);
 *   sorted.set(xs);
 *   sorted.sort();
 *   return sorted[sorted.length >> 1] ?? NaN;
 * }
 * ```
 */
export function poolScope(pool?: Pool): PoolScopeHandle {
  const target = pool === undefined ? getTaskLocalPool() : checkedPool(pool, "poolScope");
  return target.scopeHandle(target.checkpoint());
}

function scoped(pool: Pool | undefined, fn: unknown, maybe: boolean, marker: string): AnyFunction {
  // Checked when wrapping, so a wrong argument fails where it is written, not at every call.
  if (pool !== undefined) checkedPool(pool, marker);
  checkScopedFunction(fn, marker);
  const body = fn as (...args: unknown[]) => unknown;
  // Where a result escapes, for check mode's PoolEscapeError; made once per wrapped function.
  const escapeSite = `${marker}(${body.name || "anonymous"})`;
  const wrapped = function (this: unknown): unknown {
    const target = pool ?? getTaskLocalPool();
    const token = maybe ? maybeCheckpoint(target) : target.checkpoint();
    try {
      // `arguments`, not a rest parameter: forwarding it allocates nothing in optimised code.
      /* eslint-disable prefer-rest-params */
      const result: unknown =
        new.target === undefined
          ? body.apply(this, arguments as unknown as unknown[])
          : Reflect.construct(body, arguments, new.target);
      /* eslint-enable prefer-rest-params */
      if (isThenable(result)) throw outlivedScope(body.name, marker);
      target.checkResult(result, token, escapeSite);
      return result;
    } finally {
      target.rewind(token);
    }
  };
  Object.defineProperty(wrapped, "name", { value: body.name, configurable: true });
  Object.defineProperty(wrapped, "length", { value: body.length, configurable: true });
  return wrapped;
}

function checkScopedFunction(fn: unknown, marker: string): void {
  if (typeof fn !== "function") {
    throw new TypeError(`${marker} expects a function, got ${fn === null ? "null" : typeof fn}`);
  }
  const kind =
    fn instanceof AsyncGeneratorFunction
      ? "an async generator"
      : fn instanceof AsyncFunction
        ? "an async function"
        : fn instanceof GeneratorFunction
          ? "a generator"
          : undefined;
  if (kind !== undefined) {
    throw new TypeError(
      `${marker}(${fn.name || "anonymous"}): ${kind} would outlive its pool scope (the scope ends ` +
        `at the first await/yield while the body keeps using its arrays). Finish the pooled work in ` +
        `a synchronous function and call it from the ${kind.replace(/^an? /, "")}, or give each task its own pool.`,
    );
  }
}

function isThenable(value: unknown): boolean {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function outlivedScope(name: string, marker: string): PoolStateError {
  return new PoolStateError(
    `${marker}(${name || "anonymous"}) returned a promise: its pool scope ended when it returned, ` +
      `before the asynchronous work that uses its arrays. Finish the pooled work synchronously ` +
      `(await outside the pooled function), or give each task its own pool.`,
  );
}
