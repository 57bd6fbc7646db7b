/**
 * Misuse of the pool's scope discipline: a rewind with no open scope, a token from a scope that was
 * already rewound past (out-of-order rewinds, e.g. two async tasks interleaving on one pool), or a pooled
 * function whose work outlives its scope (a promise or generator returned through the runtime fallback).
 *
 * The pool is left in a consistent state when this is thrown, so it stays usable.
 */
export class PoolStateError extends Error {
  override readonly name = "PoolStateError";
}

/**
 * Check mode found memory of a closing pool scope in the value leaving it (the scope's result, or
 * something it contains): that memory would be handed out again as soon as the scope ends. Thrown
 * before the scope rewinds; the scope is still rewound, so the pool stays usable.
 */
export class PoolEscapeError extends Error {
  override readonly name = "PoolEscapeError";
  /** The escaping array's element type, e.g. "Float64Array". */
  readonly typeName: string;
  readonly length: number;
  /** `file:line:col` of the acquire, or "unknown call site". */
  readonly acquiredAt: string;
  /** Where the value leaves the scope: `file:line:col`, or the pooled function's name. */
  readonly escapedAt: string;

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
