// A browser program with no `using`: what a project on lib ES2022 + DOM, without @types/node, writes.
// Every export is used, so every declaration file the package ships is loaded and checked.
import {
  AdaptiveArrayPool,
  DISABLED_POOL,
  DisabledPool,
  PoolStateError,
  acquire,
  checkpoint,
  clear,
  compact,
  getTaskLocalPool,
  maybePoolingEnabled,
  maybeWithPool,
  ones,
  poolScope,
  poolStats,
  poolingEnabled,
  rand,
  randn,
  reset,
  rewind,
  setMaybePooling,
  similar,
  trim,
  withPool,
  zeros,
} from "adaptive-array-pools";
import type { ArrayOf, Pool, PoolScopeHandle, PoolStats, TypedArray } from "adaptive-array-pools";

const pool: Pool = new AdaptiveArrayPool({ growthWarningThreshold: 1024 });

export const step = withPool(pool, function step(positions: Float32Array, dt: number): number {
  const velocity = zeros(pool, Float32Array, positions.length);
  const noise = rand(pool, Float32Array, positions.length);
  let energy = 0;
  for (let i = 0; i < positions.length; i++) {
    velocity[i] = noise[i]! * dt;
    energy += velocity[i]! * velocity[i]!;
  }
  return energy;
});

export const mix = maybeWithPool((left: Float64Array, right: Float64Array): number => {
  const sum = similar(getTaskLocalPool(), left);
  for (let i = 0; i < sum.length; i++) sum[i] = left[i]! + right[i]!;
  return sum.reduce((a, b) => a + b, 0);
});

// The acquire family is typed by the element type it is handed, not `any` and not a union.
const indices: Int32Array = acquire(pool, Int32Array, 4, 2);
const weights: Float64Array = ones(pool, 8);
const gaussian: Float64Array = randn(pool, [2, 3]);
const bytes: ArrayOf<Uint8ClampedArrayConstructor> = acquire(pool, Uint8ClampedArray, 16);
// @ts-expect-error an Int32Array is not a Float64Array
const wrong: Float64Array = acquire(pool, Int32Array, 4);
export const arrays: TypedArray[] = [indices, weights, gaussian, bytes, wrong];

// Without lib.esnext.disposable the scope handle has no members to misuse; `using` needs that lib.
const scope: PoolScopeHandle = poolScope(pool);
export { scope };

const token = checkpoint(pool);
rewind(pool, token);
reset(pool);
trim(pool);
compact(pool);
clear(pool);
setMaybePooling(!maybePoolingEnabled());
export const stats: PoolStats = poolStats(pool);
export const disabled: boolean =
  poolingEnabled(DISABLED_POOL) || DISABLED_POOL instanceof DisabledPool;
export const failure: Error = new PoolStateError("shown on the page");

const canvas: HTMLCanvasElement = document.createElement("canvas");
canvas.width = indices.length;
requestAnimationFrame((time) => step(new Float32Array(canvas.width), time / 1000));
