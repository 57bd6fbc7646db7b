import {
  ELEMENT_TYPES,
  describeValue,
  elementTypeIndex,
  unknownElementType,
} from "./element-types.js";
import type { ElementType, TypedArray } from "./element-types.js";
import { installCheckMode, isInCheckMode } from "./check-mode.js";
import { lengthOfDim, lengthOfDims } from "./dims.js";
import { PoolStateError } from "./errors.js";
import { POOL_BRAND } from "./pool-brand.js";
import { checkPoolOptions } from "./pool-options.js";
import type { PoolOptions } from "./pool-options.js";
import type { Pool } from "./pool-type.js";
import { releaseOverCap } from "./retained-cap.js";
import { ScopeHandle } from "./scope-handle.js";
import { Slot } from "./slot.js";
import { makePoolStats } from "./stats.js";
import type { CompactOptions, CompactSummary, PoolStats, TrimSummary, TypeStats } from "./stats.js";
import { warnGrowth } from "./warnings.js";

export type { PoolOptions } from "./pool-options.js";

/**
 * The mark of depth 0 and of every maybe-scope with pooling off: negative, so `rewind`'s fast path
 * (which only handles a plain scope closing in order) never takes it. A pooling-off level stores
 * `-1 - top`.
 */
const NO_SCOPE_MARK = -1;

/**
 * `marks[1]` once the retained-bytes cap is due (the pool grew past it inside a scope): a plain
 * level's mark made negative, so the outermost close leaves `rewind`'s fast path and `closeLevel`
 * applies the cap. The cap costs the hit path nothing. Far below every pooling-off mark.
 */
const CAP_DUE_MARK = -(2 ** 30);

/**
 * An empty slot array with the same elements kind (PACKED_ELEMENTS) as a filled one, so the hot
 * path's slot load stays monomorphic whether or not pooling is suspended.
 */
function emptySlotArray(): Slot[] {
  const slots = [new Slot()];
  slots.pop();
  return slots;
}

/** What acquires read while a maybe-scope has pooling off: nothing, so every acquire misses. */
const NO_SLOTS = emptySlotArray();

/**
 * A pool of reusable typed arrays with nested LIFO scopes.
 *
 * All element types share one stack of slots: the first `top` are handed out. `checkpoint()` saves
 * `top` (one integer) and `rewind` restores it, which frees exactly what the closing scopes acquired,
 * whatever types (helpers may acquire types their caller never names). A slot freed by one type may
 * next serve another; live arrays never share memory.
 *
 * The hot path (`checkpoint`, `take`, `rewind`) is sized for V8's inlining budget: see
 * docs/runtime.md, "Hot path and V8's inlining budget", before adding anything to it.
 *
 * @example
 * ```ts
 * const pool = new AdaptiveArrayPool({ maxRetainedBytes: 64 * 1024 * 1024 });
 * function norm(xs: Float64Array): number {
 *   const token = pool.checkpoint();
 *   try {
 *     const squares = acquire(pool, xs.length);
 *     for (let i = 0; i < xs.length; i++) squares[i] = xs[i]! * xs[i]!;
 *     return Math.sqrt(squares.reduce((sum, x) => sum + x, 0));
 *   } finally {
 *     pool.rewind(token);
 *   }
 * }
 * ```
 */
export class AdaptiveArrayPool implements Pool {
  /** @internal Brand shared by every copy of this package (both module formats) in a process. */
  declare readonly [POOL_BRAND]: true;
  /** @internal The slot stack as acquires read it: `stack`, or NO_SLOTS while pooling is off. */
  private slots: Slot[];
  /** @internal Slots handed out, from the bottom of the stack. */
  private top = 0;
  /** @internal Open scopes: 0 outside any scope. */
  private level = 0;
  /** @internal `marks[d]` is `top` when depth d opened (negative: see NO_SCOPE_MARK). */
  private readonly marks: number[] = [NO_SCOPE_MARK];
  /** @internal */
  private readonly stack: Slot[] = emptySlotArray();
  /** @internal Open maybe-scopes with pooling off. */
  private bypass = 0;
  /** @internal Per element type (ELEMENT_TYPES order): slots whose last-served type it is. */
  private readonly typeSlots: number[] = ELEMENT_TYPES.map(() => 0);
  /** @internal */
  private readonly warned: boolean[] = ELEMENT_TYPES.map(() => false);
  /** @internal */
  private readonly growthWarningThreshold: number;
  /** @internal */
  private readonly scopeHandles: ScopeHandle[] = [];
  /**
   * Bytes of every buffer held, counted where buffers change (the miss path, trim, compact, the cap),
   * never on the hit path. A buffer user code detached still counts until its slot replaces it.
   */
  private held = 0;
  private readonly maxRetainedBytes: number;
  /** `held` above this when the outermost scope closes runs the cap: the cap plus the live bytes
   * outside any scope as of the last pass (those the cap may never release). */
  private retainLimit: number;
  /** Bytes the retained-bytes cap released so far. */
  private releasedByCap = 0;
  /** The `top` the outermost level saved, while its mark is CAP_DUE_MARK. */
  private capDueTop = 0;

