/**
 * The per-type pool methods the transformer emits for literal element types (`acquire(pool,
 * Float64Array, n)` → `pool.acquireFloat64(n)`): both pool classes have every one the transformer can
 * name, and each behaves exactly like the free function it replaces, errors included.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AdaptiveArrayPool, DISABLED_POOL, acquire } from "../../runtime/index.js";
import type { ElementType, TypedArray } from "../../runtime/index.js";
import { SPECIALISED_METHODS } from "../../transformer/specialise-acquire.js";

type PerType = Record<string, (length: unknown) => TypedArray>;
const looseAcquire = acquire as unknown as (...args: unknown[]) => TypedArray;

function typeOfMethod(method: string): ElementType {
  const name = `${method.slice("acquire".length)}Array`;
  return (globalThis as unknown as Record<string, ElementType>)[name]!;
}

function outcome(call: () => TypedArray): string {
  try {
    const array = call();
    return `${array.constructor.name}(${array.length})`;
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

test("both pool classes define every method the transformer emits", () => {
  assert.ok(SPECIALISED_METHODS.length >= 11);
  for (const method of SPECIALISED_METHODS) {
    assert.type((AdaptiveArrayPool.prototype as unknown as PerType)[method], "function", method);
    assert.type((DISABLED_POOL as unknown as PerType)[method], "function", method);
  }
});

test("each per-type method behaves like acquire(pool, Type, length), errors included", () => {
  const lengths: unknown[] = [0, 3, 16, [2, 3], -1, 2.5, NaN, "4", undefined, 2 ** 33, null];
  for (const method of SPECIALISED_METHODS) {
    const type = typeOfMethod(method);
    for (const length of lengths) {
      for (const makePool of [() => new AdaptiveArrayPool(), () => DISABLED_POOL]) {
        const specialised = makePool() as unknown as PerType;
        const general = makePool();
        assert.is(
          outcome(() => specialised[method]!(length)),
          outcome(() => looseAcquire(general, type, length)),
          `${method}(${String(length)})`,
        );
      }
    }
  }
});

test.run();
