import type { TypedArray } from "./element-types.js";
import type { PoolScopeHandle } from "./pool-scope-handle.js";
import type { CompactOptions, CompactSummary, PoolStats, TrimSummary } from "./stats.js";

/**
 * What the acquire family and the scope markers accept as a pool: an AdaptiveArrayPool or a
 * DisabledPool (recognised by a brand, across both module formats; nothing else implements it).
 *
 * @example
 * ```ts
 * function mean(pool: Pool, xs: Float64Array): number {
 *   using _ = poolScope(pool);
 *   const copy = acquire(pool, xs);
 *   copy.set(xs);
 *   return copy.reduce((sum, x) => sum + x, 0) / copy.length;
 * }
 * mean(new AdaptiveArrayPool(), xs);
 * mean(DISABLED_POOL, xs);
 * ```
 */
export interface Pool {
  /** Open scopes: 0 outside any scope (always 0 for a disabled pool). */
  readonly depth: number;
  /** True unless this is a disabled pool or a maybe-scope switched pooling off. */
  readonly poolingEnabled: boolean;
  /** Whether the pool runs in check mode (always false for a disabled pool). */
  readonly checkMode: boolean;
  /** Open a scope; returns its token (the new depth). */
  checkpoint(): number;
  /** Close the innermost scope, or with a token every scope down to the one it opened. */
  rewind(token?: number): void;
  /** Free every array and close every scope; buffers are kept. */
  reset(): void;
  /** Release the buffers of arrays not handed out. */
  trim(): TrimSummary;
  /** Shrink free buffers much larger than what they served since the previous compact. */
  compact(options?: CompactOptions): CompactSummary;
  /** Reset and release every buffer. */
  clear(): void;
  /** The pool's figures: depth, bytes held and live, per-type slots. */
  stats(): PoolStats;
  /** @internal An array of `type` for one dim (a length or a dims array). */
  take(type: unknown, dim: unknown): TypedArray;
  /** @internal Give back `array` if it was the most recent acquire. */
  untake(array: TypedArray): void;
  /** @internal Open a maybe-scope with pooling off. */
  suspendPooling(): number;
  /** @internal Check mode's scope-exit inspection of a value leaving the scope `token` opened. */
  checkResult(value: unknown, token: number, site: string): void;
  /** @internal The Disposable closing the scope `token` opened. */
  scopeHandle(token: number): PoolScopeHandle;
}
