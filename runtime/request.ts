/**
 * Argument decoding shared by the acquire family: `(type, ...dims)`, `(...dims)` for Float64Array,
 * `(dims[])`, or `(template)`. Written with fixed parameters, not rest parameters, so a call allocates
 * nothing; every check runs before the pool is touched. This is the general path: the common
 * `(pool, Type, length)` call never gets here (see acquire.ts).
 */
import { ELEMENT_TYPES, describeValue } from "./element-types.js";
import type { TypedArray } from "./element-types.js";
import { lengthOfDims } from "./dims.js";
import { isPool } from "./pool-brand.js";
import type { Pool } from "./pool-type.js";
import { typedArrayLength, typedArrayTypeIndex } from "./typed-array-intrinsics.js";

export function tooManyDims(): TypeError {
  return new TypeError("at most 4 dimensions as arguments: pass the dims as one array for more");
}

/** `pool`, or a TypeError saying what was passed instead. */
export function checkedPool(pool: unknown, what = "the acquire family"): Pool {
  if (isPool(pool)) return pool as Pool;
  throw new TypeError(
    `${what} expects a pool (AdaptiveArrayPool or DisabledPool) as its first argument, got ` +
      describeValue(pool),
  );
}

/** Acquire per the decoded arguments. `e` is a fifth dim only when no type was given. */
export function acquireFrom(
  pool: unknown,
  a: unknown,
  b: unknown,
  c: unknown,
  d: unknown,
  e: unknown,
  f: unknown,
): TypedArray {
  const target = checkedPool(pool);
  if (typeof a === "function") {
    // Element type: validated by the pool before it changes any state.
    if (f !== undefined) throw tooManyDims();
    return target.take(a, lengthOfDims(b, c, d, e));
  }
  if (typeof a === "number" || Array.isArray(a)) {
    if (e !== undefined || f !== undefined) throw tooManyDims();
    return target.take(Float64Array, lengthOfDims(a, b, c, d));
  }
  const index = typedArrayTypeIndex(a);
  if (index >= 0) {
    if (b !== undefined || c !== undefined || d !== undefined || e !== undefined || f !== undefined)
      throw new TypeError(
        "a template array takes no dims: use similar(pool, template, type, ...dims)",
      );
    return target.take(ELEMENT_TYPES[index]!.type, typedArrayLength(a));
  }
  throw new TypeError(
    `expected an element type, a length or a template array, got ${describeValue(a)}`,
  );
}

/** The element type a call will produce, for checks that must run before acquiring. */
export function requestedType(a: unknown): unknown {
  if (typeof a === "function") return a;
  const index = typedArrayTypeIndex(a);
  return index >= 0 ? ELEMENT_TYPES[index]!.type : Float64Array;
}
