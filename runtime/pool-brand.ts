/**
 * The mark every pool carries on its prototype. A registered symbol, so a pool made by the other
 * module format of this package (ESM and CommonJS loaded side by side) is still recognised, where
 * `instanceof` would not be.
 */
export const POOL_BRAND: unique symbol = Symbol.for("adaptive-array-pools.pool") as never;

/** True for AdaptiveArrayPool and DisabledPool instances of any copy of this package. */
export function isPool(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as { [POOL_BRAND]?: unknown })[POOL_BRAND] === true
  );
}
