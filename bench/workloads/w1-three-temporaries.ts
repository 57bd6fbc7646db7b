/**
 * W1's second shape: three temporaries per scope (2 Float64Array + 1 Int32Array of n elements),
 * written and read back by `touch3`. The same contenders as the one-temporary rows.
 */
import { AdaptiveArrayPool, acquire, poolScope, withPool } from "../../runtime/index.js";
import {
  AAP_MARKER,
  AAP_TRY_FINALLY,
  AAP_USING,
  ARENA,
  NEW,
  PREALLOC_CONST,
  PREALLOC_DYN,
} from "../contenders/contender-list.js";
import { makePeerPool } from "../contenders/peer-pools.js";
import { SubarrayArena } from "../contenders/subarray-arena.js";
import { touch3 } from "./kernels.js";
import { counter, peerImpl } from "./w1-op.js";
import type { Op } from "./w1-op.js";

function naive(n: number): Op {
  const next = counter();
  return () => touch3(new Float64Array(n), new Float64Array(n), new Int32Array(n), n, next());
}

function preallocConst(n: number): Op {
  const next = counter();
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Int32Array(n);
  return () => touch3(a, b, c, n, next());
}

/** The dyn floor for three buffers: three mutable fields of one holder (see DynSlot for why two stores). */
class DynTriple {
  a: Float64Array;
  b: Float64Array;
  c: Int32Array;

  constructor(n: number) {
    this.a = new Float64Array(n);
    this.b = new Float64Array(n);
    this.c = new Int32Array(n);
    this.a = new Float64Array(n);
    this.b = new Float64Array(n);
    this.c = new Int32Array(n);
  }
}

function preallocDyn(n: number): Op {
  const next = counter();
  const held = new DynTriple(n);
  return () => touch3(held.a, held.b, held.c, n, next());
}

function arena(n: number): Op {
  const next = counter();
  const doubles = new SubarrayArena("f64", 8 * n);
  const ints = new SubarrayArena("i32", 4 * n);
  return () => {
    const markDoubles = doubles.mark();
    const markInts = ints.mark();
    const a = doubles.take(n) as Float64Array;
    const b = doubles.take(n) as Float64Array;
    touch3(a, b, ints.take(n) as Int32Array, n, next());
    ints.release(markInts);
    doubles.release(markDoubles);
  };
}

function tryFinally(n: number): Op {
  const next = counter();
  const pool = new AdaptiveArrayPool();
  return () => {
    const token = pool.checkpoint();
    try {
      const a = acquire(pool, Float64Array, n);
      const b = acquire(pool, Float64Array, n);
      touch3(a, b, acquire(pool, Int32Array, n), n, next());
    } finally {
      pool.rewind(token);
    }
  };
}

function marker(n: number): Op {
  const next = counter();
  const pool = new AdaptiveArrayPool();
  return withPool(pool, function w1Three(): void {
    const a = acquire(pool, Float64Array, n);
    const b = acquire(pool, Float64Array, n);
    touch3(a, b, acquire(pool, Int32Array, n), n, next());
  });
}

function usingScope(n: number): Op {
  const next = counter();
  const pool = new AdaptiveArrayPool();
  return () => {
    using _ = poolScope(pool);
    const a = acquire(pool, Float64Array, n);
    const b = acquire(pool, Float64Array, n);
    touch3(a, b, acquire(pool, Int32Array, n), n, next());
  };
}

/** A peer pool bound per element type, as its API asks: one allocator for doubles, one for ints. */
export async function threeTemporaryPeer(impl: string, n: number): Promise<Op> {
  const next = counter();
  const doubles = await makePeerPool(peerImpl(impl), "f64", 1 << 20);
  const ints = await makePeerPool(peerImpl(impl), "i32", 1 << 20);
  return () => {
    const a = doubles.malloc(n) as Float64Array;
    const b = doubles.malloc(n) as Float64Array;
    const c = ints.malloc(n) as Int32Array;
    touch3(a, b, c, n, next());
    ints.free(c);
    doubles.free(b);
    doubles.free(a);
  };
}

export const THREE_TEMPORARY_IMPLS: Readonly<Record<string, (n: number) => Op>> = {
  [NEW]: naive,
  [PREALLOC_CONST]: preallocConst,
  [PREALLOC_DYN]: preallocDyn,
  [ARENA]: arena,
  [AAP_TRY_FINALLY]: tryFinally,
  [AAP_MARKER]: marker,
  [AAP_USING]: usingScope,
};
