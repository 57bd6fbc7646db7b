/**
 * adaptive-array-pools: zero-allocation temporary typed arrays. The pools, the acquire family, the
 * scope markers the transformer rewrites (ordinary functions when it does not run), check mode and
 * the errors.
 *
 * @module adaptive-array-pools
 */
// Every value is re-bound as a local constant rather than re-exported with `export { x } from`:
// TypeScript compiles a CommonJS re-export to a getter, and on Node 20 one such getter turns the whole
// exports object into a slow dictionary, costing a hot `acquire(pool, Float64Array, 16)` call site
// 10-25 ns per call. Local exports compile to plain data properties. `@reexport` has the API reference
// (typedoc) document each one as the function or class it binds, with that declaration's TSDoc.
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

/** @reexport */
export const AdaptiveArrayPool = poolModule.AdaptiveArrayPool;
export type AdaptiveArrayPool = poolModule.AdaptiveArrayPool;
/** @reexport */
export const DisabledPool = disabled.DisabledPool;
export type DisabledPool = disabled.DisabledPool;
/** @reexport */
export const PoolStateError = errors.PoolStateError;
export type PoolStateError = errors.PoolStateError;
/** @reexport */
export const PoolEscapeError = errors.PoolEscapeError;
export type PoolEscapeError = errors.PoolEscapeError;
/** @reexport */
export const DISABLED_POOL = disabled.DISABLED_POOL;

/** @reexport */
export const acquire = acquireFamily.acquire;
/** @reexport */
export const zeros = acquireFamily.zeros;
/** @reexport */
export const ones = acquireFamily.ones;
/** @reexport */
export const similar = acquireFamily.similar;
/** @reexport */
export const rand = random.rand;
/** @reexport */
export const randn = random.randn;

/** @reexport */
export const checkpoint = scopeFunctions.checkpoint;
/** @reexport */
export const rewind = scopeFunctions.rewind;
/** @reexport */
export const reset = scopeFunctions.reset;
/** @reexport */
export const trim = scopeFunctions.trim;
/** @reexport */
export const compact = scopeFunctions.compact;
/** @reexport */
export const clear = scopeFunctions.clear;
/** @reexport */
export const poolStats = scopeFunctions.poolStats;
/** @reexport */
export const poolingEnabled = scopeFunctions.poolingEnabled;

/** @reexport */
export const getTaskLocalPool = taskLocal.getTaskLocalPool;
/** @reexport */
export const setMaybePooling = taskLocal.setMaybePooling;
/** @reexport */
export const maybePoolingEnabled = taskLocal.maybePoolingEnabled;
/** @reexport */
export const maybeCheckpoint = taskLocal.maybeCheckpoint;
/** @reexport */
export const setRuntimeCheck = taskLocal.setRuntimeCheck;
/** @reexport */
export const runtimeCheckEnabled = taskLocal.runtimeCheckEnabled;
// For code compiled with the plugin's `runtimeCheck` option: see check-at.ts.
/** @reexport */
export const checkAt = checkAtModule.checkAt;
/** @reexport */
export const checkEscape = checkAtModule.checkEscape;

/** @reexport */
export const withPool = markers.withPool;
/** @reexport */
export const maybeWithPool = markers.maybeWithPool;
/** @reexport */
export const poolScope = markers.poolScope;
