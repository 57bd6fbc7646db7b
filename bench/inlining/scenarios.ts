/**
 * The hot-path shapes the inlining check compiles: each is what the transformer emits (or a user
 * writes by hand) for one pool scope. Kept free of anything but the pool calls and a little work, so
 * every call V8 considers for inlining is one of the runtime's.
 */
import { AdaptiveArrayPool, acquire } from "../../runtime/index.js";

const pool = new AdaptiveArrayPool();
const out = new Float64Array(1);
const N = 16;

/** One scope, one acquire through the public free function (untransformed code, or manual scopes). */
export function oneAcquire(seed: number): void {
  const token = pool.checkpoint();
  try {
    const a = acquire(pool, Float64Array, N);
    for (let j = 0; j < N; j++) a[j] = seed + j;
    out[0] = a[3]!;
  } finally {
    pool.rewind(token);
  }
}

/** One scope, three acquires of two element types. */
export function threeAcquires(seed: number): void {
  const token = pool.checkpoint();
  try {
    const a = acquire(pool, Float64Array, N);
    const b = acquire(pool, Float64Array, N);
    const c = acquire(pool, Int32Array, N);
    for (let j = 0; j < N; j++) c[j] = a[j] = b[j] = seed + j;
    out[0] = a[3]! + b[4]! + c[5]!;
  } finally {
    pool.rewind(token);
  }
}

/** What the transformer emits for a literal element type: the monomorphic per-type method. */
export function specialisedThree(seed: number): void {
  const token = pool.checkpoint();
  try {
    const a = pool.acquireFloat64(N);
    const b = pool.acquireFloat64(N);
    const c = pool.acquireInt32(N);
    for (let j = 0; j < N; j++) c[j] = a[j] = b[j] = seed + j;
    out[0] = a[3]! + b[4]! + c[5]!;
  } finally {
    pool.rewind(token);
  }
}

/** What the transformer emits for two dims with a literal element type: `takeDims`. */
export function specialisedTwoDims(seed: number): void {
  const token = pool.checkpoint();
  try {
    const a = pool.takeDims(Float64Array, 4, N) as Float64Array;
    const b = pool.takeDims(Float64Array, N, 4) as Float64Array;
    const c = pool.takeDims(Int32Array, 4, N) as Int32Array;
    for (let j = 0; j < 4 * N; j++) c[j] = a[j] = b[j] = seed + j;
    out[0] = a[3]! + b[4]! + c[5]!;
  } finally {
    pool.rewind(token);
  }
}

export const SCENARIOS = {
  oneAcquire,
  threeAcquires,
  specialisedThree,
  specialisedTwoDims,
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

/** The runtime functions each scenario must have inlined (and nothing else may stay a call). */
export const EXPECTED_INLINED: Readonly<Record<ScenarioName, readonly string[]>> = {
  oneAcquire: ["checkpoint", "acquire", "take", "rewind"],
  threeAcquires: ["checkpoint", "acquire", "take", "rewind"],
  specialisedThree: ["checkpoint", "acquireFloat64", "acquireInt32", "take", "rewind"],
  specialisedTwoDims: ["checkpoint", "takeDims", "rewind"],
};