  /**
   * A new, empty pool. Options are checked here: a TypeError / RangeError for anything malformed.
   *
   * @example
   * ```ts
   * const pool = new AdaptiveArrayPool();
   * const checked = new AdaptiveArrayPool({ check: true, growthWarningThreshold: 64 });
   * ```
   */
  constructor(options?: PoolOptions) {
    const checked = checkPoolOptions(options);
    this.growthWarningThreshold = checked.growthWarningThreshold;
    this.maxRetainedBytes = this.retainLimit = checked.maxRetainedBytes;
    this.slots = this.stack;
    if (checked.check) installCheckMode(this);
  }

  /**
   * Whether this pool runs in check mode (docs/runtime.md, "Check mode").
   *
   * @example
   * ```ts
   * new AdaptiveArrayPool({ check: true }).checkMode; // true
   * ```
   */
  get checkMode(): boolean {
    return isInCheckMode(this);
  }

  /**
   * @internal Scope-exit inspection of a value leaving the scope `token` opened, before it rewinds:
   * in check mode a PoolEscapeError when `value` holds memory of that scope; otherwise nothing (an
   * empty method, which V8 inlines away).
   */
  checkResult(_value: unknown, _token: number, _site: string): void {}

  /**
   * Open scopes: 0 outside any scope.
   *
   * @example
   * ```ts
   * const token = pool.checkpoint();
   * pool.depth; // token
   * pool.rewind(token);
   * pool.depth; // token - 1
   * ```
   */
  get depth(): number {
    return this.level;
  }

  /**
   * Open a scope and return its token (the new depth). O(1): saves one integer.
   *
   * @example
   * ```ts
   * const token = pool.checkpoint();
   * try {
   *   const scratch = acquire(pool, Float32Array, 256);
   *   scratch.fill(0.5);
   * } finally {
   *   pool.rewind(token); // scratch goes back to the pool
   * }
   * ```
   */
  checkpoint(): number {
    const depth = this.level + 1;
    this.marks[depth] = this.top;
    this.level = depth;
    return depth;
  }

  /**
   * Close scopes. With no token, closes the innermost one. With the token `checkpoint()` returned,
   * closes every scope down to and including that one, so scopes an inner function leaked (opened and
   * never closed, e.g. after a caught exception) are cleaned up too.
   *
   * @example
   * ```ts
   * const outer = pool.checkpoint();
   * pool.checkpoint(); // an inner scope left open
   * pool.rewind(outer); // closes both
   * ```
   */
  rewind(token?: number): void {
    if (token === this.level) {
      const mark = this.marks[token]!;
      if (mark >= 0) {
        this.top = mark;
        this.level = token - 1;
        return;
      }
    }
    this.rewindOther(token);
  }

  /**
   * @internal An array of `type` for one dim (a length or a dims array): the hit path of every
   * acquire. A hit is the next slot already serving exactly this request over a live buffer; the
   * checks of type and length happen in `takeMiss`, so a request that hits was validated before.
   */
  take(type: unknown, dim: unknown): TypedArray {
    // Parameter first and the probe's length as a truth value: the smallest bytecode for these
    // checks, and every byte counts against the caller's inlining budget (docs/runtime.md).
    const top = this.top;
    const slot = this.slots[top];
    if (slot !== undefined && type === slot.type && dim === slot.length && slot.probe.length) {
      this.top = top + 1;
      return slot.view;
    }
    return this.takeMiss(type, dim);
  }

  /**
   * @internal `acquire(pool, type, d0, d1)`, as the transformer emits it for a literal element type.
   * `take` for two dims: a hit is the next slot serving this type as exactly these dims (validated
   * when a miss recorded them), so it needs no product and no dims check; everything else is
   * `takeDimsMiss`.
   */
  takeDims(type: unknown, d0: unknown, d1: unknown): TypedArray {
    const top = this.top;
    const slot = this.slots[top];
    if (
      slot !== undefined &&
      type === slot.type &&
      d0 === slot.dim0 &&
      d1 === slot.dim1 &&
      slot.probe.length
    ) {
      this.top = top + 1;
      return slot.view;
    }
    return this.takeDimsMiss(type, d0, d1);
  }

