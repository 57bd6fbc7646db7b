/**
 * The calls the bench makes into the peer pools, declared here because the packages live in
 * bench/peers (loaded at run time) and the root build must type-check without them.
 */
import type { NumericArray } from "../workloads/kernels.js";

/** typedarray-pool (ships no declarations). */
export interface TypedarrayPoolModule {
  mallocDouble(n: number): Float64Array;
  mallocFloat(n: number): Float32Array;
  mallocInt32(n: number): Int32Array;
  freeDouble(a: Float64Array): void;
  freeFloat(a: Float32Array): void;
  freeInt32(a: Int32Array): void;
}

/** @stdlib/array/pool: a factory of allocators `(length, dtype) => typed array`. */
export interface StdlibAllocator {
  (length: number, dtype: string): NumericArray | null;
  free(a: NumericArray): boolean;
  readonly nbytes: number;
}
export interface StdlibPoolModule {
  factory(): StdlibAllocator;
}

/** @thi.ng/malloc (ESM only). */
export interface ThingMemPool {
  mallocAs(type: string, n: number): NumericArray | undefined;
  free(a: NumericArray): boolean;
  readonly buf: ArrayBufferLike;
}
export interface ThingMallocModule {
  MemPool: new (options: { size: number }) => ThingMemPool;
}
