/** Every typed-array type the pool serves. `Float16Array` joins at run time where the engine has it. */
export type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | BigInt64Array
  | BigUint64Array;

/** A typed-array constructor: the element type argument of the acquire family. */
export interface ElementType<A = TypedArray> {
  /** A zero-filled array of `length` elements. */
  new (length: number): A;
  /** Bytes per element, e.g. 8 for Float64Array. */
  readonly BYTES_PER_ELEMENT: number;
  /** The constructor's name, e.g. "Float64Array". */
  readonly name: string;
}

/**
 * The array type a constructor produces. Spelled out per constructor so `acquire(pool, Int32Array, n)`
 * is typed `Int32Array` exactly; the last branch covers constructors the compiler's lib knows but this
 * package cannot name (Float16Array on older libs).
 */
export type ArrayOf<C> = C extends Float64ArrayConstructor
  ? Float64Array
  : C extends Float32ArrayConstructor
    ? Float32Array
    : C extends Int32ArrayConstructor
      ? Int32Array
      : C extends Uint32ArrayConstructor
        ? Uint32Array
        : C extends Int16ArrayConstructor
          ? Int16Array
          : C extends Uint16ArrayConstructor
            ? Uint16Array
            : C extends Int8ArrayConstructor
              ? Int8Array
              : C extends Uint8ClampedArrayConstructor
                ? Uint8ClampedArray
                : C extends Uint8ArrayConstructor
                  ? Uint8Array
                  : C extends BigInt64ArrayConstructor
                    ? BigInt64Array
                    : C extends BigUint64ArrayConstructor
                      ? BigUint64Array
                      : C extends new (length: number) => infer A
                        ? A
                        : never;

/** How a typed array's elements are written: numbers, or bigints for the 64-bit integer types. */
export type ElementKind = "float" | "int" | "bigint";

export interface ElementTypeInfo {
  readonly type: ElementType;
  readonly kind: ElementKind;
}

const float16: ElementType | undefined = (globalThis as { Float16Array?: ElementType })
  .Float16Array;

/** The supported element types in a fixed order; a pool keeps one sub-pool per entry. */
export const ELEMENT_TYPES: readonly ElementTypeInfo[] = [
  { type: Float64Array, kind: "float" },
  { type: Float32Array, kind: "float" },
  { type: Int32Array, kind: "int" },
  { type: Uint32Array, kind: "int" },
  { type: Int16Array, kind: "int" },
  { type: Uint16Array, kind: "int" },
  { type: Int8Array, kind: "int" },
  { type: Uint8Array, kind: "int" },
  { type: Uint8ClampedArray, kind: "int" },
  { type: BigInt64Array, kind: "bigint" },
  { type: BigUint64Array, kind: "bigint" },
  ...(float16 === undefined ? [] : [{ type: float16, kind: "float" as const }]),
];

/** Index of `type` in ELEMENT_TYPES, or -1 when it is not a supported element type. */
export function elementTypeIndex(type: unknown): number {
  for (let i = 0; i < ELEMENT_TYPES.length; i++) {
    if (ELEMENT_TYPES[i]!.type === type) return i;
  }
  return -1;
}

export function isElementType(value: unknown): value is ElementType {
  return elementTypeIndex(value) >= 0;
}

export function describeValue(value: unknown): string {
  if (typeof value === "function") return `function ${value.name || "(anonymous)"}`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value !== null && typeof value === "object") return value.constructor?.name ?? "object";
  return String(value);
}

export function unknownElementType(value: unknown): TypeError {
  const names = ELEMENT_TYPES.map((info) => info.type.name).join(", ");
  return new TypeError(`unknown element type ${describeValue(value)}: expected one of ${names}`);
}
