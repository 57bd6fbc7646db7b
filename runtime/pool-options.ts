import { describeValue } from "./element-types.js";

export interface PoolOptions {
  /** Warn once per type when more than this many of its arrays are live at once. Default 512. */
  readonly growthWarningThreshold?: number;
}

const DEFAULT_GROWTH_WARNING_THRESHOLD = 512;

/** The options with defaults filled in; a TypeError / RangeError for anything malformed. */
export function checkPoolOptions(options: PoolOptions | undefined): Required<PoolOptions> {
  if (options === undefined) return { growthWarningThreshold: DEFAULT_GROWTH_WARNING_THRESHOLD };
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
  return { growthWarningThreshold: threshold };
}
