/** Exceptions caught inside the body, by a pooled caller, and at top level all leave balanced scopes. */
import { AdaptiveArrayPool, acquire, withPool, zeros } from "adaptive-array-pools";
import { snapshot } from "./snapshot.js";

const pool = new AdaptiveArrayPool();
const log: string[] = [];
const depths: number[] = [];

const fails = withPool(pool, function fails(n: number): number {
  const a = acquire(pool, Float64Array, n);
  a.fill(n);
  if (n > 2) throw new RangeError(`too big: ${n}`);
  return a[0]!;
});

const catchesInside = withPool(pool, function catchesInside(n: number): string {
  const kept = zeros(pool, Int32Array, 2);
  try {
    const scratch = acquire(pool, Int32Array, 3);
    scratch.fill(1);
    throw new Error("inside");
  } catch (error) {
    kept[0] = 1;
    depths.push(pool.depth);
    return `${(error as Error).message}:${kept[0]}:${n}`;
  } finally {
    log.push("finally");
    depths.push(pool.depth);
  }
});

const catchesCallee = withPool(pool, (n: number): string => {
  const mine = zeros(pool, Float64Array, 4);
  try {
    return String(fails(n));
  } catch (error) {
    mine[0] = 1;
    depths.push(pool.depth);
    return `caught ${(error as Error).message} with ${mine[0]}`;
  }
});

const rethrows = withPool(pool, function rethrows(n: number): number {
  acquire(pool, Uint16Array, 5);
  return fails(n) + fails(n + 1);
});

export function run(): unknown {
  const outcomes: string[] = [catchesInside(1), catchesCallee(1), catchesCallee(5)];
  try {
    rethrows(2);
  } catch (error) {
    outcomes.push(`top level: ${(error as Error).message}`);
    depths.push(pool.depth);
  }
  try {
    fails(9);
  } catch (error) {
    outcomes.push(`direct: ${(error as Error).name}`);
  }
  return { values: [outcomes, log], depths, pool: snapshot(pool) };
}
