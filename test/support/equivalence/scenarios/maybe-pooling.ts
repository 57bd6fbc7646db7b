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
/** Per call: did the body pool, and did its two arrays share memory? (Depends on pooling, by design.) */
const observed: string[] = [];

const work = maybeWithPool(pool, function work(n: number): number {
  const a = zeros(pool, Float64Array, n);
  const b = acquire(pool, Float64Array, n);
  a.fill(1);
  b.fill(2);
  observed.push(
    `${poolingEnabled(pool)}:${a.buffer === b.buffer && a.byteOffset === b.byteOffset}`,
  );
  return sum(a) + sum(b);
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
  return { values, observed, afterOn, afterOff, pool: snapshot(pool) };
}
