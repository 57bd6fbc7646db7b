/**
 * The runtime side of buffer detachment (the compile-time side is AAP3010-3012): a pool array whose
 * buffer was transferred away (detached) must not break the pool. The next acquire on that slot replaces the buffer; other arrays of the pool are untouched.
 * Node 20 has no ArrayBuffer.prototype.transfer, so buffers are detached by structuredClone and by
 * MessageChannel postMessage with a transfer list, as user code would.
 */
import { MessageChannel } from "node:worker_threads";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AdaptiveArrayPool, acquire, zeros } from "../../runtime/index.js";
import type { TypedArray } from "../../runtime/index.js";

type Detach = (array: TypedArray) => void;

const DETACHERS: readonly (readonly [string, Detach])[] = [
  [
    "structuredClone transfer",
    (array) => void structuredClone(array, { transfer: [array.buffer as ArrayBuffer] }),
  ],
  [
    "MessageChannel postMessage transfer list",
    (array) => {
      const { port1, port2 } = new MessageChannel();
      port1.postMessage(array, [array.buffer as ArrayBuffer]);
      port1.close();
      port2.close();
    },
  ],
];

function fill(array: Float64Array, start: number): void {
  for (let i = 0; i < array.length; i++) array[i] = start + i;
}

for (const [how, detach] of DETACHERS) {
  test(`${how}: re-acquiring the same length after rewind gives a working array`, () => {
    const pool = new AdaptiveArrayPool();
    const token = pool.checkpoint();
    const v = acquire(pool, 8);
    detach(v);
    assert.is(v.length, 0, "the transfer detached the pool's buffer");
    pool.rewind(token);

    const again = pool.checkpoint();
    const w = acquire(pool, 8);
    assert.is(w.length, 8);
    fill(w, 1);
    assert.equal(Array.from(w), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.ok(w.buffer.byteLength >= 64);
    pool.rewind(again);
    assert.is(pool.stats().depth, 0);
  });

  test(`${how}: the pool's other arrays, in the scope and outside it, are unaffected`, () => {
    const pool = new AdaptiveArrayPool();
    const outer = pool.checkpoint();
    const kept = zeros(pool, 4);
    fill(kept, 10);
    const inner = pool.checkpoint();
    const sibling = acquire(pool, 4);
    fill(sibling, 20);
    const victim = acquire(pool, 16);
    const after = acquire(pool, 4);
    fill(after, 30);
    detach(victim);
    assert.equal(Array.from(sibling), [20, 21, 22, 23]);
    assert.equal(Array.from(after), [30, 31, 32, 33]);
    pool.rewind(inner);
    assert.equal(Array.from(kept), [10, 11, 12, 13]);

    // Reacquire in the same order: the detached slot gets a fresh buffer, the others keep theirs.
    const again = pool.checkpoint();
    const first = acquire(pool, 4);
    const second = acquire(pool, 16);
    const third = acquire(pool, 4);
    assert.is(first, sibling, "an undisturbed slot still hands back its cached view");
    assert.is(third, after);
    assert.is(second.length, 16);
    assert.is.not(second.buffer, victim.buffer);
    second.fill(7);
    assert.equal(Array.from(first), [20, 21, 22, 23], "the new buffer shares no memory");
    assert.equal(Array.from(kept), [10, 11, 12, 13]);
    pool.rewind(again);
    pool.rewind(outer);
  });

  test(`${how}: a zero-length acquire on the detached slot works too`, () => {
    const pool = new AdaptiveArrayPool();
    const token = pool.checkpoint();
    detach(acquire(pool, 8));
    pool.rewind(token);
    const again = pool.checkpoint();
    const empty = acquire(pool, 0);
    assert.is(empty.length, 0);
    pool.rewind(again);
    const last = pool.checkpoint();
    const full = acquire(pool, 8);
    full.fill(3);
    assert.equal(Array.from(full), [3, 3, 3, 3, 3, 3, 3, 3]);
    pool.rewind(last);
  });

  test(`${how}: a larger or smaller length on the detached slot works`, () => {
    const pool = new AdaptiveArrayPool();
    const token = pool.checkpoint();
    detach(acquire(pool, 8));
    pool.rewind(token);
    for (const length of [3, 8, 100]) {
      const t = pool.checkpoint();
      const a = acquire(pool, Float64Array, length);
      a.fill(length);
      assert.is(a.length, length);
      assert.is(a[length - 1], length);
      pool.rewind(t);
    }
  });
}

test.run();
