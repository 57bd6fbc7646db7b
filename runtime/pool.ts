import { ELEMENT_TYPES, isElementType, unknownElementType } from "./element-types.js";
import type { ElementType, TypedArray } from "./element-types.js";
import { PoolStateError } from "./errors.js";
import { ScopeHandle } from "./scope-handle.js";
import { makePoolStats } from "./stats.js";
import type { CompactOptions, CompactSummary, PoolStats, TrimSummary } from "./stats.js";
import { TypedPool } from "./typed-pool.js";

export interface PoolOptions {
  /** Warn once when one type has more than this many live arrays. Default 512. */
  readonly growthWarningThreshold?: number;
}

const DEFAULT_GROWTH_WARNING_THRESHOLD = 512;

/**
 * A pool of reusable typed arrays with nested LIFO scopes.
 *
 * `checkpoint()` only raises the depth. The first acquire of a type at a depth saves that type's count
 * (lazy first-touch checkpoint), and `rewind` restores exactly the types touched at the levels it
 * closes, so helpers may acquire types their caller never names.
 */
export class AdaptiveArrayPool {
  /** Open scopes: 0 outside any scope. */
  depth = 0;
  /** Open maybe-scopes that switched pooling off: while non-zero, acquires return fresh arrays. */
  private bypass = 0;
  /** The depth of each open pooling-off maybe-scope, innermost at bypassDepths[bypass - 1]. */
  private readonly bypassDepths: number[] = [];
  private readonly float64: TypedPool;
  private readonly typed: readonly TypedPool[];
  /** Sub-pools first touched at each open depth, in order; levelStarts[d] is where depth d begins. */
  private readonly touched: TypedPool[] = [];
  private touchedTop = 0;
  private readonly levelStarts: number[] = [0];
  private readonly scopeHandles: ScopeHandle[] = [];

  constructor(options: PoolOptions = {}) {
    const threshold = options.growthWarningThreshold ?? DEFAULT_GROWTH_WARNING_THRESHOLD;
    this.typed = ELEMENT_TYPES.map((info) => new TypedPool(info.type, info.kind, threshold));
    this.float64 = this.typed[0]!;
  }

  /** Open a scope. O(1): nothing is saved until a type is first acquired in it. */
  checkpoint(): number {
    const depth = this.depth + 1;
    if (depth < this.levelStarts.length) this.levelStarts[depth] = this.touchedTop;
    else this.levelStarts.push(this.touchedTop);
    this.depth = depth;
    return depth;
  }

  /**
   * Close scopes. With no token, closes the innermost one. With the token `checkpoint()` returned,
   * closes every scope down to and including that one, so scopes an inner function leaked (opened and
   * never closed, e.g. after a caught exception) are cleaned up too.
   */
  rewind(token?: number): void {
    if (token === this.depth && token > 0) {
      this.closeLevel();
    } else if (token === undefined) {
      if (this.depth === 0)
        throw new PoolStateError("rewind() without an open scope: call checkpoint() first");
      this.closeLevel();
    } else {
      this.rewindTo(token);
    }
  }

  /** Free every array and close every scope. Buffers are kept for reuse. */
  reset(): void {
    for (const sub of this.typed) sub.reset();
    this.depth = 0;
    this.bypass = 0;
    this.touchedTop = 0;
  }

  /** Release the memory of arrays not currently handed out. */
  trim(): TrimSummary {
    let releasedSlots = 0;
    let releasedBytes = 0;
    for (const sub of this.typed) {
      releasedSlots += sub.slots.length - sub.active;
      releasedBytes += sub.releaseInactive();
    }
    return { releasedSlots, releasedBytes };
  }

  /** Shrink free buffers much larger than what they served since the previous compact. */
  compact(options: CompactOptions = {}): CompactSummary {
    const factor = options.factor ?? 4;
    const minBytes = options.minBytes ?? 65536;
    if (!(factor >= 1) || !(minBytes >= 0)) {
      throw new RangeError(
        `compact needs factor >= 1 and minBytes >= 0, got ${factor} and ${minBytes}`,
      );
    }
    const summary = { compactedSlots: 0, releasedBytes: 0 };
    for (const sub of this.typed) sub.compactInactive(factor, minBytes, summary);
    return summary;
  }

