/** A module that exports a live `let` binding to a pool and a setter: importers see every change. */
import { AdaptiveArrayPool } from "adaptive-array-pools";

export const livePools = [new AdaptiveArrayPool(), new AdaptiveArrayPool()] as const;

export let livePool: AdaptiveArrayPool = livePools[0];

export function switchLivePool(): void {
  livePool = livePool === livePools[0] ? livePools[1] : livePools[0];
}
