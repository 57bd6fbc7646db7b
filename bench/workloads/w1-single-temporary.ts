/**
 * W1: one scope per iteration. Each op obtains an array of n elements, writes and reads all of it
 * (`touch`), and gives it back; Float64Array at several n, plus Float32Array and Int32Array rows.
 * Beside each Float64Array row, the same n with three temporaries per op (2 Float64 + 1 Int32,
 * w1-three-temporaries.ts).
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
} from "../contenders/contender-list.js";
import { DTYPE_CONSTRUCTORS, dtypeOf, numberParam } from "../contenders/dtypes.js";
import type { DType } from "../contenders/dtypes.js";
import { DynSlot } from "../contenders/dyn-slot.js";
import { makePeerPool } from "../contenders/peer-pools.js";
import { SubarrayArena } from "../contenders/subarray-arena.js";
import { touch } from "./kernels.js";
import { counter, peerImpl, w1Label } from "./w1-op.js";
import type { Op, W1Row } from "./w1-op.js";
import { THREE_TEMPORARY_IMPLS, threeTemporaryPeer } from "./w1-three-temporaries.js";

function naive(dtype: DType, n: number): Op {
  const next = counter();
  switch (dtype) {
    case "f64":
      return () => touch(new Float64Array(n), n, next());
    case "f32":
      return () => touch(new Float32Array(n), n, next());
    case "i32":
      return () => touch(new Int32Array(n), n, next());
  }
}

/** The constant-folded floor: a closure constant, which V8 folds (known length, no bounds checks). */
function preallocConst(dtype: DType, n: number): Op {
  const next = counter();
  const buffer = new DTYPE_CONSTRUCTORS[dtype](n);
  return () => touch(buffer, n, next());
}

/** The dyn floor: the same single buffer, read from a mutable field every op, as a pool's array is. */
function preallocDyn(dtype: DType, n: number): Op {
  const next = counter();
  const slot = new DynSlot(new DTYPE_CONSTRUCTORS[dtype](n), new DTYPE_CONSTRUCTORS[dtype](n));
  return () => touch(slot.value, n, next());
}

function arena(dtype: DType, n: number): Op {
  const next = counter();
  const memory = new SubarrayArena(dtype, 4 * n);
  return () => {
    const mark = memory.mark();
    touch(memory.take(n), n, next());
    memory.release(mark);
  };
}

function tryFinally(dtype: DType, n: number): Op {
  const next = counter();
  const pool = new AdaptiveArrayPool();
  switch (dtype) {
    case "f64":
      return () => {
        const token = pool.checkpoint();
        try {
          touch(acquire(pool, Float64Array, n), n, next());
        } finally {
          pool.rewind(token);
        }
      };
    case "f32":
      return () => {
        const token = pool.checkpoint();
        try {
          touch(acquire(pool, Float32Array, n), n, next());
        } finally {
          pool.rewind(token);
        }
      };
    case "i32":
      return () => {
        const token = pool.checkpoint();
        try {
          touch(acquire(pool, Int32Array, n), n, next());
        } finally {
          pool.rewind(token);
        }
      };
  }
}

function marker(dtype: DType, n: number): Op {
  const next = counter();
  const pool = new AdaptiveArrayPool();
  switch (dtype) {
    case "f64":
      return withPool(pool, function w1Float64(): void {
        touch(acquire(pool, Float64Array, n), n, next());
      });
    case "f32":
      return withPool(pool, function w1Float32(): void {
        touch(acquire(pool, Float32Array, n), n, next());
      });
    case "i32":
      return withPool(pool, function w1Int32(): void {
        touch(acquire(pool, Int32Array, n), n, next());
      });
  }
}

function usingScope(dtype: DType, n: number): Op {
  const next = counter();
  const pool = new AdaptiveArrayPool();
  switch (dtype) {
    case "f64":
      return () => {
        using _ = poolScope(pool);
        touch(acquire(pool, Float64Array, n), n, next());
      };
    case "f32":
      return () => {
        using _ = poolScope(pool);
        touch(acquire(pool, Float32Array, n), n, next());
      };
    case "i32":
      return () => {
        using _ = poolScope(pool);
        touch(acquire(pool, Int32Array, n), n, next());
      };
  }
}

async function peer(impl: string, dtype: DType, n: number): Promise<Op> {
  const next = counter();
  const allocator = await makePeerPool(peerImpl(impl), dtype, 1 << 20);
  return () => {
    const a = allocator.malloc(n);
    touch(a, n, next());
    allocator.free(a);
  };
}

const LOCAL_IMPLS: Readonly<Record<string, (dtype: DType, n: number) => Op>> = {
  [NEW]: naive,
  [PREALLOC_CONST]: preallocConst,
  [PREALLOC_DYN]: preallocDyn,
  [ARENA]: arena,
  [AAP_TRY_FINALLY]: tryFinally,
  [AAP_MARKER]: marker,
  [AAP_USING]: usingScope,
};

async function makeTrial(impl: string, params: CaseParams): Promise<Trial> {
  const n = numberParam(params.n, "n");
  if (numberParam(params.temporaries, "temporaries") === 3) {
    const three = THREE_TEMPORARY_IMPLS[impl];
    return { run: three === undefined ? await threeTemporaryPeer(impl, n) : three(n) };
  }
  const dtype = dtypeOf(params.type);
  const local = LOCAL_IMPLS[impl];
  return { run: local === undefined ? await peer(impl, dtype, n) : local(dtype, n) };
}

/** Measured ops per run: about 0.03 s of the dyn floor's time; three temporaries do ~3x the work. */
function opsFor(n: number, temporaries: number, quick: boolean): number {
  const ops = (n >= 1024 ? 200_000 : 2_000_000) / (temporaries === 3 ? 2 : 1);
  return quick ? ops / 4 : ops;
}

const SIZES = [4, 8, 9, 16, 64, 1024];

function w1Cases(quick: boolean): CaseSpec[] {
  const rows: W1Row[] = [
    ...SIZES.flatMap((n) => [
      { n, type: "f64" as const, temporaries: 1 as const },
      { n, type: "f64" as const, temporaries: 3 as const },
    ]),
    { n: 16, type: "f32", temporaries: 1 },
    { n: 16, type: "i32", temporaries: 1 },
  ];
  // The quick run keeps n = 16 and 1024 (both forms) so that `npm run bench:quick` stays short.
  const quickRows = rows.filter(({ n, type }) => type === "f64" && [16, 1024].includes(n));
  return (quick ? quickRows : rows).map((row) => {
    const ops = opsFor(row.n, row.temporaries, quick);
    const params = { n: row.n, type: row.type, temporaries: row.temporaries };
    return { label: w1Label(row), params, ops, batch: ops, warmupOps: ops / 4 };
  });
}

export const w1: Workload = {
  id: "W1",
  title: "one scope per iteration, 1 or 3 temporaries (ns/op, total time / N including GC)",
  control: PREALLOC_DYN,
  zeroGc: [PREALLOC_CONST, PREALLOC_DYN],
  contenders: [...BASELINES, ...PEERS, ...LIBRARY],
  cases: w1Cases,
  makeTrial,
};
