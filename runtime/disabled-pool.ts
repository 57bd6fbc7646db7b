import { ELEMENT_TYPES, elementTypeIndex, unknownElementType } from "./element-types.js";
import type { TypedArray } from "./element-types.js";
import { lengthOfDim, lengthOfDims } from "./dims.js";
import { POOL_BRAND } from "./pool-brand.js";
import { makePoolStats } from "./stats.js";
import type { Pool } from "./pool-type.js";
import type { PoolScopeHandle } from "./pool-scope-handle.js";
import type { CompactOptions, CompactSummary, PoolStats, TrimSummary } from "./stats.js";

const NO_OP_SCOPE: PoolScopeHandle = Object.freeze({ [Symbol.dispose]: () => undefined });

/**
 * A pool that pools nothing: every acquire returns a fresh ordinary typed array and the state methods
 * do nothing. It stands where a pool is expected when pooling is switched off.
 *
 * @example
 * ```ts
 * const pool: Pool = usePooling ? getTaskLocalPool() : DISABLED_POOL;
 * const token = pool.checkpoint();
 * const scratch = acquire(pool, 16); // a fresh Float64Array when pool is DISABLED_POOL
 * pool.rewind(token);
 * ```
 */
export class DisabledPool implements Pool {
  /** @internal */
  declare readonly [POOL_BRAND]: true;

  /**
   * Always 0: a disabled pool has no scopes.
   *
   * @example
   * ```ts
   * DISABLED_POOL.depth; // 0
   * ```
   */
  get depth(): number {
    return 0;
  }

  /**
   * Always 0: no scope opens.
   *
   * @example
   * ```ts
   * const token = DISABLED_POOL.checkpoint(); // 0
   * ```
   */
  checkpoint(): number {
    return 0;
  }

  /**
   * Does nothing: there is no scope to close.
   *
   * @example
   * ```ts
   * DISABLED_POOL.rewind(DISABLED_POOL.checkpoint()); // no-op
   * ```
   */
  rewind(_token?: number): void {}

  /**
   * Does nothing: no array is the pool's.
   *
   * @example
   * ```ts
   * DISABLED_POOL.reset(); // no-op
   * ```
   */
  reset(): void {}

  /**
   * Releases nothing: a disabled pool holds no buffers.
   *
   * @example
   * ```ts
   * DISABLED_POOL.trim(); // { releasedSlots: 0, releasedBytes: 0 }
   * ```
   */
  trim(): TrimSummary {
    return { releasedSlots: 0, releasedBytes: 0 };
  }

  /**
   * Compacts nothing: a disabled pool holds no buffers.
   *
   * @example
   * ```ts
   * DISABLED_POOL.compact(); // { compactedSlots: 0, releasedBytes: 0 }
   * ```
   */
  compact(_options?: CompactOptions): CompactSummary {
    return { compactedSlots: 0, releasedBytes: 0 };
  }

  /**
   * Does nothing: a disabled pool holds no buffers.
   *
   * @example
   * ```ts
   * DISABLED_POOL.clear(); // no-op
   * ```
   */
  clear(): void {}

  /**
   * All zero, with `pooling: false`.
   *
   * @example
   * ```ts
   * DISABLED_POOL.stats().pooling; // false
   * ```
   */
  stats(): PoolStats {
    return makePoolStats({
      depth: 0,
      pooling: false,
      maxRetainedBytes: Infinity,
      releasedByCap: 0,
      bytes: 0,
      activeBytes: 0,
      types: [],
    });
  }

  /**
   * Always false.
   *
   * @example
   * ```ts
   * DISABLED_POOL.poolingEnabled; // false
   * ```
   */
  get poolingEnabled(): boolean {
    return false;
  }

  /**
   * Always 0: nothing is live in a pool that pools nothing. Here because `pooling: false` compiles
   * `getTaskLocalPool()` to DISABLED_POOL, so code typed against AdaptiveArrayPool must still run.
   *
   * @example
   * ```ts
   * DISABLED_POOL.activeCount(Float64Array); // 0
   * ```
   */
  activeCount(type: unknown): number {
    if (elementTypeIndex(type) < 0) throw unknownElementType(type);
    return 0;
  }

  /**
   * Always false: there is nothing to check in a pool that pools nothing.
   *
   * @example
   * ```ts
   * DISABLED_POOL.checkMode; // false
   * ```
   */
  get checkMode(): boolean {
    return false;
  }

  /** @internal */
  checkResult(_value: unknown, _token: number, _site: string): void {}

  /** @internal A fresh array, after the same checks a pooled acquire makes. */
  take(type: unknown, dim: unknown): TypedArray {
    const index = elementTypeIndex(type);
    if (index < 0) throw unknownElementType(type);
    return new ELEMENT_TYPES[index]!.type(lengthOfDim(dim));
  }

  /**
   * @internal A two-dim acquire with a literal element type (see AdaptiveArrayPool.takeDims): the
   * checks of `acquire(pool, type, d0, d1)`, dims first.
   */
  takeDims(type: unknown, d0: unknown, d1: unknown): TypedArray {
    return this.take(type, lengthOfDims(d0, d1, undefined, undefined));
  }

  /** @internal */
  acquireFloat64(length: number): Float64Array {
    return this.take(Float64Array, length) as Float64Array;
  }
  /** @internal */
  acquireFloat32(length: number): Float32Array {
    return this.take(Float32Array, length) as Float32Array;
  }
  /** @internal */
  acquireInt32(length: number): Int32Array {
    return this.take(Int32Array, length) as Int32Array;
  }
  /** @internal */
  acquireUint32(length: number): Uint32Array {
    return this.take(Uint32Array, length) as Uint32Array;
  }
  /** @internal */
  acquireInt16(length: number): Int16Array {
    return this.take(Int16Array, length) as Int16Array;
  }
  /** @internal */
  acquireUint16(length: number): Uint16Array {
    return this.take(Uint16Array, length) as Uint16Array;
  }
  /** @internal */
  acquireInt8(length: number): Int8Array {
    return this.take(Int8Array, length) as Int8Array;
  }
  /** @internal */
  acquireUint8(length: number): Uint8Array {
    return this.take(Uint8Array, length) as Uint8Array;
  }
  /** @internal */
  acquireUint8Clamped(length: number): Uint8ClampedArray {
    return this.take(Uint8ClampedArray, length) as Uint8ClampedArray;
  }
  /** @internal */
  acquireBigInt64(length: number): BigInt64Array {
    return this.take(BigInt64Array, length) as BigInt64Array;
  }
  /** @internal */
  acquireBigUint64(length: number): BigUint64Array {
    return this.take(BigUint64Array, length) as BigUint64Array;
  }

  /** @internal Nothing to give back: every array is the caller's own. */
  untake(_array: TypedArray): void {}

  /** @internal */
  suspendPooling(): number {
    return 0;
  }

  /** @internal */
  scopeHandle(_token: number): PoolScopeHandle {
    return NO_OP_SCOPE;
  }
}

Object.defineProperty(DisabledPool.prototype, POOL_BRAND, { value: true });

/**
 * The shared disabled pool: what `getTaskLocalPool()` compiles to under the plugin option
 * `pooling: false`.
 *
 * @example
 * ```ts
 * const fresh = acquire(DISABLED_POOL, Float64Array, 4); // an ordinary new Float64Array(4)
 * ```
 */
export const DISABLED_POOL = new DisabledPool();
