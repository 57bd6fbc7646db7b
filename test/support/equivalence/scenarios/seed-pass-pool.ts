/** Guide pattern "Passing the pool as an argument": one scope at the entry point, plain inner functions. */
import { AdaptiveArrayPool, acquire, withPool, zeros } from "adaptive-array-pools";
import type { Pool } from "adaptive-array-pools";
import { snapshot, sum } from "./snapshot.js";

const pool = new AdaptiveArrayPool();

function computeStep(p: Pool, data: Float64Array, result: { value: number }): void {
  const temp = acquire(p, Float64Array, data.length);
  for (let i = 0; i < data.length; i++) temp[i] = data[i]! * 2;
  result.value += sum(temp);
}

function processChunk(p: Pool, chunk: Float64Array, result: { value: number }): void {
  const temp = zeros(p, Float64Array, chunk.length);
  const inner = { value: 0 };
  computeStep(p, chunk, inner);
  temp.fill(inner.value);
  result.value += sum(temp);
}

const mainComputation = withPool(pool, function mainComputation(chunks: Float64Array[]): number {
  const result = { value: 0 };
  for (const chunk of chunks) processChunk(pool, chunk, result);
  return result.value;
});

export function run(): unknown {
  const chunks = [Float64Array.of(1, 2, 3), Float64Array.of(4, 5), Float64Array.of(6)];
  return {
    values: [mainComputation(chunks), mainComputation(chunks.slice(1))],
    pool: snapshot(pool),
  };
}
