/**
 * A typed array's real element type and length, read through the built-in getters of
 * %TypedArray%.prototype. Own properties (`length`, `constructor`) and subclass overrides cannot
 * change them, so a template array whose own `length` is -1 still describes itself truthfully.
 */
import { ELEMENT_TYPES } from "./element-types.js";
import type { TypedArray } from "./element-types.js";

const typedArrayPrototype = Object.getPrototypeOf(Int8Array.prototype) as object;

function intrinsicGetter(key: PropertyKey): (this: unknown) => unknown {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- a getter, always invoked with .call(target)
  return Object.getOwnPropertyDescriptor(typedArrayPrototype, key)!.get as (
    this: unknown,
  ) => unknown;
}

/** Returns the type's name for a typed array and undefined for anything else; never throws. */
const toStringTag = intrinsicGetter(Symbol.toStringTag);
const lengthGetter = intrinsicGetter("length");

/** Index in ELEMENT_TYPES of `value`'s element type, or -1 when it is not a typed array. */
export function typedArrayTypeIndex(value: unknown): number {
  const name = toStringTag.call(value);
  if (name === undefined) return -1;
  for (let i = 0; i < ELEMENT_TYPES.length; i++) {
    if (ELEMENT_TYPES[i]!.type.name === name) return i;
  }
  return -1;
}

export function isTypedArray(value: unknown): value is TypedArray {
  return typedArrayTypeIndex(value) >= 0;
}

/** The element count, 0 for a typed array whose buffer was detached. */
export function typedArrayLength(array: unknown): number {
  return lengthGetter.call(array) as number;
}
