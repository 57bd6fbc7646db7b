/**
 * Misuse of the pool's scope discipline: a rewind with no open scope, a token from a scope that was
 * already rewound past (out-of-order rewinds, e.g. two async tasks interleaving on one pool), or a pooled
 * function whose work outlives its scope (a promise or generator returned through the runtime fallback).
 *
 * The pool is left in a consistent state when this is thrown, so it stays usable.
 *
 * @example
 * ```ts
 * const pool = new AdaptiveArrayPool();
 * try {
 *   pool.rewind(); // no scope is open
 * } catch (error) {
 *   if (!(error instanceof PoolStateError)) throw error;
 *   console.error(error.message); // "rewind() without an open scope: call checkpoint() first"
 * }
 * ```
 */
export class PoolStateError extends Error {
  /** "PoolStateError", as stack traces and `String(error)` show it. */
  override readonly name = "PoolStateError";
}

/**
 * Check mode found memory of a closing pool scope in the value leaving it (the scope's result, or
 * something it contains): that memory would be handed out again as soon as the scope ends. Thrown
 * before the scope rewinds; the scope is still rewound, so the pool stays usable.
 *
 * @example
 * ```ts
 * const pool = new AdaptiveArrayPool({ check: true });
 * const leak = withPool(pool, (): Float64Array => acquire(pool, 4));
 * try {
 *   leak();
 * } catch (error) {
 *   if (!(error instanceof PoolEscapeError)) throw error;
 *   console.error(error.typeName, error.length, error.acquiredAt); // "Float64Array" 4 "..."
 * }
 * ```
 */
export class PoolEscapeError extends Error {
  /** "PoolEscapeError", as stack traces and `String(error)` show it. */
  override readonly name = "PoolEscapeError";
  /** The escaping array's element type, e.g. "Float64Array". */
  readonly typeName: string;
  /** The escaping array's length. */
  readonly length: number;
  /** `file:line:col` of the acquire, or "unknown call site". */
  readonly acquiredAt: string;
  /** Where the value leaves the scope: `file:line:col`, or the pooled function's name. */
  readonly escapedAt: string;

  /**
   * Made by check mode when it finds an escape; `path` says where in the value the memory sits
   * (e.g. "the returned value itself"). The fields keep the parts; the message says it all at once.
   */
  constructor(
    typeName: string,
    length: number,
    acquiredAt: string,
    escapedAt: string,
    path: string,
  ) {
    super(
      `${/^Int/.test(typeName) ? "an" : "a"} ${typeName} of length ${length} acquired at ${acquiredAt} escapes its pool scope at ` +
        `${escapedAt} (${path}): its memory is handed out again as soon as the scope ends. ` +
        `Return a copy (slice(), Array.from) or a scalar instead.`,
    );
    this.typeName = typeName;
    this.length = length;
    this.acquiredAt = acquiredAt;
    this.escapedAt = escapedAt;
  }
}
