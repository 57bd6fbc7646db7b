/** reset / trim / compact / clear with their summaries, stats and its printed forms, growth warning. */
import { inspect } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AdaptiveArrayPool,
  acquire,
  clear,
  compact,
  poolStats,
  trim,
} from "../../runtime/index.js";
import { captureWarnings } from "./helpers.js";

/** A pool holding three free Float64 slots of 800, 80 and 8 bytes and one live Int32 slot of 40. */
function poolWithFreeSlots(): AdaptiveArrayPool {
  const pool = new AdaptiveArrayPool();
  acquire(pool, Int32Array, 10); // outside any scope: stays live
  pool.checkpoint();
  acquire(pool, Float64Array, 100);
  acquire(pool, Float64Array, 10);
  acquire(pool, Float64Array, 1);
  pool.rewind();
  return pool;
}

test("trim releases free slots only and reports slots and exact bytes", () => {
  const pool = poolWithFreeSlots();
  assert.is(pool.stats().bytes, 888 + 40);
  assert.equal(trim(pool), { releasedSlots: 3, releasedBytes: 888 });
  assert.is(pool.stats().bytes, 40);
  assert.is(pool.activeCount(Int32Array), 1);
  assert.equal(pool.trim(), { releasedSlots: 0, releasedBytes: 0 });
});

test("trim inside a scope keeps the scope's arrays and their values", () => {
  const pool = poolWithFreeSlots();
  pool.checkpoint();
  const live = acquire(pool, Float64Array, 3).fill(2.5);
  assert.equal(pool.trim(), { releasedSlots: 2, releasedBytes: 88 });
  assert.equal(Array.from(live), [2.5, 2.5, 2.5]);
  pool.rewind();
  assert.is(pool.stats().bytes, 800 + 40);
});

test("compact shrinks free slots over factor x their peak and minBytes above it", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  acquire(pool, Float64Array, 100_000); // 800,000 bytes
  acquire(pool, Float64Array, 1000); // 8,000 bytes
  pool.rewind();
  // Peaks equal the buffer sizes: nothing is bloated. Compact then restarts the peaks.
  assert.equal(compact(pool), { compactedSlots: 0, releasedBytes: 0 });
  pool.checkpoint();
  acquire(pool, Float64Array, 10); // slot 0: peak 80 bytes
  acquire(pool, Float64Array, 10); // slot 1: peak 80 bytes, but only 7,920 bytes above it
  pool.rewind();
  assert.equal(pool.compact(), { compactedSlots: 1, releasedBytes: 800_000 - 80 });
  assert.equal(
    pool.stats().types.map((t) => t.bytes),
    [80 + 8000],
  );
  const reused = acquire(pool, Float64Array, 10);
  assert.is(reused.buffer.byteLength, 80);
});

test("compact options: factor and minBytes", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  acquire(pool, Float64Array, 1000); // 8,000 bytes
  pool.rewind();
  pool.compact();
  pool.checkpoint();
  acquire(pool, Float64Array, 100); // peak 800
  pool.rewind();
  assert.equal(pool.compact({ factor: 20, minBytes: 0 }), { compactedSlots: 0, releasedBytes: 0 });
  // The previous compact restarted the peak, so nothing was requested since: the peak is 0.
  assert.equal(pool.compact({ factor: 4, minBytes: 0 }), {
    compactedSlots: 1,
    releasedBytes: 8000,
  });
  assert.is(pool.stats().bytes, 0);
});

test("compact never touches live slots", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  acquire(pool, Float64Array, 100_000);
  pool.rewind();
  pool.compact();
  pool.checkpoint();
  const live = acquire(pool, Float64Array, 1);
  assert.equal(pool.compact(), { compactedSlots: 0, releasedBytes: 0 });
  assert.is(live.buffer.byteLength, 800_000);
  pool.rewind();
});