  /** @internal Monomorphic acquires, emitted by the transformer for literal element types. */
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

  /**
   * @internal Give back `array` if it is the most recent acquire (a fill that threw right after
   * acquiring it, e.g. a throwing rng). Anything else is left alone.
   */
  untake(array: TypedArray): void {
    const top = this.top;
    if (this.bypass === 0 && top > 0 && this.stack[top - 1]!.view === array) this.top = top - 1;
  }

  /**
   * Free every array and close every scope. Buffers are kept for reuse.
   *
   * @example
   * ```ts
   * pool.reset(); // pool.depth is 0, every array is free, no buffer is released
   * ```
   */
  reset(): void {
    this.top = 0;
    this.level = 0;
    this.bypass = 0;
    this.slots = this.stack;
    if (this.held > this.maxRetainedBytes) this.applyRetainedCap();
  }

  /**
   * Release the memory of arrays not currently handed out.
   *
   * @example
   * ```ts
   * const { releasedSlots, releasedBytes } = pool.trim();
   * ```
   */
  trim(): TrimSummary {
    const stack = this.stack;
    let releasedBytes = 0;
    for (let i = this.top; i < stack.length; i++) {
      const slot = stack[i]!;
      releasedBytes += slot.bytes;
      this.typeSlots[slot.typeIndex]!--;
    }
    const releasedSlots = stack.length - this.top;
    stack.length = this.top;
    this.recountHeld();
    return { releasedSlots, releasedBytes };
  }

  /**
   * Shrink free buffers much larger than what they served since the previous compact.
   *
   * @example
   * ```ts
   * const { compactedSlots, releasedBytes } = pool.compact({ factor: 2, minBytes: 4096 });
   * ```
   */
  compact(options?: CompactOptions): CompactSummary {
    const { factor, minBytes } = checkCompactOptions(options);
    let compactedSlots = 0;
    let releasedBytes = 0;
    const stack = this.stack;
    for (let i = this.top; i < stack.length; i++) {
      const slot = stack[i]!;
      const target = slot.peakBytes;
      if (slot.bytes > factor * target && slot.bytes - target >= minBytes) {
        compactedSlots++;
        releasedBytes += slot.bytes - target;
        slot.resize(target);
      }
      slot.peakBytes = 0;
      slot.disarm();
    }
    this.recountHeld();
    return { compactedSlots, releasedBytes };
  }

  /**
   * Reset and release every buffer.
   *
   * @example
   * ```ts
   * pool.clear(); // pool.stats().bytes is 0
   * ```
   */
  clear(): void {
    this.reset();
    this.trim();
    this.scopeHandles.length = 0;
  }

  /**
   * The pool's figures: depth, bytes held and live, per-type slots; `String(stats)` reads well.
   *
   * @example
   * ```ts
   * const stats = pool.stats();
   * console.log(stats.bytes, stats.activeBytes, stats.types.map((t) => t.type));
   * console.log(String(stats));
   * ```
   */
  stats(): PoolStats {
    const types: TypeStats[] = [];
    for (let index = 0; index < ELEMENT_TYPES.length; index++) {
      if (this.typeSlots[index]! > 0) types.push(this.typeStats(index));
    }
    let bytes = 0;
    let activeBytes = 0;
    for (const t of types) {
      bytes += t.bytes;
      activeBytes += t.activeBytes;
    }
    return makePoolStats({
      depth: this.level,
      pooling: this.bypass === 0,
      maxRetainedBytes: this.maxRetainedBytes,
      releasedByCap: this.releasedByCap,
      bytes,
      activeBytes,
      types,
    });
  }

  /**
   * True unless a maybe-scope switched pooling off for the current call.
   *
   * @example
   * ```ts
   * setMaybePooling(false);
   * const token = maybeCheckpoint(pool);
   * pool.poolingEnabled; // false until the scope closes
   * pool.rewind(token);
   * setMaybePooling(true);
   * ```
   */
  get poolingEnabled(): boolean {
    return this.bypass === 0;
  }

  /**
   * Live arrays of `type`, for tests and diagnostics.
   *
   * @example
   * ```ts
   * const token = pool.checkpoint();
   * acquire(pool, Int32Array, 8);
   * pool.activeCount(Int32Array); // 1
   * pool.rewind(token);
   * pool.activeCount(Int32Array); // 0
   * ```
   */
  activeCount(type: ElementType): number {
    const index = elementTypeIndex(type);
    if (index < 0) throw unknownElementType(type);
    let count = 0;
    for (let i = 0; i < this.top; i++) if (this.stack[i]!.typeIndex === index) count++;
    return count;
  }

