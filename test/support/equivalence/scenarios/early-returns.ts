/** Every way out of a pooled body rewinds exactly once: returns from loops, switches and nested blocks. */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
import { snapshot } from "./snapshot.js";

const pool = new AdaptiveArrayPool();

const firstAbove = withPool(pool, function firstAbove(limit: number, n: number): number {
  const values = acquire(pool, Float64Array, n);
  for (let i = 0; i < n; i++) {
    values[i] = i * i;
    if (values[i]! > limit) return i;
  }
  return -1;
});

const classify = withPool(pool, (kind: string): string => {
  const tag = acquire(pool, Uint8Array, 4);
  switch (kind) {
    case "a":
      tag[0] = 1;
      return `a:${tag[0]}`;
    case "b": {
      tag[1] = 2;
      if (tag[1] > 1) return `b:${tag[1]}`;
      break;
    }
  }
  outer: for (const c of kind) {
    for (let i = 0; i < 3; i++) if (c === "x") break outer;
    if (c === "y") return "y-early";
  }
  return `other:${kind}`;
});

const expressionBody = withPool(pool, (n: number) => acquire(pool, Int16Array, n).length * 2);

export function run(): unknown {
  const values = [
    firstAbove(10, 8),
    firstAbove(1000, 8),
    classify("a"),
    classify("b"),
    classify("zyx"),
    classify("xy"),
    expressionBody(5),
  ];
  return { values, depthAfter: pool.depth, pool: snapshot(pool) };
}
