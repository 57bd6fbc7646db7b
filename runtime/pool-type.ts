import type { DisabledPool } from "./disabled-pool.js";
import type { AdaptiveArrayPool } from "./pool.js";

/** Anything the acquire family and the scope markers accept as a pool. */
export type Pool = AdaptiveArrayPool | DisabledPool;