  /**
   * @internal Open a maybe-scope with pooling off: a scope level like any other (so the entry-depth
   * guard and reset close it), during which every acquire returns a fresh array.
   */
  suspendPooling(): number {
    const depth = this.level + 1;
    this.marks[depth] = NO_SCOPE_MARK - this.top;
    this.level = depth;
    this.bypass++;
    this.slots = NO_SLOTS;
    return depth;
  }

  /**
   * @internal The Disposable that closes the scope `token` opened (cached per depth, so `using`
   * allocates nothing here).
   */
  scopeHandle(token: number): ScopeHandle {
    return (this.scopeHandles[token] ??= new ScopeHandle(this, token));
  }

  /**
   * @internal Everything `take` does not serve inline: a view the slot already has for this request
   * (`Slot.rearm`), else the checks, then `serve`.
   */
  private takeMiss(type: unknown, dim: unknown): TypedArray {
    const top = this.top;
    // A cached view of the slot's own type needs no checks: the request equals one validated before.
    const rearmed = this.slots[top]?.rearm(type, dim);
    if (rearmed !== undefined) {
      this.top = top + 1;
      return rearmed;
    }
    const index = elementTypeIndex(type);
    if (index < 0) throw unknownElementType(type);
    const length = lengthOfDim(dim);
    return this.serve(index, length, length, 1);
  }

  /**
   * @internal Everything `takeDims` does not serve inline. The checks run in the order of
   * `acquire(pool, type, d0, d1)` (dims first, as `lengthOfDims` decodes them); with `d1`
   * undefined the request is one-dim (`d0` a length or a dims array), served as its length.
   */
  private takeDimsMiss(type: unknown, d0: unknown, d1: unknown): TypedArray {
    const length = lengthOfDims(d0, d1, undefined, undefined);
    const index = elementTypeIndex(type);
    if (index < 0) throw unknownElementType(type);
    // lengthOfDims returned, so two given dims are both valid numbers.
    if (d1 === undefined) return this.serve(index, length, length, 1);
    return this.serve(index, length, d0 as number, d1 as number);
  }

  /**
   * @internal A validated request (element type `index`, `length` elements, asked as the dims
   * `dim0 * dim1`) that did not hit: pooling off, a new slot, a new view.
   */
  private serve(index: number, length: number, dim0: number, dim1: number): TypedArray {
    const elementType = ELEMENT_TYPES[index]!.type;
    if (this.bypass !== 0) return new elementType(length);
    const top = this.top;
    const stack = this.stack;
    if (top < stack.length) {
      const slot = stack[top]!;
      const previous = slot.typeIndex;
      const before = slot.bytes;
      const view = slot.arm(elementType, index, length, dim0, dim1);
      this.held += slot.bytes - before;
      this.retype(previous, index);
      this.top = top + 1;
      if (this.held > this.retainLimit) this.capDue();
      return view;
    }
    // Armed before it joins the stack: an allocation the engine refuses leaves the pool unchanged.
    const slot = new Slot();
    const view = slot.arm(elementType, index, length, dim0, dim1);
    this.held += slot.bytes;
    stack.push(slot);
    this.retype(-1, index);
    this.top = top + 1;
    this.checkGrowth(index);
    if (this.held > this.retainLimit) this.capDue();
    return view;
  }

  /** @internal */
  private retype(previous: number, index: number): void {
    if (previous === index) return;
    if (previous >= 0) this.typeSlots[previous]!--;
    this.typeSlots[index]!++;
  }

  /** @internal Warn once per type when more than the threshold of its arrays are live at once. */
  private checkGrowth(index: number): void {
    // Called right after the stack grew, when every slot is handed out: typeSlots counts live arrays.
    const live = this.typeSlots[index]!;
    if (live <= this.growthWarningThreshold || this.warned[index]) return;
    this.warned[index] = true;
    warnGrowth({
      typeName: ELEMENT_TYPES[index]!.type.name,
      live,
      outsideScopes: this.liveOutsideScopes(index),
      depth: this.level,
    });
  }

  /** @internal Live arrays of the type at `index` acquired at depth 0 (outside every scope). */
  private liveOutsideScopes(index: number): number {
    const outermost = this.marks[1]!;
    const end =
      this.level === 0
        ? this.top
        : outermost === CAP_DUE_MARK
          ? this.capDueTop
          : markedTop(outermost);
    let count = 0;
    for (let i = 0; i < end; i++) if (this.stack[i]!.typeIndex === index) count++;
    return count;
  }

