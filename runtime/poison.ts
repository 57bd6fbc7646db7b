import type { TypedArray } from "./element-types.js";

/**
 * Check mode's poison: values no computation produces by accident, so code that reads an element
 * before writing it (relying on zeros, or on a previous call's values) fails visibly. NaN for floats,
 * the type's maximum for integers.
 */
const POISON = new Map<unknown, number | bigint>([
  [Float64Array, NaN],
  [Float32Array, NaN],
  [Int32Array, 2 ** 31 - 1],
  [Uint32Array, 2 ** 32 - 1],
  [Int16Array, 2 ** 15 - 1],
  [Uint16Array, 2 ** 16 - 1],
  [Int8Array, 2 ** 7 - 1],
  [Uint8Array, 2 ** 8 - 1],
  [Uint8ClampedArray, 2 ** 8 - 1],
  [BigInt64Array, 2n ** 63n - 1n],
  [BigUint64Array, 2n ** 64n - 1n],
]);

/** Fill `array` with its type's poison value (NaN for any float type the table does not list). */
export function poison<A extends TypedArray>(array: A): A {
  const value = POISON.get(array.constructor) ?? NaN;
  (array as { fill(value: number | bigint): unknown }).fill(value);
  return array;
}
