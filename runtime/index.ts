// Every value is re-bound as a local constant rather than re-exported with `export { x } from`:
// TypeScript compiles a CommonJS re-export to a getter, and on Node 20 one such getter turns the whole
// exports object into a slow dictionary, costing a hot `acquire(pool, Float64Array, 16)` call site
// 10-25 ns per call. Local exports compile to plain data properties.
import * as acquireFamily from "./acquire.js";
import * as checkAtModule from "./check-at.js";
import * as disabled from "./disabled-pool.js";
import * as errors from "./errors.js";
import * as poolModule from "./pool.js";
import * as markers from "./markers.js";
import * as random from "./random.js";
import * as scopeFunctions from "./scope-functions.js";
import * as taskLocal from "./task-local.js";

export type { PoolOptions } from "./pool.js";
export type { Pool } from "./pool-type.js";
export type { PoolScopeHandle } from "./pool-scope-handle.js";
export type { ArrayOf, ElementType, TypedArray } from "./element-types.js";
export type { CompactOptions, CompactSummary, PoolStats, TrimSummary, TypeStats } from "./stats.js";
export type { Dims } from "./acquire.js";
export type { Rng } from "./random.js";

export const AdaptiveArrayPool = poolModule.AdaptiveArrayPool;
export type AdaptiveArrayPool = poolModule.AdaptiveArrayPool;
export const DisabledPool = disabled.DisabledPool;
export type DisabledPool = disabled.DisabledPool;
export const PoolStateError = errors.PoolStateError;
export type PoolStateError = errors.PoolStateError;
export const PoolEscapeError = errors.PoolEscapeError;
export type PoolEscapeError = errors.PoolEscapeError;
export const DISABLED_POOL = disabled.DISABLED_POOL;

export const acquire = acquireFamily.acquire;
export const zeros = acquireFamily.zeros;
export const ones = acquireFamily.ones;
export const similar = acquireFamily.similar;
export const rand = random.rand;
export const randn = random.randn;

export const checkpoint = scopeFunctions.checkpoint;
export const rewind = scopeFunctions.rewind;
export const reset = scopeFunctions.reset;
export const trim = scopeFunctions.trim;
export const compact = scopeFunctions.compact;
export const clear = scopeFunctions.clear;
export const poolStats = scopeFunctions.poolStats;
export const poolingEnabled = scopeFunctions.poolingEnabled;

export const getTaskLocalPool = taskLocal.getTaskLocalPool;
export const setMaybePooling = taskLocal.setMaybePooling;
export const maybePoolingEnabled = taskLocal.maybePoolingEnabled;
export const maybeCheckpoint = taskLocal.maybeCheckpoint;
export const setRuntimeCheck = taskLocal.setRuntimeCheck;
export const runtimeCheckEnabled = taskLocal.runtimeCheckEnabled;
/** For code compiled with the plugin's `runtimeCheck` option: see check-at.ts. */
export const checkAt = checkAtModule.checkAt;
export const checkEscape = checkAtModule.checkEscape;

export const withPool = markers.withPool;
export const maybeWithPool = markers.maybeWithPool;
export const poolScope = markers.poolScope;
