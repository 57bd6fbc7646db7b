/**
 * Validation of array dimensions. Lengths are the product of the dims (arrays are flat, row-major is
 * the caller's convention). Every check happens before the pool is touched, so a bad request leaves
 * the pool exactly as it was.
 */

/** The most elements one array may have; V8 rejects larger typed arrays anyway. */
export const MAX_ELEMENTS = 2 ** 32;

function checkedDim(value: unknown, position: number): number {
  if (typeof value !== "number") {
    throw new TypeError(`dimension ${position} must be a number, got ${typeof value}`);
  }
  if (!Number.isInteger(value) || value < 0 || value > MAX_ELEMENTS) {
    throw new RangeError(
      `dimension ${position} must be an integer in 0..${MAX_ELEMENTS}, got ${value}`,
    );
  }
  return value;
}

function checkedProduct(product: number): number {
  if (product > MAX_ELEMENTS) {
    throw new RangeError(`array of ${product} elements exceeds the maximum of ${MAX_ELEMENTS}`);
  }
  return product;
}

/** Length of an array with the given dims (up to four as arguments), validating each. */
export function lengthOfDims(d0: unknown, d1: unknown, d2: unknown, d3: unknown): number {
  if (Array.isArray(d0)) {
    if (d1 !== undefined) throw new TypeError("pass dims either as numbers or as one array");
    return lengthOfDimsArray(d0);
  }
  if (d0 === undefined)
    throw new TypeError("missing dimensions: pass a length, e.g. acquire(pool, Float64Array, 16)");
  let length = checkedDim(d0, 1);
  if (d1 === undefined) return length;
  length *= checkedDim(d1, 2);
  if (d2 === undefined) return checkedProduct(length);
  length *= checkedDim(d2, 3);
  if (d3 === undefined) return checkedProduct(length);
  return checkedProduct(length * checkedDim(d3, 4));
}

export function lengthOfDimsArray(dims: readonly unknown[]): number {
  if (dims.length === 0) throw new TypeError("the dims array is empty: pass at least one length");
  let length = 1;
  for (let i = 0; i < dims.length; i++) {
    length = checkedProduct(length * checkedDim(dims[i], i + 1));
  }
  return length;
}
