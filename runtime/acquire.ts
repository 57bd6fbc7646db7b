/**
 * The acquire family. Each entry point is a short fast path for the common call,
 * `(pool, Type, length)` on an AdaptiveArrayPool, that V8 inlines whole into its caller (see
 * docs/runtime.md, "Hot path and V8's inlining budget"), and a call to the general decoder for
 * everything else. The fast path checks nothing about the type or the length: `pool.take` only
 * hits for a request it served before, so every new request goes through its checks.
 */
import { ELEMENT_TYPES, describeValue } from "./element-types.js";
import type { ArrayOf, ElementType, TypedArray } from "./element-types.js";
import { lengthOfDims } from "./dims.js";
import { AdaptiveArrayPool } from "./pool.js";
import type { Pool } from "./pool-type.js";
import { acquireFrom, checkedPool, tooManyDims } from "./request.js";
import { typedArrayLength, typedArrayTypeIndex } from "./typed-array-intrinsics.js";

/** Dims as separate lengths (at most four), or as one array of any length. */
export type Dims = readonly number[];

/**
 * An array from the pool with unspecified contents (whatever the slot held last). Length is the
 * product of the dims; the type defaults to Float64Array; a template array gives type and length.
 *
 * @example
 * ```ts
 * const pool = new AdaptiveArrayPool();
 * const token = pool.checkpoint();
 * const v = acquire(pool, 3); // Float64Array of length 3
 * const m = acquire(pool, Int32Array, 4, 4); // Int32Array of length 16
 * const w = acquire(pool, v); // another Float64Array of length 3
 * pool.rewind(token); // v, m and w go back to the pool
 * ```
 */
export function acquire(
  pool: Pool,
  d0: number,
  d1?: number,
  d2?: number,
  d3?: number,
): Float64Array;
export function acquire(pool: Pool, dims: Dims): Float64Array;
export function acquire<C extends ElementType>(
  pool: Pool,
  type: C,
  d0: number,
  d1?: number,
  d2?: number,
  d3?: number,
): ArrayOf<C>;
export function acquire<C extends ElementType>(pool: Pool, type: C, dims: Dims): ArrayOf<C>;
export function acquire<A extends TypedArray>(pool: Pool, template: A): A;
export function acquire(
  pool: Pool,
  a: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
): TypedArray {
  if (
    typeof a === "function" &&
    c === undefined &&
    d === undefined &&
    e === undefined &&
    f === undefined &&
    pool instanceof AdaptiveArrayPool
  )
    return pool.take(a, b);
  return acquireFrom(pool, a, b, c, d, e, f);
}

/**
 * Like `acquire`, filled with zeros (`0n` for bigint arrays).
 *
 * @example
 * ```ts
 * const token = pool.checkpoint();
 * const histogram = zeros(pool, Uint32Array, 256); // every count 0
 * const sums = zeros(pool, BigInt64Array, 4); // every element 0n
 * pool.rewind(token);
 * ```
 */
export function zeros(pool: Pool, d0: number, d1?: number, d2?: number, d3?: number): Float64Array;
export function zeros(pool: Pool, dims: Dims): Float64Array;
export function zeros<C extends ElementType>(
  pool: Pool,
  type: C,
  d0: number,
  d1?: number,
  d2?: number,
  d3?: number,
): ArrayOf<C>;
export function zeros<C extends ElementType>(pool: Pool, type: C, dims: Dims): ArrayOf<C>;
export function zeros<A extends TypedArray>(pool: Pool, template: A): A;
export function zeros(
  pool: Pool,
  a: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
): TypedArray {
  if (
    typeof a === "function" &&
    c === undefined &&
    d === undefined &&
    e === undefined &&
    f === undefined &&
    pool instanceof AdaptiveArrayPool
  )
    return fillWith(pool.take(a, b), 0);
  return fillWith(acquireFrom(pool, a, b, c, d, e, f), 0);
}

/**
 * Like `acquire`, filled with ones (`1n` for bigint arrays).
 *
 * @example
 * ```ts
 * const token = pool.checkpoint();
 * const weights = ones(pool, 8); // Float64Array of eight 1s
 * const grid = ones(pool, Uint8Array, [3, 3]); // Uint8Array of nine 1s
 * pool.rewind(token);
 * ```
 */
export function ones(pool: Pool, d0: number, d1?: number, d2?: number, d3?: number): Float64Array;
export function ones(pool: Pool, dims: Dims): Float64Array;
export function ones<C extends ElementType>(
  pool: Pool,
  type: C,
  d0: number,
  d1?: number,
  d2?: number,
  d3?: number,
): ArrayOf<C>;
export function ones<C extends ElementType>(pool: Pool, type: C, dims: Dims): ArrayOf<C>;
export function ones<A extends TypedArray>(pool: Pool, template: A): A;
export function ones(
  pool: Pool,
  a: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
): TypedArray {
  if (
    typeof a === "function" &&
    c === undefined &&
    d === undefined &&
    e === undefined &&
    f === undefined &&
    pool instanceof AdaptiveArrayPool
  )
    return fillWith(pool.take(a, b), 1);
  return fillWith(acquireFrom(pool, a, b, c, d, e, f), 1);
}

/**
 * An uninitialised array shaped after `array`: same type and length by default, or another type
 * and/or other dims.
 *
 * @example
 * ```ts
 * const x = new Float32Array(100);
 * const token = pool.checkpoint();
 * const y = similar(pool, x); // Float32Array of length 100
 * const mask = similar(pool, x, Uint8Array); // Uint8Array of length 100
 * const square = similar(pool, x, 10, 10); // Float32Array of length 100
 * pool.rewind(token);
 * ```
 */
export function similar<A extends TypedArray>(pool: Pool, array: A): A;
export function similar<C extends ElementType>(pool: Pool, array: TypedArray, type: C): ArrayOf<C>;
export function similar<C extends ElementType>(
  pool: Pool,
  array: TypedArray,
  type: C,
  d0: number | Dims,
  d1?: number,
  d2?: number,
  d3?: number,
): ArrayOf<C>;
export function similar<A extends TypedArray>(
  pool: Pool,
  array: A,
  d0: number | Dims,
  d1?: number,
  d2?: number,
  d3?: number,
): A;
export function similar(
  pool: Pool,
  array: unknown,
  a?: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
): TypedArray {
  const target = checkedPool(pool, "similar");
  const index = typedArrayTypeIndex(array);
  if (index < 0) throw new TypeError(`similar expects a typed array, got ${describeValue(array)}`);
  const ownType = ELEMENT_TYPES[index]!.type;
  if (a === undefined) {
    if (b !== undefined || c !== undefined || d !== undefined || e !== undefined || f !== undefined)
      throw new TypeError(
        "similar(pool, array, undefined, ...dims): give the type or leave it out",
      );
    return target.take(ownType, typedArrayLength(array));
  }
  if (typeof a === "function") {
    if (f !== undefined) throw tooManyDims();
    const noDims = b === undefined && c === undefined && d === undefined && e === undefined;
    return target.take(a, noDims ? typedArrayLength(array) : lengthOfDims(b, c, d, e));
  }
  if (e !== undefined || f !== undefined) throw tooManyDims();
  return target.take(ownType, lengthOfDims(a, b, c, d));
}

/** Fill with `value`, as a bigint for the 64-bit integer arrays. */
export function fillWith(array: TypedArray, value: 0 | 1): TypedArray {
  if (array instanceof BigInt64Array || array instanceof BigUint64Array) {
    return array.fill(value === 0 ? 0n : 1n);
  }
  return array.fill(value);
}
