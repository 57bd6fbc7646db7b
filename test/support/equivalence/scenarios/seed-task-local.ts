/**
 * Guide pattern "Direct pool access in inner functions": inner functions take the task-local pool
 * themselves and leave their arrays active; the entry point's scope frees them all at once.
 */
import { acquire, getTaskLocalPool, withPool, zeros } from "adaptive-array-pools";
import { snapshot, sum } from "./snapshot.js";

const activeInside: number[] = [];

function computeStep(data: Float64Array, result: { value: number }): void {
  const pool = getTaskLocalPool();
  const temp = acquire(pool, Float64Array, data.length);
  for (let i = 0; i < data.length; i++) temp[i] = data[i]! * 2;
  result.value += sum(temp);
}

function processChunk(chunk: Float64Array, accumulator: { value: number }): void {
  const pool = getTaskLocalPool();
  const buffer = zeros(pool, Float64Array, chunk.length);
  const inner = { value: 0 };
  computeStep(chunk, inner);
  buffer.fill(inner.value);
  accumulator.value += sum(buffer);
  activeInside.push(snapshot(pool).activeBytes);
}

const mainPipeline = withPool(
  getTaskLocalPool(),
  function mainPipeline(chunks: Float64Array[]): number {
    const accumulator = { value: 0 };
    for (const chunk of chunks) processChunk(chunk, accumulator);
    return accumulator.value;
  },
);

export function run(): unknown {
  const chunks = [Float64Array.of(1, 2), Float64Array.of(3, 4, 5)];
  const values = [mainPipeline(chunks), mainPipeline(chunks)];
  return { values, activeInside, pool: snapshot(getTaskLocalPool()) };
}
