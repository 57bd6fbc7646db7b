/**
 * Validation of array dimensions. Lengths are the product of the dims (arrays are flat, row-major is
 * the caller's convention). Every check happens before the pool is touched, so a bad request leaves
 * the pool exactly as it was. The argument form and the array form accept exactly the same dims.
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

/**
 * Throws when a running product of dims (each already checked, none 0) exceeds the maximum. Dims are
 * >= 1 here, so the product only grows and the first excess is final.
 */
function checkedProduct(product: number): number {
  if (product > MAX_ELEMENTS) {
    throw new RangeError(`array of ${product} elements exceeds the maximum of ${MAX_ELEMENTS}`);
  }
  return product;
}

/** Length for one dims argument: a length, or the dims as one array. */
export function lengthOfDim(dim: unknown): number {
  if (Array.isArray(dim)) return lengthOfDimsArray(dim);
  if (dim === undefined)
    throw new TypeError("missing dimensions: pass a length, e.g. acquire(pool, Float64Array, 16)");
  return checkedDim(dim, 1);
}

/**
 * Length of an array with the given dims (up to four as arguments), validating each. A dim left
 * undefined before a given one is an error, not the end of the dims. Fixed parameters and no arrays,
 * so a multi-dim acquire allocates nothing.
 */
export function lengthOfDims(d0: unknown, d1: unknown, d2: unknown, d3: unknown): number {
  if (d1 === undefined && d2 === undefined && d3 === undefined) return lengthOfDim(d0);
  if (Array.isArray(d0)) throw new TypeError("pass dims either as numbers or as one array");
  const count = d3 !== undefined ? 4 : d2 !== undefined ? 3 : 2;
  const a = presentDim(d0, 1, count);
  const b = presentDim(d1, 2, count);
  const c = count >= 3 ? presentDim(d2, 3, count) : 1;
  const d = count === 4 ? presentDim(d3, 4, count) : 1;
  if (a === 0 || b === 0 || c === 0 || d === 0) return 0;
  return checkedProduct(checkedProduct(checkedProduct(a * b) * c) * d);
}

function presentDim(value: unknown, position: number, count: number): number {
  if (value === undefined) {
    throw new TypeError(
      `dimension ${position} is undefined but dimension ${count} is given: every dim needs a value`,
    );
  }
  return checkedDim(value, position);
}

export function lengthOfDimsArray(dims: readonly unknown[]): number {
  if (dims.length === 0) throw new TypeError("the dims array is empty: pass at least one length");
  let zero = false;
  for (let i = 0; i < dims.length; i++) if (checkedDim(dims[i], i + 1) === 0) zero = true;
  if (zero) return 0;
  let length = 1;
  for (let i = 0; i < dims.length; i++) length = checkedProduct(length * (dims[i] as number));
  return length;
}
