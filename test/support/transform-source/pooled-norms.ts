/**
 * Input for the `transformSource` route (tools with only transpileModule: esbuild, swc, Vite, Bun):
 * the integration test runs `transformSource` on this file as a pre-step and runs what it returns.
 */
import * as aap from "adaptive-array-pools";
import { withPool as pooled, zeros } from "adaptive-array-pools";

const pool = aap.getTaskLocalPool();

/** Euclidean norm of the first `n` partial sums of `values`, through one pooled scratch array. */
export const partialSumNorm = pooled(pool, (values: readonly number[], n: number): number => {
  const sums = zeros(pool, Float64Array, n);
  let running = 0;
  for (let i = 0; i < n; i++) sums[i] = running += values[i] ?? 0;
  return Math.hypot(...sums);
});

/** The namespace spelling works too. */
export const depthInside = aap.withPool(pool, function depthInside(): number {
  return pool.depth;
});

console.log(`${partialSumNorm([3, 1, 8], 2)} ${depthInside()} ${pool.depth}`);
