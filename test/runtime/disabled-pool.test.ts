/** DisabledPool: fresh ordinary arrays from the whole acquire family, state methods that do nothing. */
import { inspect } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  DISABLED_POOL,
  DisabledPool,
  acquire,
  checkpoint,
  ones,
  poolScope,
  poolStats,
  poolingEnabled,
  rand,
  randn,
  rewind,
  similar,
  withPool,
  zeros,
} from "../../runtime/index.js";
import { ALL_TYPES, elements, isBigIntArray, seededRng } from "./helpers.js";

test("DISABLED_POOL is a DisabledPool with pooling off", () => {
  assert.instance(DISABLED_POOL, DisabledPool);
  assert.is(poolingEnabled(DISABLED_POOL), false);
  assert.is(DISABLED_POOL.depth, 0);
});

test("activeCount is 0 for every type and rejects unknown types, as AdaptiveArrayPool's does", () => {
  // pooling: false compiles getTaskLocalPool() to DISABLED_POOL, so code typed against
  // AdaptiveArrayPool (the task-local-access seed pattern reads activeCount) runs on it.
  for (const type of ALL_TYPES) assert.is(DISABLED_POOL.activeCount(type), 0);
  assert.throws(() => DISABLED_POOL.activeCount(Array), TypeError);
});

test("every acquire returns a fresh, unshared array of the right type and contents", () => {
  for (const type of ALL_TYPES) {
    const a = acquire(DISABLED_POOL, type, 3);
    const b = acquire(DISABLED_POOL, type, 3);
    assert.instance(a, type);
    assert.is.not(a, b);
    assert.is.not(a.buffer, b.buffer);
    assert.is(a.byteOffset, 0);
    assert.is(a.buffer.byteLength, 3 * type.BYTES_PER_ELEMENT, "an ordinary array of its own");
    const z = zeros(DISABLED_POOL, type, 2);
    const o = ones(DISABLED_POOL, type, 2);
    assert.equal(elements(z), [0, 0]);
    assert.equal(elements(o), [1, 1]);
    assert.is(typeof o[0], isBigIntArray(o) ? "bigint" : "number");
  }
  assert.is(acquire(DISABLED_POOL, 2, 3).length, 6);
  assert.instance(similar(DISABLED_POOL, new Int8Array(4), Float32Array), Float32Array);
  assert.equal(
    Array.from(rand(DISABLED_POOL, Float64Array, 3, seededRng(2))),
    Array.from({ length: 3 }, seededRng(2)),
  );
  assert.is(randn(DISABLED_POOL, 5, seededRng(2)).length, 5);
});

test("state methods are no-ops with empty summaries", () => {
  const pool = new DisabledPool();
  assert.is(checkpoint(pool), 0);
  rewind(pool);
  rewind(pool, 3);
  pool.reset();
  pool.clear();
  assert.equal(pool.trim(), { releasedSlots: 0, releasedBytes: 0 });
  assert.equal(pool.compact(), { compactedSlots: 0, releasedBytes: 0 });
  const stats = poolStats(pool);
  assert.equal([stats.depth, stats.pooling, stats.bytes, stats.types.length], [0, false, 0, 0]);
  assert.is(inspect(stats), "AdaptiveArrayPool depth=0 (pooling off), 0 B held, 0 B active");
});

test("the markers accept the disabled pool", () => {
  const fn = withPool(DISABLED_POOL, (n: number) => acquire(DISABLED_POOL, Float64Array, n));
  assert.is.not(fn(2), fn(2));
  {
    using _scope = poolScope(DISABLED_POOL);
    assert.is(acquire(DISABLED_POOL, Int8Array, 1).length, 1);
  }
});

test.run();
