/** Recursive and mutually recursive pooled functions: each level owns its own scope. */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
import { snapshot } from "./snapshot.js";

const pool = new AdaptiveArrayPool();
let deepest = 0;

// Recursion goes through the pooled binding `tree`, so every level has its own scope either way.
// (A named function expression calling itself by its own name differs: see ../differences/.)
const tree = withPool(pool, (depth: number): number => {
  const level = acquire(pool, Float64Array, depth + 1);
  level.fill(depth);
  deepest = Math.max(deepest, pool.depth);
  if (depth === 0) return 1;
  return tree(depth - 1) + tree(depth - 1) + level[depth]!;
});

const isEven = withPool(pool, function isEven(n: number): boolean {
  acquire(pool, Uint8Array, 1);
  return n === 0 ? true : isOdd(n - 1);
});

const isOdd = withPool(pool, function isOdd(n: number): boolean {
  acquire(pool, Int32Array, 1);
  return n === 0 ? false : isEven(n - 1);
});

export function run(): unknown {
  return { values: [tree(4), isEven(7), isOdd(7)], deepest, pool: snapshot(pool) };
}
