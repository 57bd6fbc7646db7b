/** maybeWithPool: the runtime toggle decides per call whether the body pools. */
import {
  AdaptiveArrayPool,
  acquire,
  maybeWithPool,
  poolingEnabled,
  setMaybePooling,
  zeros,
} from "adaptive-array-pools";
import { snapshot, sum } from "./snapshot.js";

const pool = new AdaptiveArrayPool();

const work = maybeWithPool(pool, function work(n: number): string {
  const a = zeros(pool, Float64Array, n);
  const b = acquire(pool, Float64Array, n);
  a.fill(1);
  b.fill(2);
  return `${poolingEnabled(pool)}:${sum(a) + sum(b)}:${a.buffer === b.buffer && a.byteOffset === b.byteOffset}`;
});

const viaTaskLocal = maybeWithPool((n: number): number => n * 2);

export function run(): unknown {
  const values: unknown[] = [work(3)];
  const afterOn = snapshot(pool);
  setMaybePooling(false);
  values.push(work(4), viaTaskLocal(4));
  const afterOff = snapshot(pool);
  setMaybePooling(true);
  values.push(work(5));
  return { values, afterOn, afterOff, pool: snapshot(pool) };
}
