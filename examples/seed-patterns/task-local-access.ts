/**
 * Seed pattern "Direct pool access in inner functions": inner functions call getTaskLocalPool()
 * themselves, and a top-level pooled function over the same pool controls the lifecycle. Every array
 * the inner functions acquire stays live until mainPipeline returns, then all are free at once.
 *
 * The user's responsibility: call the inner functions only through a pooled entry point. Called
 * directly they acquire outside any scope, and those arrays are never reused (the pool warns once a
 * type passes 512 live arrays).
 */
import { getTaskLocalPool, acquire, zeros, withPool } from "../../runtime/index.js";
import { sum } from "./sum.js";

/** Adds sum(data * 2) to accumulator[0]. */
export function computeStep(data: readonly number[], accumulator: Float64Array): void {
  const pool = getTaskLocalPool(); // direct access
  const temp = acquire(pool, Float64Array, data.length);
  for (let i = 0; i < data.length; i++) temp[i] = data[i]! * 2;
  accumulator[0]! += sum(temp);
  // temp is NOT released here: it stays active until the entry point's scope ends
}

export function processChunk(chunk: readonly number[], accumulator: Float64Array): void {
  const pool = getTaskLocalPool(); // direct access
  const buffer = zeros(pool, Float64Array, 1);
  computeStep(chunk, buffer);
  accumulator[0]! += sum(buffer);
}

/** Live Float64Arrays in the task-local pool when the last chunk was processed, for the printout. */
export const observed = { peakActive: 0 };

export const mainPipeline = withPool(
  getTaskLocalPool(),
  function mainPipeline(chunks: readonly (readonly number[])[]): number {
    const accumulator = zeros(getTaskLocalPool(), Float64Array, 1);
    for (const chunk of chunks) processChunk(chunk, accumulator);
    observed.peakActive = getTaskLocalPool().activeCount(Float64Array);
    return accumulator[0]!;
  },
);

if (require.main === module) {
  const result = mainPipeline([[1, 2, 3], [4, 5], [6]]);
  const after = getTaskLocalPool().activeCount(Float64Array);
  console.log(`mainPipeline([[1, 2, 3], [4, 5], [6]]) = ${result}`);
  console.log(`live arrays: ${observed.peakActive} inside the scope, ${after} after it`);
}
