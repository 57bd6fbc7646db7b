/**
 * The npm pool packages behind one malloc/free shape, bound to one element type so each process's
 * call sites stay monomorphic. Each allocator is created fresh per trial. The packages are loaded
 * from bench/peers (see harness/peers.ts).
 */
import { importPeer, requirePeer } from "../harness/peers.js";
import { PEER_POOL_IDS } from "./contender-list.js";
import type { DType } from "./dtypes.js";
import type { StdlibPoolModule, ThingMallocModule, TypedarrayPoolModule } from "./peer-types.js";
import type { NumericArray } from "../workloads/kernels.js";

export interface MallocFree {
  malloc(n: number): NumericArray;
  free(a: NumericArray): void;
  /** Bytes the allocator holds (free lists and arenas included). */
  heldBytes(): number;
}

export type PeerPoolId = (typeof PEER_POOL_IDS)[number];

export function isPeerPool(id: string): id is PeerPoolId {
  return (PEER_POOL_IDS as readonly string[]).includes(id);
}

export async function makePeerPool(
  id: PeerPoolId,
  dtype: DType,
  arenaBytes: number,
): Promise<MallocFree> {
  switch (id) {
    case "typedarray-pool":
      return typedarrayPool(dtype);
    case "stdlib-pool":
      return stdlibPool(dtype);
    case "thing-malloc":
      return thingMalloc(dtype, arenaBytes);
  }
}

function typedarrayPool(dtype: DType): MallocFree {
  const pool = requirePeer<TypedarrayPoolModule>("typedarray-pool");
  const heldBytes = (): number => {
    // The package keeps its free lists on a global; summing them is the only way to see its size.
    const lists = (globalThis as { __TYPEDARRAY_POOL?: { DATA: ArrayBuffer[][] } })
      .__TYPEDARRAY_POOL;
    let total = 0;
    for (const list of lists?.DATA ?? []) for (const buffer of list) total += buffer.byteLength;
    return total;
  };
  switch (dtype) {
    case "f64":
      return {
        malloc: (n) => pool.mallocDouble(n),
        free: (a) => pool.freeDouble(a as Float64Array),
        heldBytes,
      };
    case "f32":
      return {
        malloc: (n) => pool.mallocFloat(n),
        free: (a) => pool.freeFloat(a as Float32Array),
        heldBytes,
      };
    case "i32":
      return {
        malloc: (n) => pool.mallocInt32(n),
        free: (a) => pool.freeInt32(a as Int32Array),
        heldBytes,
      };
  }
}

const STDLIB_DTYPES = { f64: "float64", f32: "float32", i32: "int32" } as const;

function stdlibPool(dtype: DType): MallocFree {
  const allocator = requirePeer<StdlibPoolModule>("@stdlib/array/pool").factory();
  const name = STDLIB_DTYPES[dtype];
  return {
    malloc: (n) => allocator(n, name) as NumericArray,
    free: (a) => allocator.free(a),
    heldBytes: () => allocator.nbytes,
  };
}

const THING_TYPES = { f64: "f64", f32: "f32", i32: "i32" } as const;

/** ESM-only package: loaded with a real dynamic import from this CommonJS build. */
async function thingMalloc(dtype: DType, arenaBytes: number): Promise<MallocFree> {
  const { MemPool } = await importPeer<ThingMallocModule>("@thi.ng/malloc");
  const pool = new MemPool({ size: arenaBytes });
  const type = THING_TYPES[dtype];
  return {
    malloc: (n) => {
      const a = pool.mallocAs(type, n);
      if (a === undefined)
        throw new RangeError(`@thi.ng/malloc arena of ${arenaBytes} bytes is full`);
      return a;
    },
    free: (a) => {
      pool.free(a);
    },
    // The arena it reserved up front, which it holds whatever is in use.
    heldBytes: () => pool.buf.byteLength,
  };
}
