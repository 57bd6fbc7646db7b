/**
 * A pool expression is evaluated once, where the marker runs, as the runtime fallback evaluates its
 * argument: a call runs once, and a binding reassigned later (by the body, by a helper it calls, by
 * another module through a live import) does not change the pool a scope rewinds. Each evaluation of
 * a marker (in a loop, in an arrow called many times) keeps its own pool.
 */
import {
  AdaptiveArrayPool,
  acquire,
  getTaskLocalPool,
  poolScope,
  withPool,
} from "adaptive-array-pools";
import type { Pool } from "adaptive-array-pools";
import { livePool, livePools, switchLivePool } from "../shared/live-pool.js";
import { snapshot, sum } from "./snapshot.js";

const pools = [new AdaptiveArrayPool(), new AdaptiveArrayPool(), new AdaptiveArrayPool()];
let lookups = 0;

function pick(): AdaptiveArrayPool {
  lookups++;
  return pools[lookups % 2]!;
}

const picked = withPool(pick(), function picked(n: number): number {
  return acquire(pools[1]!, Float64Array, n).fill(1).length;
});

let current: AdaptiveArrayPool = pools[0]!;

function switchCurrent(): void {
  current = current === pools[0] ? pools[1]! : pools[0]!;
}

/** A helper the body calls reassigns the pool binding mid-call. */
const switchedByHelper = withPool(current, function switchedByHelper(n: number): number {
  const a = acquire(current, Float64Array, n).fill(2);
  switchCurrent();
  const b = acquire(current, Float64Array, n).fill(3);
  return sum(a) + sum(b);
});

/** The body itself reassigns it. */
const switchedByBody = withPool(current, (n: number): number => {
  const a = acquire(pools[0]!, Float64Array, n).fill(4);
  current = current === pools[0] ? pools[2]! : pools[0]!;
  return sum(a);
});

/** A live import binding another module reassigns. */
const switchedByOtherModule = withPool(livePool, function switchedByOtherModule(n: number): number {
  const a = acquire(livePools[0], Float64Array, n).fill(5);
  switchLivePool();
  const b = acquire(livePools[0], Float64Array, n).fill(6);
  return sum(a) + sum(b);
});

/** Markers evaluated in a loop and in an arrow: each function keeps the pool of its evaluation. */
const perIteration: ((n: number) => number)[] = [];
for (let i = 0; i < 3; i++) {
  perIteration.push(withPool(pools[i]!, (n: number) => acquire(pools[i]!, Float64Array, n).length));
}
const perArrowCall = pools.map((pool: Pool) =>
  withPool(pool, function perArrowCall(n: number): number {
    return acquire(pool, Int32Array, n).length;
  }),
);

/** `using _ = poolScope(p)` with a `let` pool the block reassigns, and with an undefined one. */
function blockWithReassignedPool(n: number): number {
  let pool: Pool = pools[2]!;
  using _ = poolScope(pool);
  const a = acquire(pool, Float64Array, n).fill(7);
  pool = pools[0]!;
  return sum(a);
}

function blockWithOptionalPool(n: number, pool?: Pool): number {
  using _ = poolScope(pool);
  return acquire(pool ?? getTaskLocalPool(), Float64Array, n).fill(8).length;
}

export function run(): unknown {
  const values = [
    picked(2),
    picked(3),
    switchedByHelper(2),
    switchedByHelper(3),
    switchedByBody(2),
    switchedByBody(3),
    switchedByOtherModule(2),
    switchedByOtherModule(3),
    perIteration.map((f, i) => f(i + 1)),
    perArrowCall.map((f, i) => f(i + 2)),
    blockWithReassignedPool(2),
    blockWithOptionalPool(2),
    blockWithOptionalPool(3, pools[0]),
    lookups,
  ];
  return {
    values,
    pools: pools.map(snapshot),
    livePools: livePools.map(snapshot),
    taskLocal: snapshot(getTaskLocalPool()),
  };
}
