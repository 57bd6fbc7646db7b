/** Guide pattern "Scope-only withPool": the orchestrator names no pool; its steps acquire their own. */
import { acquire, getTaskLocalPool, withPool } from "adaptive-array-pools";
import { snapshot, sum } from "./snapshot.js";

const depthsSeen: number[] = [];

const step1 = withPool(getTaskLocalPool(), function step1(): number {
  const v = acquire(getTaskLocalPool(), Float64Array, 100);
  v.fill(1);
  depthsSeen.push(getTaskLocalPool().depth);
  return sum(v);
});

const step2 = withPool(getTaskLocalPool(), function step2(): number {
  const v = acquire(getTaskLocalPool(), Float64Array, 200);
  v.fill(1);
  return sum(v);
});

const orchestrate = withPool(function orchestrate(): number {
  const a = step1();
  const b = step2();
  depthsSeen.push(getTaskLocalPool().depth);
  return a + b;
});

const arrowOrchestrate = withPool((): number => step1() * 2);

export function run(): unknown {
  return {
    values: [orchestrate(), arrowOrchestrate(), orchestrate()],
    depthsSeen,
    pool: snapshot(getTaskLocalPool()),
  };
}
