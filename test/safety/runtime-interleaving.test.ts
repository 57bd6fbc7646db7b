/**
 * The runtime side of interleaving (the compile-time side is AAP3001-3002). Through the untransformed
 * fallback, a pooled function whose work outlives its scope throws the runtime's clear errors; and the
 * hazard AAP3001 reports at compile time is real: two tasks awaiting inside `using poolScope` blocks
 * on one shared pool rewind out of order.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AdaptiveArrayPool,
  PoolStateError,
  acquire,
  maybeWithPool,
  poolScope,
  withPool,
} from "../../runtime/index.js";

test("a pooled function returning a promise throws PoolStateError and leaves the pool balanced", () => {
  const pool = new AdaptiveArrayPool();
  const load = withPool(pool, function load(n: number) {
    const v = acquire(pool, n);
    return Promise.resolve(v.length);
  });
  assert.throws(
    () => load(4),
    (error: unknown) =>
      error instanceof PoolStateError &&
      /withPool\(load\) returned a promise/.test(error.message) &&
      /Finish the pooled work synchronously/.test(error.message),
  );
  assert.is(pool.stats().depth, 0);
  assert.is(pool.stats().activeBytes, 0);
  const maybe = maybeWithPool(pool, () => Promise.resolve(0));
  assert.throws(() => maybe(), /maybeWithPool\(anonymous\) returned a promise/);
});

test("async functions and generators are refused when wrapped, naming the way out", () => {
  const pool = new AdaptiveArrayPool();
  assert.throws(
    () => withPool(pool, async function fetchAll() {}),
    /withPool\(fetchAll\): an async function would outlive its pool scope/,
  );
  assert.throws(
    () => withPool(pool, function* rows() {}),
    /withPool\(rows\): a generator would outlive its pool scope/,
  );
});

/** One task: a block scope on the shared pool, an array, then an await while the scope is open. */
async function task(
  pool: AdaptiveArrayPool,
  id: number,
  gate: Promise<void>,
  arrays: Float64Array[],
): Promise<number> {
  using _scope = poolScope(pool);
  const v = acquire(pool, 4);
  arrays.push(v);
  v.fill(id);
  await gate;
  return v[0]!;
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

test("two tasks awaiting inside using poolScope blocks on one pool: memory handed out twice, then PoolStateError", async () => {
  const pool = new AdaptiveArrayPool();
  const arrays: Float64Array[] = [];
  const gateA = gate();
  const gateB = gate();
  const a = task(pool, 1, gateA.promise, arrays);
  const b = task(pool, 2, gateB.promise, arrays);
  assert.is(pool.stats().depth, 2);

  // Task a ends first: its rewind closes task b's newer scope too, while b still uses its array.
  gateA.open();
  assert.is(await a, 1);
  assert.is(pool.stats().depth, 0);
  const token = pool.checkpoint();
  acquire(pool, 4);
  const other = acquire(pool, 4);
  assert.is(other, arrays[1], "task b's live array is handed out again");
  other.fill(9);
  pool.rewind(token);

  // Task b reads the other code's data, and its own rewind finds its scope already gone.
  gateB.open();
  let failure: unknown;
  await b.catch((error: unknown) => (failure = error));
  assert.instance(failure, PoolStateError);
  assert.is(arrays[1]![0], 9);
});

test.run();
