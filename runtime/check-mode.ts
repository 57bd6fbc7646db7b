/**
 * Check mode (the Julia package's RUNTIME_CHECK): a development mode in which misuse of a pool's
 * scopes fails loudly instead of corrupting data.
 *
 * - Every acquire in a pooling scope hands out a fresh array with its own buffer, filled with poison
 *   (NaN / the type's maximum), and records it with its call site and depth. The pool's own
 *   bookkeeping still runs, so depths, counts, stats and errors are exactly those of a normal pool.
 * - When a scope rewinds, the buffers of its arrays are detached (detach.ts): a stale reference has
 *   length 0 and never shares memory with a later array.
 * - `checkResult(value, token, site)`, called by the markers (and by transformed code) before the
 *   rewind, throws a PoolEscapeError when `value` holds memory of the closing scope.
 * - A scope still open when the task that opened it yields (an await inside the scope) is reported,
 *   with the scope's call site, by the pool's next operation.
 * - A stale or out-of-order token's PoolStateError names the call site that opened that scope.
 *
 * A pool is switched into check mode by giving it these functions as own methods, so a pool not in
 * check mode runs exactly the code it runs without this file: its hot path is unchanged.
 */
import { formatSite, takeSite, clearPendingSite } from "./call-site.js";
import type { CallSite } from "./call-site.js";
import { detachAll, isAttached } from "./detach.js";
import { lengthOfDims } from "./dims.js";
import type { ElementType, TypedArray } from "./element-types.js";
import { PoolEscapeError, PoolStateError } from "./errors.js";
import { findPoolMemory, pathToRecord } from "./find-pool-memory.js";
import type { ScopeMemory } from "./find-pool-memory.js";
import type { AdaptiveArrayPool } from "./pool.js";
import { poison } from "./poison.js";

/** The pool methods check mode replaces, in the order they are installed. */
interface CheckedMethods {
  // Function-typed properties, not methods: they are looked up by name and installed unbound.
  checkpoint: (this: AdaptiveArrayPool) => number;
  suspendPooling: (this: AdaptiveArrayPool) => number;
  rewind: (this: AdaptiveArrayPool, token?: number) => void;
  reset: (this: AdaptiveArrayPool) => void;
  take: (this: AdaptiveArrayPool, type: unknown, dim: unknown) => TypedArray;
  takeDims: (this: AdaptiveArrayPool, type: unknown, d0: unknown, d1: unknown) => TypedArray;
  untake: (this: AdaptiveArrayPool, array: TypedArray) => void;
  checkResult: (this: AdaptiveArrayPool, value: unknown, token: number, site: string) => void;
}

/**
 * Every pool method check mode replaces: the scope openers and closers, `take` (every acquire of
 * every form goes through it), `takeDims` (the transformer's two-dim acquire, whose hit path does
 * not) and `untake` (a fill that threw gives its array back).
 */
const METHOD_NAMES = [
  "checkpoint",
  "suspendPooling",
  "rewind",
  "reset",
  "take",
  "takeDims",
  "untake",
  "checkResult",
] as const;

const queue: (task: () => void) => void =
  typeof queueMicrotask === "function"
    ? queueMicrotask
    : (task) => void Promise.resolve().then(task);

/** The check-mode records of one pool. */
class CheckState implements ScopeMemory {
  readonly pool: AdaptiveArrayPool;
  /** The pool's own methods, which the checked ones wrap. */
  readonly base: CheckedMethods;
  // Records of live checked arrays, a stack in acquire order (so sorted by depth).
  private readonly arrays: (TypedArray | undefined)[] = [];
  /** The pool's own array behind each record (what `untake` gives back). */
  private readonly pooled: (TypedArray | undefined)[] = [];
  private readonly buffers: (ArrayBufferLike | undefined)[] = [];
  private readonly depths: number[] = [];
  private readonly lengths: number[] = [];
  private readonly sites: (CallSite | undefined)[] = [];
  private top = 0;
  /** Per depth: the site that opened the scope there last, and the record count when it opened. */
  private readonly scopeSites: (CallSite | undefined)[] = [];
  private readonly scopeStarts: number[] = [];
  /** The lowest record index a scope-exit search considers (the closing scope's first record). */
  private searchFrom = 0;
  private readonly releasing: ArrayBuffer[] = [];
  private watching = false;
  private watchedDepth = 0;
  private pendingReport: PoolStateError | undefined;
  /** Made once per pool, so watching a task's scopes allocates no closure. */
  private readonly verifyClosed: () => void;

