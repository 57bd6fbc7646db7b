/**
 * Acquires the transformer turns into per-type pool methods (a literal element type, or the default
 * Float64Array with a number length): same arrays, same contents from zeros / ones, same errors for bad
 * lengths, on a pool and on the disabled pool.
 */
import {
  AdaptiveArrayPool,
  DISABLED_POOL,
  acquire,
  ones,
  withPool,
  zeros,
} from "adaptive-array-pools";
import { snapshot } from "./snapshot.js";

const pool = new AdaptiveArrayPool();

function describe(array: { constructor: { name: string }; length: number }): string {
  return `${array.constructor.name}(${array.length})`;
}

function failure(call: () => unknown): string {
  try {
    call();
    return "no error";
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

export const shapes = withPool(pool, function shapes(n: number): string[] {
  return [
    describe(acquire(pool, Float64Array, n)),
    describe(acquire(pool, Float32Array, n)),
    describe(acquire(pool, Int32Array, n)),
    describe(acquire(pool, Uint32Array, n)),
    describe(acquire(pool, Int16Array, n)),
    describe(acquire(pool, Uint16Array, n)),
    describe(acquire(pool, Int8Array, n)),
    describe(acquire(pool, Uint8Array, n)),
    describe(acquire(pool, Uint8ClampedArray, n)),
    describe(acquire(pool, BigInt64Array, n)),
    describe(acquire(pool, BigUint64Array, n)),
    describe(acquire(pool, n)),
    describe(acquire(pool, 3)),
  ];
});

export const filled = withPool(pool, function filled(n: number): number[] {
  const z = zeros(pool, Float64Array, n);
  const o = ones(pool, Int16Array, n);
  z[0] = 5;
  return [...z, ...o, ...zeros(pool, Float64Array, n), ...ones(pool, Uint8Array, 2)];
});

export const badLengths = withPool(pool, function badLengths(): string[] {
  const lengths: unknown[] = [-1, 2.5, NaN, "4", undefined, 2 ** 33];
  return lengths.flatMap((length) => [
    failure(() => acquire(pool, Float64Array, length as number)),
    failure(() => zeros(pool, Int32Array, length as number)),
    failure(() => acquire(DISABLED_POOL, Uint8Array, length as number)),
  ]);
});

export function disabled(n: number): string[] {
  return [
    describe(acquire(DISABLED_POOL, Float32Array, n)),
    describe(zeros(DISABLED_POOL, Float64Array, n)),
  ];
}

export function run(): unknown {
  const values = [shapes(4), shapes(0), filled(3), badLengths(), disabled(2)];
  return { values, pool: snapshot(pool) };
}
