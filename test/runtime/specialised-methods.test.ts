/**
 * The per-type pool methods the transformer emits for literal element types (`acquire(pool,
 * Float64Array, n)` → `pool.acquireFloat64(n)`, `acquire(pool, Float64Array, n, m)` →
 * `pool.takeDims(Float64Array, n, m)`): both pool classes have every one the transformer can name,
 * and each behaves exactly like the free function it replaces, errors included, on a miss and on a
 * hit.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AdaptiveArrayPool, DISABLED_POOL, acquire } from "../../runtime/index.js";
import type { ElementType, Pool, TypedArray } from "../../runtime/index.js";
import { MULTI_DIM_METHOD, SPECIALISED_METHODS } from "../../transformer/specialise-acquire.js";

type PerType = Record<string, (...dims: unknown[]) => TypedArray>;
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
  for (const method of [...SPECIALISED_METHODS, MULTI_DIM_METHOD]) {
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

/** `call` inside a scope of `pool`, so a repeated request hits the slot the first one filled. */
function inScope(pool: Pool, call: () => TypedArray): string {
  const token = pool.checkpoint();
  try {
    return outcome(call);
  } finally {
    pool.rewind(token);
  }
}

test("with two dims, takeDims(Type, d0, d1) behaves like acquire(pool, Type, d0, d1)", () => {
  const dimsCases: unknown[][] = [
    [4, 4],
    [0, 7],
    [-0, 3],
    [2 ** 32, 0],
    [2 ** 20, 2 ** 20],
    [2 ** 16, 2 ** 16],
    [2 ** 16, 2 ** 16 + 1],
    [3, -1],
    [1.5, 2],
    [NaN, 2],
    ["4", 4],
    [[2], 3],
    [3, [2]],
    [3, undefined],
    [undefined, 3],
    [3, null],
  ];
  for (const method of SPECIALISED_METHODS) {
    const type = typeOfMethod(method);
    for (const dims of dimsCases) {
      for (const makePool of [() => new AdaptiveArrayPool(), () => DISABLED_POOL]) {
        const specialisedPool = makePool();
        const specialised = specialisedPool as unknown as PerType;
        const general = makePool();
        // Twice: the second call of a valid request is a hit.
        for (const round of ["miss", "hit"]) {
          assert.is(
            inScope(specialisedPool, () => specialised[MULTI_DIM_METHOD]!(type, ...dims)),
            inScope(general, () => looseAcquire(general, type, ...dims)),
            `${MULTI_DIM_METHOD}(${type.name}, ${dims.map(String).join(", ")}) ${round}`,
          );
        }
      }
    }
  }
});

test("takeDims converts no dim: an object with valueOf is refused without being called", () => {
  let calls = 0;
  const sneaky = {
    valueOf(): number {
      calls++;
      return 4;
    },
  };
  for (const dims of [
    [sneaky, 4],
    [4, sneaky],
  ]) {
    const pool = new AdaptiveArrayPool() as unknown as PerType;
    assert.is(
      outcome(() => pool[MULTI_DIM_METHOD]!(Float64Array, ...dims)),
      outcome(() => looseAcquire(new AdaptiveArrayPool(), Float64Array, ...dims)),
    );
  }
  assert.is(calls, 0);
});

test("a two-dim request with the length of an earlier one still has each dim checked", () => {
  const sequences: unknown[][][] = [
    [
      [2, 2],
      [-2, -2],
    ],
    [
      [1, 4],
      [-1, -4],
    ],
    [
      [4, 2],
      [0.5, 16],
    ],
    [
      [3, 1],
      [undefined, 3],
    ],
  ];
  for (const [valid, invalid] of sequences) {
    const pool = new AdaptiveArrayPool();
    const specialised = pool as unknown as PerType;
    const takeDims = (dims: unknown[]) => specialised[MULTI_DIM_METHOD]!(Float64Array, ...dims);
    inScope(pool, () => takeDims(valid!));
    assert.is(
      inScope(pool, () => takeDims(invalid!)),
      outcome(() => looseAcquire(new AdaptiveArrayPool(), Float64Array, ...invalid!)),
      `${invalid!.map(String).join(", ")} after ${valid!.join(", ")}`,
    );
    assert.match(
      inScope(pool, () => takeDims(invalid!)),
      /Error/,
      "a repeated bad request",
    );
  }
});

test.run();
