/**
 * W1: one temporary per iteration. Each op obtains an array of n elements, writes and reads all of
 * it (`touch`), and gives it back. Float64Array at several n, plus Float32Array and Int32Array rows.
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
  PREALLOC,
  PREALLOC_DYNAMIC,
  unknownImpl,
} from "../contenders/contender-list.js";
import { DTYPE_CONSTRUCTORS, dtypeOf, numberParam } from "../contenders/dtypes.js";
import type { DType } from "../contenders/dtypes.js";
import { isPeerPool, makePeerPool } from "../contenders/peer-pools.js";
import { SubarrayArena } from "../contenders/subarray-arena.js";
import { touch } from "./kernels.js";

type Op = () => void;

/** The seed changes every op so the work cannot be hoisted; kept small so it stays a SMI. */
function counter(): () => number {
  let i = 0;
  return () => (i = (i + 1) & 1023);
}

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

function prealloc(dtype: DType, n: number): Op {
  const next = counter();
  const buffer = new DTYPE_CONSTRUCTORS[dtype](n);
  return () => touch(buffer, n, next());
}

/**
 * Hand-preallocated, but reached through a variable (two buffers, alternating), as a pool's array
 * is. A buffer held in a closure constant is constant-folded by V8 (known length, no bounds
 * checks), which no allocator's result can be; this row separates that effect from pool overhead.
 */
function preallocDynamic(dtype: DType, n: number): Op {
  const next = counter();
  const buffers = [new DTYPE_CONSTRUCTORS[dtype](n), new DTYPE_CONSTRUCTORS[dtype](n)];
  let which = 0;
  return () => {
    which ^= 1;
    touch(buffers[which]!, n, next());
  };
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
  if (!isPeerPool(impl)) throw unknownImpl("W1", impl);
  const next = counter();
  const allocator = await makePeerPool(impl, dtype, 1 << 20);
  return () => {
    const a = allocator.malloc(n);
    touch(a, n, next());
    allocator.free(a);
  };
}

const LOCAL_IMPLS: Readonly<Record<string, (dtype: DType, n: number) => Op>> = {
  [NEW]: naive,
  [PREALLOC]: prealloc,
  [PREALLOC_DYNAMIC]: preallocDynamic,
  [ARENA]: arena,
  [AAP_TRY_FINALLY]: tryFinally,
  [AAP_MARKER]: marker,
  [AAP_USING]: usingScope,
};

async function makeTrial(impl: string, params: CaseParams): Promise<Trial> {
  const dtype = dtypeOf(params.type);
  const n = numberParam(params.n, "n");
  const local = LOCAL_IMPLS[impl];
  return { run: local === undefined ? await peer(impl, dtype, n) : local(dtype, n) };
}

function opsFor(n: number, quick: boolean): number {
  const ops = n >= 1024 ? 200_000 : 2_000_000;
  return quick ? ops / 4 : ops;
}

function w1Cases(quick: boolean): CaseSpec[] {
  const rows: { n: number; type: DType }[] = [
    ...[4, 8, 9, 16, 64, 1024].map((n) => ({ n, type: "f64" as const })),
    { n: 16, type: "f32" },
    { n: 16, type: "i32" },
  ];
  // The quick run keeps four Float64Array rows so that `npm run bench:quick` stays under 3 minutes.
  const quickRows = rows.filter(({ n, type }) => type === "f64" && [4, 16, 64, 1024].includes(n));
  return (quick ? quickRows : rows).map(({ n, type }) => {
    const ops = opsFor(n, quick);
    return { label: `n=${n} ${type}`, params: { n, type }, ops, batch: ops, warmupOps: ops / 4 };
  });
}

export const w1: Workload = {
  id: "W1",
  title: "one temporary per iteration (ns/op, total time / N including GC)",
  control: PREALLOC,
  contenders: [
    ...BASELINES,
    { id: PREALLOC_DYNAMIC, impl: PREALLOC_DYNAMIC, build: "plain" },
    ...PEERS,
    ...LIBRARY,
  ],
  cases: w1Cases,
  makeTrial,
};
