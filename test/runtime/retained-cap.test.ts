/**
 * maxRetainedBytes (issue 12, item 3): the free bytes a pool keeps once its outermost scope closes,
 * the largest free buffers released first, live arrays never touched, reported in stats().
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AdaptiveArrayPool, acquire, withPool } from "../../runtime/index.js";
import { assertThrowsWith, elements } from "./helpers.js";

function bufferSizes(pool: AdaptiveArrayPool): number[] {
  return pool.stats().types.flatMap((t) => (t.bytes > 0 ? [t.bytes] : []));
}

test("closing the outermost scope releases the largest free buffers until the rest fits the cap", () => {
  const pool = new AdaptiveArrayPool({ maxRetainedBytes: 1000 });
  const token = pool.checkpoint();
  acquire(pool, Uint8Array, 800);
  acquire(pool, Int16Array, 200); // 400 bytes
  acquire(pool, Float64Array, 13); // 104 bytes
  const inner = pool.checkpoint();
  acquire(pool, Uint8Array, 300);
  pool.rewind(inner);
  assert.is(pool.stats().bytes, 800 + 400 + 104 + 300, "an inner scope's close keeps everything");
  pool.rewind(token);
  // Free: 800 + 300 (Uint8) + 400 + 104 = 1604 > 1000: the 800-byte buffer goes, 804 bytes stay.
  const stats = pool.stats();
  assert.is(stats.bytes, 804);
  assert.is(stats.releasedByCap, 800);
  assert.is(stats.maxRetainedBytes, 1000);
  assert.match(String(stats), /, cap 1000 B free \(800 B released\)/);
  assert.equal(
    bufferSizes(pool).sort((a, b) => a - b),
    [104, 300, 400],
  );
});

test("live arrays acquired outside any scope are never released, and keep their values", () => {
  const pool = new AdaptiveArrayPool({ maxRetainedBytes: 0 });
  const live = acquire(pool, Float64Array, 1000).fill(4);
  withPool(pool, () => acquire(pool, Float64Array, 5000).fill(1))();
  assert.is(pool.stats().bytes, 8000, "only the live array's buffer stays");
  assert.is(pool.stats().releasedByCap, 40000);
  assert.ok(elements(live).every((x) => x === 4));
  // The pool keeps working: the released slot grows again.
  assert.is(withPool(pool, () => acquire(pool, Float64Array, 16).fill(2)[15])(), 2);
});

test("reset applies the cap too; without a cap nothing is released", () => {
  const capped = new AdaptiveArrayPool({ maxRetainedBytes: 100 });
  capped.checkpoint();
  acquire(capped, Uint8Array, 1000);
  capped.reset();
  assert.is(capped.stats().bytes, 0);
  const uncapped = new AdaptiveArrayPool();
  withPool(uncapped, () => acquire(uncapped, Uint8Array, 1 << 20).length)();
  assert.is(uncapped.stats().bytes, 1 << 20);
  assert.is(uncapped.stats().maxRetainedBytes, Infinity);
  assert.is(uncapped.stats().releasedByCap, 0);
});

test("a bad maxRetainedBytes is a RangeError", () => {
  const cases: readonly (readonly [unknown, string])[] = [
    [-1, "-1"],
    [NaN, "NaN"],
    ["10", '"10"'],
  ];
  for (const [bad, shown] of cases) {
    assertThrowsWith(
      () => new AdaptiveArrayPool({ maxRetainedBytes: bad as number }),
      RangeError,
      new RegExp(`^maxRetainedBytes must be a number >= 0, got ${shown}$`),
    );
  }
  assertThrowsWith(
    () => new AdaptiveArrayPool({ check: "yes" as unknown as boolean }),
    TypeError,
    /^check must be true or false, got "yes"$/,
  );
});

test.run();
