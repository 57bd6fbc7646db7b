/**
 * Argument decoding shared by the acquire family: `(type, ...dims)`, `(...dims)` for Float64Array,
 * `(dims[])`, or `(template)`. Written with fixed parameters, not rest parameters, so a call allocates
 * nothing; every check runs before the pool is touched.
 */
import { describeValue } from "./element-types.js";
import type { TypedArray } from "./element-types.js";
import { lengthOfDims } from "./dims.js";
import type { Pool } from "./pool-type.js";

/** Length of `(d0, d1, d2, d3)`, with the common single-length case first. */
export function lengthOf(d0: unknown, d1: unknown, d2: unknown, d3: unknown): number {
  if (typeof d0 === "number" && d1 === undefined && d0 >>> 0 === d0) return d0;
  return lengthOfDims(d0, d1, d2, d3);
}

export function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

export function tooManyDims(): TypeError {
  return new TypeError("at most 4 dimensions as arguments: pass the dims as one array for more");
}

/** Acquire per the decoded arguments. `e` is a fifth dim only when no type was given. */
export function acquireFrom(
  pool: Pool,
  a: unknown,
  b: unknown,
  c: unknown,
  d: unknown,
  e: unknown,
): TypedArray {
  if (typeof a === "function") {
    // Element type: validated by the pool before it changes any state.
    return pool.acquireArray(a as never, lengthOf(b, c, d, e));
  }
  if (typeof a === "number" || Array.isArray(a)) {
    if (e !== undefined) throw tooManyDims();
    return pool.acquireArray(Float64Array, lengthOf(a, b, c, d));
  }
  if (isTypedArray(a)) {
    if (b !== undefined)
      throw new TypeError(
        "a template array takes no dims: use similar(pool, template, type, ...dims)",
      );
    return pool.acquireArray(a.constructor as never, a.length);
  }
  throw new TypeError(
    `expected an element type, a length or a template array, got ${describeValue(a)}`,
  );
}

/** The element type a call will produce, for checks that must run before acquiring. */
export function requestedType(a: unknown): unknown {
  if (typeof a === "function") return a;
  if (isTypedArray(a)) return a.constructor;
  return Float64Array;
}
