/** `using _ = poolScope(pool)`: the rest of the block is the scope, however the block exits. */
import { AdaptiveArrayPool, acquire, getTaskLocalPool, poolScope } from "adaptive-array-pools";
import { snapshot, sum } from "./snapshot.js";

const pool = new AdaptiveArrayPool();
const depths: number[] = [];

export function blockScoped(n: number): number {
  depths.push(pool.depth);
  using _outer = poolScope(pool);
  const a = acquire(pool, Float64Array, n);
  a.fill(1);
  if (n === 0) return -1;
  {
    using _inner = poolScope(pool);
    using _second = poolScope(pool);
    depths.push(pool.depth);
    const b = acquire(pool, Float64Array, n);
    b.fill(2);
    if (n > 3) return sum(a) + sum(b) + hoisted(n);
  }
  return sum(a) + hoisted(n);

  // Declared after the scope opens, yet callable above: declarations hoist as in plain JavaScript.
  function hoisted(k: number): number {
    depths.push(pool.depth);
    return k * 100;
  }
}

export function throwsInBlock(): string {
  try {
    using _scope = poolScope(pool);
    acquire(pool, Int32Array, 8);
    throw new Error("block failed");
  } catch (error) {
    depths.push(pool.depth);
    return (error as Error).message;
  }
}

export function taskLocalBlock(): number {
  using _scope = poolScope();
  depths.push(getTaskLocalPool().depth);
  return acquire(getTaskLocalPool(), Uint8Array, 3).length;
}

export function run(): unknown {
  const values = [
    blockScoped(2),
    blockScoped(5),
    blockScoped(0),
    throwsInBlock(),
    taskLocalBlock(),
  ];
  return { values, depths, pool: snapshot(pool), taskLocal: snapshot(getTaskLocalPool()) };
}
