import { checkModeByDefault } from "./check-default.js";
import { describeValue } from "./element-types.js";

/** The options of `new AdaptiveArrayPool(options)`; every one is optional. */
export interface PoolOptions {
  /** Warn once per type when more than this many of its arrays are live at once. Default 512. */
  readonly growthWarningThreshold?: number;
  /**
   * Check mode: released memory is detached and never reused, acquires hand out poisoned contents,
   * results are inspected for escaping memory, scopes open across an await are reported. Default:
   * the process-wide setting (`setRuntimeCheck`, the ADAPTIVE_ARRAY_POOLS_CHECK environment variable).
   */
  readonly check?: boolean;
  /**
   * The bytes of free buffers the pool may keep once its outermost scope closes; beyond it the
   * largest free buffers are released first. Default Infinity (keep everything).
   */
  readonly maxRetainedBytes?: number;
}

const DEFAULT_GROWTH_WARNING_THRESHOLD = 512;

/** The options with defaults filled in; a TypeError / RangeError for anything malformed. */
export function checkPoolOptions(options: PoolOptions | undefined): Required<PoolOptions> {
  if (options === undefined) {
    return {
      growthWarningThreshold: DEFAULT_GROWTH_WARNING_THRESHOLD,
      check: checkModeByDefault(),
      maxRetainedBytes: Infinity,
    };
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(`pool options must be an object, got ${describeValue(options)}`);
  }
  const threshold = options.growthWarningThreshold ?? DEFAULT_GROWTH_WARNING_THRESHOLD;
  if (typeof threshold !== "number") {
    throw new TypeError(`growthWarningThreshold must be a number, got ${describeValue(threshold)}`);
  }
  if (!(threshold >= 0)) {
    throw new RangeError(
      `growthWarningThreshold must be >= 0 (Infinity: never warn), got ${threshold}`,
    );
  }
  const check = options.check ?? checkModeByDefault();
  if (typeof check !== "boolean") {
    throw new TypeError(`check must be true or false, got ${describeValue(check)}`);
  }
  const cap = options.maxRetainedBytes ?? Infinity;
  if (typeof cap !== "number" || !(cap >= 0)) {
    throw new RangeError(`maxRetainedBytes must be a number >= 0, got ${describeValue(cap)}`);
  }
  return { growthWarningThreshold: threshold, check, maxRetainedBytes: cap };
}