  /** Reset and release every buffer. */
  clear(): void {
    this.reset();
    this.trim();
    this.scopeHandles.length = 0;
  }

  stats(): PoolStats {
    const types = this.typed
      .filter((sub) => sub.slots.length > 0)
      .map((sub) => ({
        type: sub.type.name,
        active: sub.active,
        slots: sub.slots.length,
        bytes: sub.bytes,
        activeBytes: sub.activeBytes,
        cachedViews: sub.cachedViews,
      }));
    return makePoolStats({
      depth: this.depth,
      pooling: this.bypass === 0,
      bytes: types.reduce((sum, t) => sum + t.bytes, 0),
      activeBytes: types.reduce((sum, t) => sum + t.activeBytes, 0),
      types,
    });
  }

  /** True unless a maybe-scope switched pooling off for the current call. */
  get poolingEnabled(): boolean {
    return this.bypass === 0;
  }

  /** An array of `length` elements of `type`, contents unspecified (the hot path of every acquire). */
  acquireArray<A extends TypedArray>(type: ElementType<A>, length: number): A {
    if (this.bypass !== 0) return freshArray(type, length);
    const sub = (type as unknown) === Float64Array ? this.float64 : this.subPool(type);
    if (sub.savedDepth !== this.depth) this.touch(sub);
    return sub.take(length) as A;
  }

  /** The sub-pool serving `type`; a TypeError for anything that is not a supported element type. */
  subPool(type: unknown): TypedPool {
    const typed = this.typed;
    for (let i = 0; i < typed.length; i++) {
      if (typed[i]!.type === type) return typed[i]!;
    }
    throw unknownElementType(type);
  }

  /** Active count of `type`, for tests and diagnostics. */
  activeCount(type: ElementType): number {
    return this.subPool(type).active;
  }

  /**
   * Open a maybe-scope with pooling off: a scope level like any other (so the entry-depth guard and
   * reset close it), during which every acquire returns a fresh array.
   */
  suspendPooling(): number {
    const token = this.checkpoint();
    if (this.bypass < this.bypassDepths.length) this.bypassDepths[this.bypass] = token;
    else this.bypassDepths.push(token);
    this.bypass++;
    return token;
  }

  /** The Disposable that closes the scope `token` opened (cached per depth, so `using` allocates nothing here). */
  scopeHandle(token: number): ScopeHandle {
    return (this.scopeHandles[token] ??= new ScopeHandle(this, token));
  }

  private touch(sub: TypedPool): void {
    sub.save(this.depth);
    if (this.touchedTop < this.touched.length) this.touched[this.touchedTop] = sub;
    else this.touched.push(sub);
    this.touchedTop++;
  }

  private closeLevel(): void {
    const depth = this.depth;
    const start = this.levelStarts[depth]!;
    for (let i = this.touchedTop - 1; i >= start; i--) this.touched[i]!.restore();
    this.touchedTop = start;
    this.depth = depth - 1;
    if (this.bypass !== 0 && this.bypassDepths[this.bypass - 1] === depth) this.bypass--;
  }

  private rewindTo(token: number): void {
    if (!Number.isInteger(token)) {
      throw new PoolStateError(
        `rewind token must be a value returned by checkpoint(), got ${token}`,
      );
    }
    if (token < 1)
      throw new PoolStateError(
        `rewind(${token}): token ${token} is never returned by checkpoint()`,
      );
    if (token > this.depth) {
      throw new PoolStateError(
        `rewind(${token}) but the pool is at depth ${this.depth}: that scope was already rewound ` +
          `(out-of-order rewinds, e.g. two async tasks sharing one pool; give each task its own pool)`,
      );
    }
    while (this.depth >= token) this.closeLevel();
  }
}

/** A plain array for a pooling-off scope, after the same type check a pooled acquire makes. */
function freshArray<A extends TypedArray>(type: ElementType<A>, length: number): A {
  if (!isElementType(type)) throw unknownElementType(type);
  return new type(length);
}
