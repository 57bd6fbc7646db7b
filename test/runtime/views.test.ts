/** Slots and their cached views: identity per length, shared memory across lengths, growth only. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AdaptiveArrayPool, acquire } from "../../runtime/index.js";

function acquireInScope(pool: AdaptiveArrayPool, type: Float64ArrayConstructor, n: number) {
  pool.checkpoint();
  const array = acquire(pool, type, n);
  pool.rewind();
  return array;
}

test("same length from the same slot: the same typed-array object", () => {
  const pool = new AdaptiveArrayPool();
  const a = acquireInScope(pool, Float64Array, 16);
  const b = acquireInScope(pool, Float64Array, 16);
  assert.is(b, a);
});

test("different length from the same slot: a different object over the same memory", () => {
  const pool = new AdaptiveArrayPool();
  const long = acquireInScope(pool, Float64Array, 16);
  const short = acquireInScope(pool, Float64Array, 8);
  assert.is.not(short, long);
  assert.is(short.buffer, long.buffer);
  assert.is(short.byteOffset, long.byteOffset);
  short[3] = 42;
  assert.is(long[3], 42, "the views alias one buffer");
  assert.is(acquireInScope(pool, Float64Array, 16), long, "the first view is still cached");
});

test("the view cache holds four lengths per slot and recycles the oldest", () => {
  const pool = new AdaptiveArrayPool();
  const views = [1, 2, 3, 4].map((n) => acquireInScope(pool, Float64Array, n));
  const again = [1, 2, 3, 4].map((n) => acquireInScope(pool, Float64Array, n));
  assert.equal(again, views);
  assert.is(pool.stats().types[0]!.cachedViews, 4);
  const fifth = acquireInScope(pool, Float64Array, 5);
  assert.is(fifth.length, 5);
  assert.is(pool.stats().types[0]!.cachedViews, 4);
  assert.is.not(acquireInScope(pool, Float64Array, 1), views[0], "length 1 was evicted");
});

test("buffers only grow: a smaller request keeps the larger buffer", () => {
  const pool = new AdaptiveArrayPool();
  const big = acquireInScope(pool, Float64Array, 100);
  assert.is(pool.stats().bytes, 800);
  const small = acquireInScope(pool, Float64Array, 10);
  assert.is(small.buffer.byteLength, 800);
  assert.is(small.buffer, big.buffer);
  assert.is(pool.stats().bytes, 800);
});

test("growth is geometric: a slightly larger request grows the buffer by half", () => {
  const pool = new AdaptiveArrayPool();
  acquireInScope(pool, Float64Array, 16);
  assert.is(pool.stats().bytes, 128);
  const grown = acquireInScope(pool, Float64Array, 17);
  assert.is(grown.length, 17);
  assert.is(grown.buffer.byteLength, 192);
  const huge = acquireInScope(pool, Float64Array, 1000);
  assert.is(huge.buffer.byteLength, 8000, "a jump past 1.5x takes exactly what is asked");
});

test("after growth, old views are dropped and new views use the new buffer", () => {
  const pool = new AdaptiveArrayPool();
  const before = acquireInScope(pool, Float64Array, 4);
  acquireInScope(pool, Float64Array, 400);
  const after = acquireInScope(pool, Float64Array, 4);
  assert.is.not(after, before);
  assert.is.not(after.buffer, before.buffer);
  assert.is(after.buffer.byteLength, 3200);
});

test("a slot whose buffer was transferred away (detached) gets a new buffer", () => {
  const pool = new AdaptiveArrayPool();
  const first = acquireInScope(pool, Float64Array, 4);
  const buffer = first.buffer as ArrayBuffer;
  structuredClone(buffer, { transfer: [buffer] });
  assert.is(first.length, 0, "detached");
  const second = acquireInScope(pool, Float64Array, 4);
  assert.is(second.length, 4);
  second.fill(3);
  assert.equal(Array.from(second), [3, 3, 3, 3]);
});

/**
 * Two sibling scopes at one depth, e.g. a helper's scope between two acquires of its caller: the
 * position after the caller's first acquires serves the helper's length, then the caller's.
 */
function alternate(
  pool: AdaptiveArrayPool,
  helperLength: number,
  callerLength: number,
): [helper: Float64Array, caller: Float64Array] {
  pool.checkpoint();
  acquire(pool, Float64Array, 3);
  const helper = acquireInScope(pool, Float64Array, helperLength);
  const caller = acquire(pool, Float64Array, callerLength);
  pool.rewind();
  return [helper, caller];
}

test("a position alternating between two lengths hands back the same two views every time", () => {
  const pool = new AdaptiveArrayPool();
  alternate(pool, 9, 16); // the slot grows from 9 to 16 doubles: its first view is dropped
  const [helper, caller] = alternate(pool, 9, 16);
  for (let round = 0; round < 3; round++) {
    const [h, c] = alternate(pool, 9, 16);
    assert.is(h, helper);
    assert.is(c, caller);
    assert.is(h.buffer, c.buffer, "one slot, one buffer");
  }
  assert.equal(
    pool.stats().types.map((t) => [t.slots, t.bytes, t.cachedViews]),
    [[2, 24 + 128, 3]],
  );
});

test("switching to another cached length records its size in the peak that compact shrinks to", () => {
  const pool = new AdaptiveArrayPool();
  acquireInScope(pool, Float64Array, 100);
  acquireInScope(pool, Float64Array, 10);
  const squeeze = { factor: 1, minBytes: 0 };
  pool.compact(squeeze); // the peak restarts, and the next acquire re-arms the slot
  acquireInScope(pool, Float64Array, 10);
  const long = acquireInScope(pool, Float64Array, 100); // served from the view cache
  assert.is(long.length, 100);
  assert.equal(pool.compact(squeeze), { compactedSlots: 0, releasedBytes: 0 }, "peak 800 bytes");
  assert.is(pool.stats().bytes, 800);
});

test("after a transfer, every cached length of the slot gets the new buffer", () => {
  const pool = new AdaptiveArrayPool();
  const [helper] = alternate(pool, 9, 16);
  const buffer = helper.buffer as ArrayBuffer;
  structuredClone(buffer, { transfer: [buffer] });
  const [h, c] = alternate(pool, 9, 16);
  assert.is(h.length, 9);
  assert.is(c.length, 16);
  assert.is(h.buffer, c.buffer);
  assert.is.not(h.buffer, buffer);
  c.fill(2);
  assert.is(h[8], 2, "both views are over the live buffer");
});

test("a cached length of another element type goes through the full miss, with its books", () => {
  const pool = new AdaptiveArrayPool();
  acquireInScope(pool, Float64Array, 4);
  pool.checkpoint();
  acquire(pool, Int32Array, 8);
  pool.rewind();
  const again = acquireInScope(pool, Float64Array, 4);
  assert.ok(again instanceof Float64Array);
  assert.equal(
    pool.stats().types.map((t) => [t.type, t.slots]),
    [["Float64Array", 1]],
  );
});

test("each element type has its own slots", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  const f = acquire(pool, Float64Array, 4);
  const i = acquire(pool, Int32Array, 8);
  assert.is.not(f.buffer, i.buffer);
  pool.rewind();
  assert.equal(
    pool.stats().types.map((t) => [t.type, t.slots, t.bytes]),
    [
      ["Float64Array", 1, 32],
      ["Int32Array", 1, 32],
    ],
  );
});

test.run();
