/**
 * W5: log-uniform sizes from 1 to 4096 doubles, three nested scopes per op (each level takes one
 * array and hands the rest to the next). Reports the memory each allocator holds at the end.
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
  unknownImpl,
} from "../contenders/contender-list.js";
import { DynSlot } from "../contenders/dyn-slot.js";
import { isPeerPool, makePeerPool } from "../contenders/peer-pools.js";
import { SubarrayArena } from "../contenders/subarray-arena.js";
import { touch } from "./kernels.js";

const MAX_SIZE = 4096;
const LEVELS = 3;
const SEQUENCE = 4096;

/** Deterministic log-uniform sizes in 1..4096, the same sequence for every contender. */
function logUniformSizes(): Int32Array {
  const sizes = new Int32Array(SEQUENCE);
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < SEQUENCE; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = (x >>> 0) / 4294967296;
    sizes[i] = Math.max(1, Math.min(MAX_SIZE, Math.floor(Math.exp(u * Math.log(MAX_SIZE + 1)))));
  }
  return sizes;
}

/** One level of the nesting: take an array of `sizes[k]`, use it, recurse to the next level. */
type Level = (k: number, depth: number) => void;

interface Contender {
  readonly level: Level;
  readonly heldBytes: () => number;
}

function makeOp(impl: Contender): Trial {
  let k = 0;
  return {
    run: () => {
      impl.level(k, 0);
      k = (k + LEVELS) & (SEQUENCE - 1);
    },
    heldBytes: impl.heldBytes,
  };
}

function naive(sizes: Int32Array): Contender {
  const level: Level = (k, depth) => {
    const n = sizes[(k + depth) & (SEQUENCE - 1)]!;
    touch(new Float64Array(n), n, k);
    if (depth + 1 < LEVELS) level(k, depth + 1);
  };
  return { level, heldBytes: () => 0 };
}

const PREALLOC_HELD = LEVELS * MAX_SIZE * 8;

/** Hand-preallocated, constant-folded: one maximum-size closure constant per level (LEVELS = 3). */
function preallocConst(sizes: Int32Array): Contender {
  const level0 = new Float64Array(MAX_SIZE);
  const level1 = new Float64Array(MAX_SIZE);
  const level2 = new Float64Array(MAX_SIZE);
  const level: Level = (k, depth) => {
    const n = sizes[(k + depth) & (SEQUENCE - 1)]!;
    touch(depth === 0 ? level0 : depth === 1 ? level1 : level2, n, k);
    if (depth + 1 < LEVELS) level(k, depth + 1);
  };
  return { level, heldBytes: () => PREALLOC_HELD };
}

/** The dyn floor: the same three buffers, each read from a mutable field. */
function preallocDyn(sizes: Int32Array): Contender {
  const slot = (): DynSlot<Float64Array> =>
    new DynSlot(new Float64Array(MAX_SIZE), new Float64Array(MAX_SIZE));
  const level0 = slot();
  const level1 = slot();
  const level2 = slot();
  const level: Level = (k, depth) => {
    const n = sizes[(k + depth) & (SEQUENCE - 1)]!;
    touch((depth === 0 ? level0 : depth === 1 ? level1 : level2).value, n, k);
    if (depth + 1 < LEVELS) level(k, depth + 1);
  };
  return { level, heldBytes: () => PREALLOC_HELD };
}

function arena(sizes: Int32Array): Contender {
  const memory = new SubarrayArena("f64", LEVELS * MAX_SIZE);
  const level: Level = (k, depth) => {
    const n = sizes[(k + depth) & (SEQUENCE - 1)]!;
    const mark = memory.mark();
    touch(memory.take(n), n, k);
    if (depth + 1 < LEVELS) level(k, depth + 1);
    memory.release(mark);
  };
  return { level, heldBytes: () => memory.heldBytes };
}

function tryFinally(sizes: Int32Array): Contender {
  const pool = new AdaptiveArrayPool();
  const level: Level = (k, depth) => {
    const token = pool.checkpoint();
    try {
      const n = sizes[(k + depth) & (SEQUENCE - 1)]!;
      touch(acquire(pool, Float64Array, n), n, k);
      if (depth + 1 < LEVELS) level(k, depth + 1);
    } finally {
      pool.rewind(token);
    }
  };
  return { level, heldBytes: () => pool.stats().bytes };
}

function marker(sizes: Int32Array): Contender {
  const pool = new AdaptiveArrayPool();
  const level: Level = withPool(pool, function level(k: number, depth: number): void {
    const n = sizes[(k + depth) & (SEQUENCE - 1)]!;
    touch(acquire(pool, Float64Array, n), n, k);
    if (depth + 1 < LEVELS) level(k, depth + 1);
  });
  return { level, heldBytes: () => pool.stats().bytes };
}

function usingScope(sizes: Int32Array): Contender {
  const pool = new AdaptiveArrayPool();
  const level: Level = (k, depth) => {
    using _ = poolScope(pool);
    const n = sizes[(k + depth) & (SEQUENCE - 1)]!;
    touch(acquire(pool, Float64Array, n), n, k);
    if (depth + 1 < LEVELS) level(k, depth + 1);
  };
  return { level, heldBytes: () => pool.stats().bytes };
}

async function peer(impl: string, sizes: Int32Array): Promise<Contender> {
  if (!isPeerPool(impl)) throw unknownImpl("W5", impl);
  const allocator = await makePeerPool(impl, "f64", 1 << 20);
  const level: Level = (k, depth) => {
    const n = sizes[(k + depth) & (SEQUENCE - 1)]!;
    const a = allocator.malloc(n);
    touch(a, n, k);
    if (depth + 1 < LEVELS) level(k, depth + 1);
    allocator.free(a);
  };
  return { level, heldBytes: allocator.heldBytes };
}

const LOCAL_IMPLS: Readonly<Record<string, (sizes: Int32Array) => Contender>> = {
  [NEW]: naive,
  [PREALLOC_CONST]: preallocConst,
  [PREALLOC_DYN]: preallocDyn,
  [ARENA]: arena,
  [AAP_TRY_FINALLY]: tryFinally,
  [AAP_MARKER]: marker,
  [AAP_USING]: usingScope,
};

async function makeTrial(impl: string, _params: CaseParams): Promise<Trial> {
  const sizes = logUniformSizes();
  const local = LOCAL_IMPLS[impl];
  return makeOp(local === undefined ? await peer(impl, sizes) : local(sizes));
}

function w5Cases(quick: boolean): CaseSpec[] {
  const ops = quick ? 50_000 : 200_000;
  return [{ label: "sizes 1..4096, 3 levels", params: {}, ops, batch: ops, warmupOps: ops / 4 }];
}

export const w5: Workload = {
  id: "W5",
  title: "log-uniform sizes 1..4096, 3 nested scopes (ns/op; memory held at the end)",
  control: PREALLOC_DYN,
  zeroGc: [PREALLOC_CONST, PREALLOC_DYN],
  contenders: [...BASELINES, ...PEERS, ...LIBRARY],
  cases: w5Cases,
  makeTrial,
};
