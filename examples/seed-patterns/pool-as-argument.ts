/**
 * Seed pattern "Passing pool as argument": only the entry point opens a scope; inner functions take
 * the pool as a parameter and acquire from it. Everything they acquire is released when the entry
 * point returns: one checkpoint and one rewind per call of mainComputation.
 *
 * The guide's `Ref` cells become one-element arrays from the pool (a pooled scalar accumulator).
 */
import { AdaptiveArrayPool, acquire, zeros, withPool } from "../../runtime/index.js";
import type { Pool } from "../../runtime/index.js";
import { sum } from "./sum.js";

export const pool = new AdaptiveArrayPool();

/** Adds sum(data * 2) to result[0]. */
export function computeStep(pool: Pool, data: readonly number[], result: Float64Array): void {
  const temp = acquire(pool, Float64Array, data.length);
  for (let i = 0; i < data.length; i++) temp[i] = data[i]! * 2;
  result[0]! += sum(temp);
}

export function processChunk(pool: Pool, chunk: readonly number[], result: Float64Array): void {
  const temp = zeros(pool, Float64Array, 1);
  computeStep(pool, chunk, temp);
  result[0]! += sum(temp);
}

export const mainComputation = withPool(
  pool,
  function mainComputation(chunks: readonly (readonly number[])[]): number {
    const result = zeros(pool, Float64Array, 1);
    for (const chunk of chunks) processChunk(pool, chunk, result);
    return result[0]!;
  },
);

if (require.main === module) {
  console.log(
    `mainComputation([[1, 2, 3], [4, 5], [6]]) = ${mainComputation([[1, 2, 3], [4, 5], [6]])}`,
  );
}
