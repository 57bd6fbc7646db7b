/**
 * W2: the Julia README's `compute(n)`: A = rand(n, n), B = rand(n, n), C = A * B, sum(C).
 * Three n-by-n temporaries per call; the random fill and the product are the shared kernels.
 */
import { AdaptiveArrayPool, acquire, poolScope, withPool } from "../../runtime/index.js";
import type { CaseSpec, CaseParams, Trial, Workload } from "../harness/types.js";
import {
  AAP_MARKER,
  AAP_TRY_FINALLY,
  AAP_USING,
  ARENA,
  BASELINES,
  LIBRARY,
  NEW,
  PEERS,
  PREALLOC_CONST,
  PREALLOC_DYN,
  PREALLOC_DYN_IN_TRY,
  unknownImpl,
} from "../contenders/contender-list.js";
import { numberParam } from "../contenders/dtypes.js";
import { DynSlot } from "../contenders/dyn-slot.js";
import { isPeerPool, makePeerPool } from "../contenders/peer-pools.js";
import { SubarrayArena } from "../contenders/subarray-arena.js";
import { fillUniform, matmul, rngState, sumToSink } from "./kernels.js";

type Op = () => void;

/** The body of compute(n) once its three arrays exist. */
function compute(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  n: number,
  rng: Int32Array,
): void {
  const size = n * n;
  fillUniform(a, size, rng);
  fillUniform(b, size, rng);
  matmul(c, a, b, n);
  sumToSink(c, size);
}

function naive(n: number, rng: Int32Array): Op {
  return () =>
    compute(new Float64Array(n * n), new Float64Array(n * n), new Float64Array(n * n), n, rng);
}

function preallocConst(n: number, rng: Int32Array): Op {
  const a = new Float64Array(n * n);
  const b = new Float64Array(n * n);
  const c = new Float64Array(n * n);
  return () => compute(a, b, c, n, rng);
}

/** The three n-by-n buffers of the dyn floor, each behind a mutable field. */
function dynBuffers(
  n: number,
): readonly [DynSlot<Float64Array>, DynSlot<Float64Array>, DynSlot<Float64Array>] {
  const slot = (): DynSlot<Float64Array> =>
    new DynSlot(new Float64Array(n * n), new Float64Array(n * n));
  return [slot(), slot(), slot()];
}

function preallocDyn(n: number, rng: Int32Array): Op {
  const [a, b, c] = dynBuffers(n);
  return () => compute(a.value, b.value, c.value, n, rng);
}

/**
 * The dyn floor inside a try / finally whose finally does what a rewind's fast path does (one field
 * store), with no pool: the difference to dyn is the try region's own cost.
 */
function preallocDynInTry(n: number, rng: Int32Array): Op {
  const [a, b, c] = dynBuffers(n);
  const scope = { depth: 0 };
  return () => {
    const depth = scope.depth + 1;
    scope.depth = depth;
    try {
      compute(a.value, b.value, c.value, n, rng);
    } finally {
      scope.depth = depth - 1;
    }
  };
}

function arena(n: number, rng: Int32Array): Op {
  const memory = new SubarrayArena("f64", 3 * n * n);
  return () => {
    const mark = memory.mark();
    const a = memory.take(n * n) as Float64Array;
    const b = memory.take(n * n) as Float64Array;
    compute(a, b, memory.take(n * n) as Float64Array, n, rng);
    memory.release(mark);
  };
}

function tryFinally(n: number, rng: Int32Array): Op {
  const pool = new AdaptiveArrayPool();
  return () => {
    const token = pool.checkpoint();
    try {
      const a = acquire(pool, Float64Array, n, n);
      const b = acquire(pool, Float64Array, n, n);
      compute(a, b, acquire(pool, Float64Array, n, n), n, rng);
    } finally {
      pool.rewind(token);
    }
  };
}

function marker(n: number, rng: Int32Array): Op {
  const pool = new AdaptiveArrayPool();
  return withPool(pool, function computePooled(): void {
    const a = acquire(pool, Float64Array, n, n);
    const b = acquire(pool, Float64Array, n, n);
    compute(a, b, acquire(pool, Float64Array, n, n), n, rng);
  });
}

function usingScope(n: number, rng: Int32Array): Op {
  const pool = new AdaptiveArrayPool();
  return () => {
    using _ = poolScope(pool);
    const a = acquire(pool, Float64Array, n, n);
    const b = acquire(pool, Float64Array, n, n);
    compute(a, b, acquire(pool, Float64Array, n, n), n, rng);
  };
}

async function peer(impl: string, n: number, rng: Int32Array): Promise<Op> {
  if (!isPeerPool(impl)) throw unknownImpl("W2", impl);
  const allocator = await makePeerPool(impl, "f64", 1 << 22);
  return () => {
    const a = allocator.malloc(n * n) as Float64Array;
    const b = allocator.malloc(n * n) as Float64Array;
    const c = allocator.malloc(n * n) as Float64Array;
    compute(a, b, c, n, rng);
    allocator.free(c);
    allocator.free(b);
    allocator.free(a);
  };
}

const LOCAL_IMPLS: Readonly<Record<string, (n: number, rng: Int32Array) => Op>> = {
  [NEW]: naive,
  [PREALLOC_CONST]: preallocConst,
  [PREALLOC_DYN]: preallocDyn,
  [PREALLOC_DYN_IN_TRY]: preallocDynInTry,
  [ARENA]: arena,
  [AAP_TRY_FINALLY]: tryFinally,
  [AAP_MARKER]: marker,
  [AAP_USING]: usingScope,
};

async function makeTrial(impl: string, params: CaseParams): Promise<Trial> {
  const n = numberParam(params.n, "n");
  const rng = rngState();
  const local = LOCAL_IMPLS[impl];
  return { run: local === undefined ? await peer(impl, n, rng) : local(n, rng) };
}

/** Calls per run, sized to roughly 0.15 s of work; frames batch calls to about 50 µs each. */
const SIZING: Readonly<Record<number, { ops: number; batch: number }>> = {
  4: { ops: 1_000_000, batch: 500 },
  8: { ops: 300_000, batch: 200 },
  16: { ops: 50_000, batch: 20 },
  32: { ops: 6_000, batch: 4 },
  100: { ops: 200, batch: 1 },
};

function w2Cases(quick: boolean): CaseSpec[] {
  // The quick run keeps three sizes so that `npm run bench:quick` stays short.
  return (quick ? [4, 16, 32] : [4, 8, 16, 32, 100]).map((n) => {
    const { ops, batch } = SIZING[n]!;
    const measured = quick ? ops / 4 : ops;
    return { label: `n=${n}`, params: { n }, ops: measured, batch, warmupOps: measured / 4 };
  });
}

export const w2: Workload = {
  id: "W2",
  title:
    "compute(n): A = rand(n,n), B = rand(n,n), C = A*B, sum(C) (ns/call; frame = batch of calls)",
  control: PREALLOC_DYN,
  zeroGc: [PREALLOC_CONST, PREALLOC_DYN, PREALLOC_DYN_IN_TRY],
  contenders: [
    ...BASELINES,
    { id: PREALLOC_DYN_IN_TRY, impl: PREALLOC_DYN_IN_TRY, build: "plain" },
    ...PEERS,
    ...LIBRARY,
  ],
  cases: w2Cases,
  makeTrial,
};
