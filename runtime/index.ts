export { AdaptiveArrayPool } from "./pool.js";
export type { PoolOptions } from "./pool.js";
export { DisabledPool, DISABLED_POOL } from "./disabled-pool.js";
export type { Pool } from "./pool-type.js";
export { PoolStateError } from "./errors.js";
export type { ArrayOf, ElementType, TypedArray } from "./element-types.js";
export type { CompactOptions, CompactSummary, PoolStats, TrimSummary, TypeStats } from "./stats.js";
export { acquire, zeros, ones, similar } from "./acquire.js";
export type { Dims } from "./acquire.js";
export { rand, randn } from "./random.js";
export type { Rng } from "./random.js";
export {
  checkpoint,
  rewind,
  reset,
  trim,
  compact,
  clear,
  poolStats,
  poolingEnabled,
} from "./scope-functions.js";
export {
  getTaskLocalPool,
  setMaybePooling,
  maybePoolingEnabled,
  maybeCheckpoint,
} from "./task-local.js";
export { withPool, maybeWithPool, poolScope } from "./markers.js";
