import type { ArrayOf, ElementType, TypedArray } from "./element-types.js";
import { ELEMENT_TYPES, elementTypeIndex, unknownElementType } from "./element-types.js";
import type { Dims } from "./acquire.js";
import type { Pool } from "./pool-type.js";
import { acquireFrom, checkedPool, requestedType, tooManyDims } from "./request.js";

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Rng = () => number;

const TWO_PI = 2 * Math.PI;

/**
 * An array of uniform random values: [0, 1) for float types, the full range for integer types.
 * An rng may follow the dims: `rand(pool, Float64Array, 3, 3, rng)`.
 *
 * @example
 * ```ts
 * const token = pool.checkpoint();
 * const noise = rand(pool, 16); // Float64Array, values in [0, 1)
 * const bytes = rand(pool, Uint8Array, 32); // values 0..255
 * let seed = 1;
 * const lcg = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
 * const repeatable = rand(pool, Float64Array, 3, 3, lcg); // the same 9 values on every run
 * pool.rewind(token);
 * ```
 */
export function rand(
  pool: Pool,
  d0: number,
  d1?: number | Rng,
  d2?: number | Rng,
  d3?: number | Rng,
  rng?: Rng,
): Float64Array;
export function rand(pool: Pool, dims: Dims, rng?: Rng): Float64Array;
export function rand<C extends ElementType>(
  pool: Pool,
  type: C,
  d0: number | Dims,
  d1?: number | Rng,
  d2?: number | Rng,
  d3?: number | Rng,
  rng?: Rng,
): ArrayOf<C>;
export function rand<A extends TypedArray>(pool: Pool, template: A, rng?: Rng): A;
export function rand(
  pool: Pool,
  a: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
): TypedArray {
  const rng = trailingRng(b, c, d, e, f);
  // Checked before acquiring: a rejected call must leave the pool as it was.
  if (unlessRng(f, rng) !== undefined) throw tooManyDims();
  const array = acquireFrom(
    pool,
    a,
    unlessRng(b, rng),
    unlessRng(c, rng),
    unlessRng(d, rng),
    unlessRng(e, rng),
    undefined,
  );
  try {
    fillUniform(array, rng ?? Math.random);
  } catch (error) {
    // A throwing rng: the half-filled array goes back, so the failed call leaves the pool as it was.
    checkedPool(pool).untake(array);
    throw error;
  }
  return array;
}

/**
 * An array of standard normal values (float types only). An rng may follow the dims.
 *
 * @example
 * ```ts
 * const token = pool.checkpoint();
 * const z = randn(pool, Float32Array, 1000); // mean about 0, standard deviation about 1
 * const jitter = randn(pool, [4, 4]); // Float64Array of length 16
 * pool.rewind(token);
 * randn(pool, Int32Array, 4); // TypeError: randn needs a floating-point element type
 * ```
 */
export function randn(
  pool: Pool,
  d0: number,
  d1?: number | Rng,
  d2?: number | Rng,
  d3?: number | Rng,
  rng?: Rng,
): Float64Array;
export function randn(pool: Pool, dims: Dims, rng?: Rng): Float64Array;
export function randn<C extends ElementType>(
  pool: Pool,
  type: C,
  d0: number | Dims,
  d1?: number | Rng,
  d2?: number | Rng,
  d3?: number | Rng,
  rng?: Rng,
): ArrayOf<C>;
export function randn<A extends TypedArray>(pool: Pool, template: A, rng?: Rng): A;
export function randn(
  pool: Pool,
  a: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
): TypedArray {
  const index = elementTypeIndex(requestedType(a));
  if (index < 0) throw unknownElementType(requestedType(a));
  if (ELEMENT_TYPES[index]!.kind !== "float") {
    throw new TypeError(
      `randn needs a floating-point element type, got ${ELEMENT_TYPES[index]!.type.name}`,
    );
  }
  const rng = trailingRng(b, c, d, e, f);
  // Checked before acquiring: a rejected call must leave the pool as it was.
  if (unlessRng(f, rng) !== undefined) throw tooManyDims();
  const array = acquireFrom(
    pool,
    a,
    unlessRng(b, rng),
    unlessRng(c, rng),
    unlessRng(d, rng),
    unlessRng(e, rng),
    undefined,
  );
  try {
    fillNormal(array as Float64Array, rng ?? Math.random);
  } catch (error) {
    // A throwing rng: the half-filled array goes back, so the failed call leaves the pool as it was.
    checkedPool(pool).untake(array);
    throw error;
  }
  return array;
}

function trailingRng(b: unknown, c: unknown, d: unknown, e: unknown, f: unknown): Rng | undefined {
  if (f !== undefined) return typeof f === "function" ? (f as Rng) : undefined;
  if (e !== undefined) return typeof e === "function" ? (e as Rng) : undefined;
  if (d !== undefined) return typeof d === "function" ? (d as Rng) : undefined;
  if (c !== undefined) return typeof c === "function" ? (c as Rng) : undefined;
  return typeof b === "function" ? (b as Rng) : undefined;
}

function unlessRng(value: unknown, rng: Rng | undefined): unknown {
  return value === rng && rng !== undefined ? undefined : value;
}

function fillUniform(array: TypedArray, rng: Rng): void {
  if (array instanceof BigInt64Array || array instanceof BigUint64Array) {
    for (let i = 0; i < array.length; i++) {
      // Storing wraps the 64 random bits to the array's signedness.
      array[i] =
        (BigInt(Math.floor(rng() * 0x100000000)) << 32n) | BigInt(Math.floor(rng() * 0x100000000));
    }
    return;
  }
  const numbers = array as Float64Array;
  if (array instanceof Float64Array) {
    for (let i = 0; i < numbers.length; i++) numbers[i] = rng();
    return;
  }
  if (array instanceof Float32Array || isFloat16(array)) {
    // Rounding to fewer bits can turn a draw just below 1 into 1 itself: keep the range [0, 1).
    const belowOne = 1 - 2 ** -(array instanceof Float32Array ? 24 : 11);
    for (let i = 0; i < numbers.length; i++) {
      numbers[i] = rng();
      if (numbers[i]! >= 1) numbers[i] = belowOne;
    }
    return;
  }
  // Integer arrays: a uniform value over 2^bits, which the store wraps into the type's range.
  const span = 2 ** (8 * array.BYTES_PER_ELEMENT);
  for (let i = 0; i < numbers.length; i++) numbers[i] = Math.floor(rng() * span);
}

function fillNormal(array: Float64Array, rng: Rng): void {
  // Box-Muller: two uniforms give two independent normals.
  for (let i = 0; i < array.length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - rng()));
    const angle = TWO_PI * rng();
    array[i] = radius * Math.cos(angle);
    if (i + 1 < array.length) array[i + 1] = radius * Math.sin(angle);
  }
}

function isFloat16(array: TypedArray): boolean {
  return array.constructor.name === "Float16Array";
}