  /** @internal */
  private typeStats(index: number): TypeStats {
    let active = 0;
    let slots = 0;
    let bytes = 0;
    let activeBytes = 0;
    let cachedViews = 0;
    for (let i = 0; i < this.stack.length; i++) {
      const slot = this.stack[i]!;
      if (slot.typeIndex !== index) continue;
      slots++;
      bytes += slot.bytes;
      cachedViews += slot.cachedViews;
      if (i < this.top) {
        active++;
        activeBytes += slot.bytes;
      }
    }
    return {
      type: ELEMENT_TYPES[index]!.type.name,
      active,
      slots,
      bytes,
      activeBytes,
      cachedViews,
    };
  }

  /** @internal Every rewind the fast path does not take: no token, leaked inner scopes, pooling-off levels, misuse. */
  private rewindOther(token: unknown): void {
    if (token === undefined) {
      if (this.level === 0)
        throw new PoolStateError("rewind() without an open scope: call checkpoint() first");
      this.closeLevel();
      return;
    }
    if (typeof token !== "number" || !Number.isInteger(token)) {
      throw new PoolStateError(
        `rewind token must be a value returned by checkpoint(), got ${describeToken(token)}`,
      );
    }
    if (token < 1)
      throw new PoolStateError(
        `rewind(${token}): token ${token} is never returned by checkpoint()`,
      );
    if (token > this.level) {
      throw new PoolStateError(
        `rewind(${token}) but the pool is at depth ${this.level}: that scope was already rewound ` +
          `(out-of-order rewinds, e.g. two async tasks sharing one pool; give each task its own pool)`,
      );
    }
    while (this.level >= token) this.closeLevel();
  }

  /** @internal */
  private closeLevel(): void {
    const mark = this.marks[this.level]!;
    if (mark === CAP_DUE_MARK) {
      this.top = this.capDueTop;
      this.level--;
      this.applyRetainedCap();
      return;
    }
    this.top = markedTop(mark);
    this.level--;
    if (mark < 0 && --this.bypass === 0) this.slots = this.stack;
    if (this.level === 0 && this.held > this.retainLimit) this.applyRetainedCap();
  }

  /**
   * The pool holds more than the cap allows: apply it now outside any scope, else when the outermost
   * scope closes (its mark sends that close through `closeLevel`; a pooling-off outermost level
   * goes there anyway).
   */
  private capDue(): void {
    if (this.level === 0) {
      this.applyRetainedCap();
      return;
    }
    const mark = this.marks[1]!;
    if (mark >= 0) {
      this.capDueTop = mark;
      this.marks[1] = CAP_DUE_MARK;
    }
  }

  /** Release free buffers beyond `maxRetainedBytes`, largest first (retained-cap.ts). */
  private applyRetainedCap(): void {
    this.releasedByCap += releaseOverCap(this.stack, this.top, this.maxRetainedBytes);
    this.recountHeld();
    let live = 0;
    for (let i = 0; i < this.top; i++) live += this.stack[i]!.bytes;
    this.retainLimit = this.maxRetainedBytes + live;
  }

  /** `held` recounted exactly from the buffers (after trim, compact, the cap). */
  private recountHeld(): void {
    let held = 0;
    for (let i = 0; i < this.stack.length; i++) held += this.stack[i]!.bytes;
    this.held = held;
  }
}

Object.defineProperty(AdaptiveArrayPool.prototype, POOL_BRAND, { value: true });

/** A bad token as the message shows it: symbols too, which a template string would reject. */
function describeToken(token: unknown): string {
  return typeof token === "symbol" ? token.toString() : String(token);
}

/** The `top` a mark saved, for plain and pooling-off levels alike. */
function markedTop(mark: number): number {
  return mark >= 0 ? mark : NO_SCOPE_MARK - mark;
}

function checkCompactOptions(options: CompactOptions | undefined): Required<CompactOptions> {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new TypeError(`compact options must be an object, got ${describeValue(options)}`);
  }
  const factor = options?.factor ?? 4;
  const minBytes = options?.minBytes ?? 65536;
  if (
    typeof factor !== "number" ||
    typeof minBytes !== "number" ||
    !(factor >= 1) ||
    !(minBytes >= 0)
  ) {
    throw new RangeError(
      `compact needs factor >= 1 and minBytes >= 0, got ${describeValue(factor)} and ${describeValue(minBytes)}`,
    );
  }
  return { factor, minBytes };
}
