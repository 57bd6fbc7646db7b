/**
 * Seed pattern "Scope-only withPool": withPool(fn) without a pool opens a scope on the task-local
 * pool around each call, for an orchestrator that acquires nothing itself but calls pooled steps.
 */
import { getTaskLocalPool, ones, withPool } from "../../runtime/index.js";
import { sum } from "./sum.js";

const pool = getTaskLocalPool();

export const step1 = withPool(pool, function step1(): number {
  const v = ones(pool, Float64Array, 100);
  return sum(v);
});

export const step2 = withPool(pool, function step2(): number {
  const v = ones(pool, Float64Array, 200);
  return sum(v);
});

/** Provides the scope only: checkpoint and rewind around the steps, no pool variable. */
export const orchestrate = withPool(function orchestrate(): number {
  const a = step1();
  const b = step2();
  return a + b;
});

if (require.main === module) {
  console.log(`orchestrate() = ${orchestrate()}`);
}