test("clear resets and releases every buffer", () => {
  const pool = poolWithFreeSlots();
  pool.checkpoint();
  acquire(pool, Uint8Array, 5);
  clear(pool);
  const stats = pool.stats();
  assert.equal([stats.depth, stats.bytes, stats.activeBytes, stats.types.length], [0, 0, 0, 0]);
  assert.is(pool.checkpoint(), 1);
  assert.is(acquire(pool, Float64Array, 2).length, 2);
  pool.rewind();
});

test("stats: per-type figures, totals, and the readable toString / util.inspect form", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  acquire(pool, Float64Array, 16);
  acquire(pool, Float64Array, 8);
  pool.checkpoint();
  acquire(pool, Uint8Array, 2000);
  const stats = poolStats(pool);
  assert.is(stats.depth, 2);
  assert.is(stats.pooling, true);
  assert.is(stats.bytes, 128 + 64 + 2000);
  assert.is(stats.activeBytes, 2192);
  assert.equal(stats.types, [
    { type: "Float64Array", active: 2, slots: 2, bytes: 192, activeBytes: 192, cachedViews: 2 },
    { type: "Uint8Array", active: 1, slots: 1, bytes: 2000, activeBytes: 2000, cachedViews: 1 },
  ]);
  const expected = [
    "AdaptiveArrayPool depth=2, 2.1 KiB held, 2.1 KiB active",
    "  Float64Array           2 / 2     slots       192 B  2 views",
    "  Uint8Array             1 / 1     slots     2.0 KiB  1 views",
  ].join("\n");
  assert.is(String(stats), expected);
  assert.is(inspect(stats), expected);
  pool.rewind(1);
  assert.is(
    pool.stats().toString().split("\n")[0],
    "AdaptiveArrayPool depth=0, 2.1 KiB held, 0 B active",
  );
});

test("growth warning: once per type, naming the type and count, suggesting a scope", () => {
  const pool = new AdaptiveArrayPool({ growthWarningThreshold: 4 });
  const warnings = captureWarnings(() => {
    for (let i = 0; i < 4; i++) acquire(pool, Float32Array, 1);
  });
  assert.equal(warnings, [], "no warning at the threshold itself");
  const more = captureWarnings(() => {
    for (let i = 0; i < 20; i++) acquire(pool, Float32Array, 1);
    for (let i = 0; i < 5; i++) acquire(pool, Int16Array, 1);
  });
  assert.is(more.length, 2);
  assert.is(more[0]!.type, "PoolGrowthWarning");
  assert.match(more[0]!.message, /5 Float32Array arrays are live/);
  assert.match(more[0]!.message, /withPool|poolScope/);
  assert.match(more[1]!.message, /5 Int16Array arrays are live/);
  pool.reset();
  const afterReset = captureWarnings(() => {
    for (let i = 0; i < 30; i++) acquire(pool, Float32Array, 1);
  });
  assert.equal(afterReset, [], "a type warns only once per pool");
});

test("no growth warning for a pool that rewinds", () => {
  const pool = new AdaptiveArrayPool({ growthWarningThreshold: 4 });
  const warnings = captureWarnings(() => {
    for (let i = 0; i < 100; i++) {
      pool.checkpoint();
      acquire(pool, Float64Array, 4);
      acquire(pool, Float64Array, 4);
      pool.rewind();
    }
  });
  assert.equal(warnings, []);
});

test("the default growth threshold is 512 live arrays of one type", () => {
  const pool = new AdaptiveArrayPool();
  const atThreshold = captureWarnings(() => {
    for (let i = 0; i < 512; i++) acquire(pool, Uint8Array, 1);
  });
  assert.equal(atThreshold, []);
  const past = captureWarnings(() => acquire(pool, Uint8Array, 1));
  assert.is(past.length, 1);
  assert.match(past[0]!.message, /^adaptive-array-pools: 513 Uint8Array arrays are live/);
});

test.run();
