/** What a scenario reports about a pool: its stats as plain data, so two runs compare with deepEqual. */
import { poolStats } from "adaptive-array-pools";
import type { Pool, TypeStats } from "adaptive-array-pools";

export interface PoolSnapshot {
  readonly depth: number;
  readonly pooling: boolean;
  readonly bytes: number;
  readonly activeBytes: number;
  readonly types: readonly TypeStats[];
}

export function snapshot(pool: Pool): PoolSnapshot {
  const { depth, pooling, bytes, activeBytes, types } = poolStats(pool);
  return { depth, pooling, bytes, activeBytes, types: types.map((t) => ({ ...t })) };
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
