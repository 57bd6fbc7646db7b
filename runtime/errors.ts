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
