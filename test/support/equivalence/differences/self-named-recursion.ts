/**
 * A known difference between the rewrite and the runtime fallback. Inside `function tree() {...}` the
 * name `tree` is the function expression's own binding. Rewritten, that function *is* the pooled
 * function, so every recursive call opens its own scope. Under the runtime fallback the own name is
 * the unwrapped body, so only the outermost call is scoped and inner levels' arrays stay active until
 * it returns. Results are the same; the pool's depth and peak size differ.
 */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
import { snapshot } from "../scenarios/snapshot.js";

const pool = new AdaptiveArrayPool();
let deepest = 0;

const tree = withPool(pool, function tree(depth: number): number {
  const level = acquire(pool, Float64Array, depth + 1);
  level.fill(depth);
  deepest = Math.max(deepest, pool.depth);
  if (depth === 0) return 1;
  return tree(depth - 1) + tree(depth - 1) + level[depth]!;
});

export function run(): unknown {
  return { values: [tree(4)], deepest, pool: snapshot(pool) };
}
