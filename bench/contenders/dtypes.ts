/** The element types the W1 rows use, by short name. */
export type DType = "f64" | "f32" | "i32";

export const DTYPE_CONSTRUCTORS = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
} as const;

export function dtypeOf(value: unknown): DType {
  if (value === "f64" || value === "f32" || value === "i32") return value;
  throw new TypeError(`unknown bench dtype ${String(value)}: expected f64, f32 or i32`);
}

export function numberParam(value: unknown, name: string): number {
  if (typeof value !== "number") throw new TypeError(`case parameter ${name} must be a number`);
  return value;
}