  constructor(pool: AdaptiveArrayPool, base: CheckedMethods) {
    this.pool = pool;
    this.base = base;
    this.verifyClosed = () => this.reportScopeOpenAcrossTask();
  }

  record(
    array: TypedArray,
    pooled: TypedArray,
    length: number,
    depth: number,
    site: CallSite,
  ): void {
    const top = this.top;
    this.arrays[top] = array;
    this.pooled[top] = pooled;
    this.buffers[top] = array.buffer;
    this.lengths[top] = length;
    this.depths[top] = depth;
    this.sites[top] = site;
    this.top = top + 1;
  }

  recordOf(buffer: ArrayBufferLike): number {
    for (let i = this.top - 1; i >= this.searchFrom; i--) {
      if (this.buffers[i] === buffer) return i;
    }
    return -1;
  }

  /** Record a scope's opening and make sure it is checked once the current task has run. */
  openedScope(token: number, site: CallSite): void {
    this.scopeSites[token] = site;
    this.scopeStarts[token] = this.top;
    if (!this.watching) {
      this.watching = true;
      this.watchedDepth = token;
      queue(this.verifyClosed);
    }
  }

  /** Release (detach) every record above `depth`: the arrays of the scopes just closed. */
  releaseAbove(depth: number): void {
    let top = this.top;
    const releasing = this.releasing;
    while (top > 0 && this.depths[top - 1]! > depth) {
      top--;
      const buffer = this.buffers[top] as ArrayBuffer;
      if (isAttached(buffer)) releasing.push(buffer);
      this.buffers[top] = undefined;
      this.pooled[top] = undefined;
      this.sites[top] = undefined;
    }
    if (!detachAll(releasing)) {
      // No way to detach on this engine: poison the released memory instead; it is never reused.
      for (let i = top; i < this.top; i++) poison(this.arrays[i]!);
      releasing.length = 0;
    }
    for (let i = top; i < this.top; i++) this.arrays[i] = undefined;
    this.top = top;
  }

  /** The pool's array behind `array` if it is the newest record (then dropped), else undefined. */
  popNewest(array: TypedArray): TypedArray | undefined {
    const top = this.top - 1;
    if (top < 0 || this.arrays[top] !== array) return undefined;
    const pooled = this.pooled[top];
    this.arrays[top] = this.pooled[top] = this.buffers[top] = this.sites[top] = undefined;
    this.top = top;
    return pooled;
  }

  /** Throw the escape of the first array of the scope `token` opened that `value` holds. */
  checkResult(value: object, token: number, escapeSite: string): void {
    if (!(token >= 1 && token <= this.pool.depth)) return; // the rewind reports a bad token
    this.searchFrom = this.scopeStarts[token] ?? 0;
    if (this.searchFrom >= this.top) return;
    const hit = findPoolMemory(value, this);
    if (hit < 0) return;
    throw new PoolEscapeError(
      this.arrays[hit]!.constructor.name,
      this.lengths[hit]!,
      formatSite(this.sites[hit]),
      escapeSite,
      pathToRecord(value, this, hit),
    );
  }

  /** A rewind's PoolStateError for a stale token, with the site that opened that scope. */
  withScopeSite(error: unknown, token: number | undefined): unknown {
    if (!(error instanceof PoolStateError) || token === undefined || !(token > this.pool.depth))
      return error;
    const site = this.scopeSites[token];
    if (site === undefined) return error;
    return new PoolStateError(`${error.message}; that scope was opened at ${formatSite(site)}`);
  }

  /** Throw (once) the report of a scope that stayed open across a task boundary. */
  throwPendingReport(): void {
    const report = this.pendingReport;
    if (report === undefined) return;
    this.pendingReport = undefined;
    throw report;
  }

  forgetReport(): void {
    this.pendingReport = undefined;
  }

