import { isElementType, unknownElementType } from "./element-types.js";
import type { ElementType, TypedArray } from "./element-types.js";
import { makePoolStats } from "./stats.js";
import type { CompactSummary, PoolStats, TrimSummary } from "./stats.js";

const NO_OP_SCOPE: Disposable = Object.freeze({ [Symbol.dispose]: () => undefined }) as Disposable;

/**
 * A pool that pools nothing: every acquire returns a fresh ordinary typed array and the state methods
 * do nothing. It stands where a pool is expected when pooling is switched off.
 */
export class DisabledPool {
  readonly depth = 0;

  checkpoint(): number {
    return 0;
  }

  rewind(_token?: number): void {}

  reset(): void {}

  trim(): TrimSummary {
    return { releasedSlots: 0, releasedBytes: 0 };
  }

  compact(): CompactSummary {
    return { compactedSlots: 0, releasedBytes: 0 };
  }

  clear(): void {}

  stats(): PoolStats {
    return makePoolStats({ depth: 0, pooling: false, bytes: 0, activeBytes: 0, types: [] });
  }

  get poolingEnabled(): boolean {
    return false;
  }

  acquireArray<A extends TypedArray>(type: ElementType<A>, length: number): A {
    if (!isElementType(type)) throw unknownElementType(type);
    return new type(length);
  }

  suspendPooling(): number {
    return 0;
  }

  scopeHandle(_token: number): Disposable {
    return NO_OP_SCOPE;
  }
}

/** The shared disabled pool. */
export const DISABLED_POOL = new DisabledPool();