  private reportScopeOpenAcrossTask(): void {
    this.watching = false;
    const depth = this.watchedDepth;
    if (this.pool.depth < depth || this.pendingReport !== undefined) return;
    this.pendingReport = new PoolStateError(
      `the pool scope opened at ${formatSite(this.scopeSites[depth])} (depth ${depth}) was still ` +
        `open when the task that opened it ended: an await (or a callback) ran inside the scope, so ` +
        `other tasks can interleave on the pool and be handed its live arrays. Finish the pooled ` +
        `work before awaiting, or give each task its own pool.`,
    );
  }
}

const states = new WeakMap<AdaptiveArrayPool, CheckState>();

function stateOf(pool: AdaptiveArrayPool): CheckState {
  return states.get(pool)!;
}

const CHECKED: CheckedMethods = {
  checkpoint(this: AdaptiveArrayPool): number {
    const state = stateOf(this);
    state.throwPendingReport();
    const token = state.base.checkpoint.call(this);
    state.openedScope(token, takeSite());
    return token;
  },

  suspendPooling(this: AdaptiveArrayPool): number {
    const state = stateOf(this);
    state.throwPendingReport();
    const token = state.base.suspendPooling.call(this);
    state.openedScope(token, takeSite());
    return token;
  },

  rewind(this: AdaptiveArrayPool, token?: number): void {
    const state = stateOf(this);
    try {
      state.base.rewind.call(this, token);
    } catch (error) {
      throw state.withScopeSite(error, token);
    }
    state.releaseAbove(this.depth);
    state.throwPendingReport();
  },

  reset(this: AdaptiveArrayPool): void {
    const state = stateOf(this);
    state.base.reset.call(this);
    state.releaseAbove(-1);
    state.forgetReport();
  },

  take(this: AdaptiveArrayPool, type: unknown, dim: unknown): TypedArray {
    const state = stateOf(this);
    state.throwPendingReport();
    // The pool's own take checks the request and keeps the books; the caller gets a fresh array.
    const pooled = state.base.take.call(this, type, dim);
    if (!this.poolingEnabled) {
      clearPendingSite();
      return poison(pooled);
    }
    const length = pooled.length;
    const array = poison(new (pooled.constructor as ElementType)(length));
    state.record(array, pooled, length, this.depth, takeSite());
    return array;
  },

  takeDims(this: AdaptiveArrayPool, type: unknown, d0: unknown, d1: unknown): TypedArray {
    // The checked take, as `acquire(pool, type, d0, d1)` calls it.
    return this.take(type, lengthOfDims(d0, d1, undefined, undefined));
  },

  untake(this: AdaptiveArrayPool, array: TypedArray): void {
    const state = stateOf(this);
    const pooled = state.popNewest(array);
    if (pooled !== undefined) state.base.untake.call(this, pooled);
  },

  checkResult(this: AdaptiveArrayPool, value: unknown, token: number, site: string): void {
    if (typeof value !== "object" || value === null) return;
    stateOf(this).checkResult(value, token, site);
  },
};

export function isInCheckMode(pool: AdaptiveArrayPool): boolean {
  return states.has(pool);
}

/** Switch `pool` into check mode (nothing if it is already). */
export function installCheckMode(pool: AdaptiveArrayPool): void {
  if (states.has(pool)) return;
  const proto = Object.getPrototypeOf(pool) as CheckedMethods;
  const base = {} as Record<keyof CheckedMethods, unknown>;
  for (const name of METHOD_NAMES) base[name] = proto[name];
  states.set(pool, new CheckState(pool, base as unknown as CheckedMethods));
  for (const name of METHOD_NAMES) {
    Object.defineProperty(pool, name, { value: CHECKED[name], configurable: true, writable: true });
  }
}

/**
 * Switch `pool` back to normal mode. Arrays it handed out in check mode keep their own memory and
 * are simply not detached any more.
 */
export function removeCheckMode(pool: AdaptiveArrayPool): void {
  if (!states.has(pool)) return;
  // In reverse order of installation, which lets V8 return the object to its original shape.
  for (let i = METHOD_NAMES.length - 1; i >= 0; i--) {
    delete (pool as unknown as Record<string, unknown>)[METHOD_NAMES[i]!];
  }
  states.delete(pool);
}
