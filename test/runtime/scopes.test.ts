/**
 * Scope semantics, after the Julia package's own suite: nesting, lazy typed checkpoints, the entry-depth
 * guard, rewind at depth 1, reset at any depth, and arrays acquired outside any scope.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AdaptiveArrayPool,
  PoolStateError,
  acquire,
  checkpoint,
  reset,
  rewind,
  zeros,
} from "../../runtime/index.js";
import type { Pool } from "../../runtime/index.js";
import {
  assertDisjoint,
  assertThrowsWith,
  elements,
  patternMismatch,
  snapshot,
  writePattern,
} from "./helpers.js";

test("checkpoint returns the new depth as its token; depth 0 is no scope", () => {
  const pool = new AdaptiveArrayPool();
  assert.is(pool.depth, 0);
  assert.is(pool.checkpoint(), 1);
  assert.is(checkpoint(pool), 2);
  assert.is(pool.depth, 2);
  rewind(pool);
  assert.is(pool.depth, 1);
  pool.rewind(1);
  assert.is(pool.depth, 0);
});

test("nested scopes keep outer arrays intact and unaliased", () => {
  const pool = new AdaptiveArrayPool();
  const outerToken = pool.checkpoint();
  const outer = acquire(pool, Float64Array, 8);
  writePattern(outer, 1);
  for (let round = 0; round < 3; round++) {
    const innerToken = pool.checkpoint();
    const inner = [acquire(pool, Float64Array, 8), acquire(pool, Float64Array, 8)];
    for (const array of inner) array.fill(-1);
    assertDisjoint([outer, ...inner]);
    const deeper = pool.checkpoint();
    const deepest = zeros(pool, Float64Array, 8);
    assertDisjoint([outer, ...inner, deepest]);
    pool.rewind(deeper);
    pool.rewind(innerToken);
    assert.is(patternMismatch(outer, 1), -1, "outer values survive inner scopes");
  }
  pool.rewind(outerToken);
});

test("an array is handed out again only after its scope rewinds", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  const first = acquire(pool, Float64Array, 4);
  pool.rewind();
  pool.checkpoint();
  const second = acquire(pool, Float64Array, 4);
  const third = acquire(pool, Float64Array, 4);
  assert.is(second, first, "the rewound slot is reused first");
  assert.is.not(third.buffer, second.buffer);
  pool.rewind();
});

test("every balanced scope restores depth and every per-type count", () => {
  const pool = new AdaptiveArrayPool();
  acquire(pool, Int32Array, 2); // outside any scope
  const before = snapshot(pool);
  const token = pool.checkpoint();
  acquire(pool, Float32Array, 3);
  acquire(pool, Int32Array, 3);
  const middle = snapshot(pool);
  const inner = pool.checkpoint();
  acquire(pool, Int32Array, 1);
  acquire(pool, Uint8Array, 1);
  acquire(pool, BigInt64Array, 1);
  pool.rewind(inner);
  assert.equal(snapshot(pool), middle);
  pool.rewind(token);
  assert.equal(snapshot(pool), before);
});

test("lazy first-touch: only types acquired at a depth are saved, and checkpoint is O(1)", () => {
  const pool = new AdaptiveArrayPool();
  for (let i = 0; i < 1000; i++) pool.checkpoint();
  assert.is(pool.depth, 1000);
  const a = acquire(pool, Uint16Array, 2);
  pool.rewind(1000);
  assert.is(pool.activeCount(Uint16Array), 0);
  const again = acquire(pool, Uint16Array, 2);
  assert.is(again, a);
  pool.rewind(1);
  assert.is(pool.depth, 0);
  assert.is(pool.activeCount(Uint16Array), 0);
});

/** A helper that acquires a type its caller never names, with no scope of its own. */
function helperSum(pool: Pool, n: number): number {
  const scratch = acquire(pool, Int16Array, n);
  for (let i = 0; i < n; i++) scratch[i] = i;
  return scratch.reduce((s, x) => s + x, 0);
}

test("a helper acquiring an unnamed type inside a scope is rewound; the parent's arrays survive", () => {
  const pool = new AdaptiveArrayPool();
  const before = snapshot(pool);
  const token = pool.checkpoint();
  const parent = acquire(pool, Float64Array, 5);
  writePattern(parent, 3);
  const inner = pool.checkpoint();
  assert.is(helperSum(pool, 10), 45);
  assert.is(pool.activeCount(Int16Array), 1);
  pool.rewind(inner);
  assert.is(pool.activeCount(Int16Array), 0, "the helper's Int16Array is free again");
  assert.is(pool.activeCount(Float64Array), 1);
  assert.is(patternMismatch(parent, 3), -1);
  // The helper called directly in the parent's scope is rewound by the parent's scope.
  assert.is(helperSum(pool, 4), 6);
  pool.rewind(token);
  assert.equal(snapshot(pool), before);
});

test("the same type at several depths: each rewind restores that depth's count", () => {
  const pool = new AdaptiveArrayPool();
  const counts: number[] = [];
  for (const n of [2, 1, 3]) {
    pool.checkpoint();
    for (let i = 0; i < n; i++) acquire(pool, Float64Array, 2);
    counts.push(pool.activeCount(Float64Array));
  }
  assert.equal(counts, [2, 3, 6]);
  pool.rewind();
  assert.is(pool.activeCount(Float64Array), 3);
  pool.rewind();
  assert.is(pool.activeCount(Float64Array), 2);
  pool.rewind();
  assert.is(pool.activeCount(Float64Array), 0);
});

test("an inner scope touching only other types leaves the outer types' counts alone", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  acquire(pool, Float64Array, 1);
  acquire(pool, Float64Array, 1);
  pool.checkpoint();
  acquire(pool, Uint8Array, 1);
  pool.checkpoint(); // an empty level in between
  acquire(pool, Float64Array, 1);
  pool.rewind();
  assert.equal([pool.activeCount(Float64Array), pool.activeCount(Uint8Array)], [2, 1]);
  pool.rewind();
  assert.equal([pool.activeCount(Float64Array), pool.activeCount(Uint8Array)], [2, 0]);
  pool.rewind();
});

test("empty scopes change nothing, however many", () => {
  const pool = new AdaptiveArrayPool();
  acquire(pool, Int32Array, 1);
  const before = snapshot(pool);
  for (let i = 0; i < 10_000; i++) pool.rewind(pool.checkpoint());
  assert.equal(snapshot(pool), before);
});

test("zero-length arrays take a slot like any other and are rewound", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  const empty = acquire(pool, Float32Array, 0);
  const next = acquire(pool, Float32Array, 3);
  assert.is(empty.length, 0);
  assert.is(pool.activeCount(Float32Array), 2);
  assertDisjoint([empty, next]);
  pool.rewind();
  assert.is(pool.activeCount(Float32Array), 0);
});

test("leaked inner scopes are cleaned by the outer rewind token (entry-depth guard)", () => {
  const pool = new AdaptiveArrayPool();
  const before = snapshot(pool);
  const outer = pool.checkpoint();
  const kept = acquire(pool, Float64Array, 3);
  writePattern(kept, 9);
  // An inner function that checkpoints by hand, throws before its rewind, and is caught by hand.
  const leaky = (): void => {
    pool.checkpoint();
    acquire(pool, Float64Array, 3);
    acquire(pool, Uint32Array, 3);
    pool.checkpoint();
    acquire(pool, Int8Array, 3);
    throw new Error("inner failure");
  };
  try {
    leaky();
  } catch {
    // swallowed by hand, without rewinding
  }
  assert.is(pool.depth, 3, "two leaked levels are still open");
  assert.is(patternMismatch(kept, 9), -1);
  pool.rewind(outer);
  assert.equal(snapshot(pool), before);
  assert.is(pool.depth, 0);
});

test("marks inside a frame scope (docs/performance.md): a throw past a body's rewind keeps its arrays live until the frame closes", () => {
  const pool = new AdaptiveArrayPool();
  const before = snapshot(pool);
  const frame = pool.checkpoint();
  const thrownPast: Float64Array[] = [];
  const served: Float64Array[] = [];
  for (let body = 0; body < 6; body++) {
    try {
      const mark = pool.checkpoint();
      const a = acquire(pool, Float64Array, 4);
      writePattern(a, body);
      served.push(a);
      if (body % 3 === 0) {
        thrownPast.push(a);
        throw new Error(`body ${body}`);
      }
      pool.rewind(mark);
    } catch {
      // caught inside the frame: this body's mark stays open
    }
  }
  assert.is(pool.depth, 3, "the frame and the two marks a throw skipped");
  thrownPast.forEach((a, i) =>
    assert.is(patternMismatch(a, 3 * i), -1, `body ${3 * i} kept its data`),
  );
  // Every body that rewound got an array no skipped mark holds.
  assertDisjoint(thrownPast);
  for (const a of served) if (!thrownPast.includes(a)) assertDisjoint([a, ...thrownPast]);
  pool.rewind(frame);
  assert.equal(snapshot(pool), before);
  assert.is(pool.depth, 0);
});

test("rewind() with no token pops exactly one level", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  acquire(pool, Float64Array, 1);
  pool.checkpoint();
  acquire(pool, Float64Array, 1);
  acquire(pool, Float64Array, 1);
  pool.rewind();
  assert.is(pool.depth, 1);
  assert.is(pool.activeCount(Float64Array), 1);
  pool.rewind();
  assert.is(pool.depth, 0);
  assert.is(pool.activeCount(Float64Array), 0);
});

test("rewind at depth 1 returns a scope-only pool to the reset state", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  for (const type of [Float64Array, Int32Array, Uint8Array]) acquire(pool, type, 4);
  pool.checkpoint();
  acquire(pool, Float32Array, 4);
  pool.rewind(1);
  const stats = pool.stats();
  assert.is(stats.depth, 0);
  assert.is(stats.activeBytes, 0);
  assert.ok(stats.types.every((t) => t.active === 0));
});

test("arrays acquired outside any scope stay live until reset()", () => {
  const pool = new AdaptiveArrayPool();
  const loose = acquire(pool, Float64Array, 4);
  writePattern(loose, 5);
  pool.checkpoint();
  const scoped = acquire(pool, Float64Array, 4);
  assert.is.not(scoped.buffer, loose.buffer);
  pool.rewind();
  assert.is(pool.activeCount(Float64Array), 1, "the loose array is still live after the scope");
  assert.is(patternMismatch(loose, 5), -1);
  reset(pool);
  assert.is(pool.activeCount(Float64Array), 0);
  assert.is(acquire(pool, Float64Array, 4), loose, "after reset its slot is reused");
});

test("reset works at any depth; later rewinds of the closed scopes are PoolStateErrors", () => {
  const pool = new AdaptiveArrayPool();
  const outer = pool.checkpoint();
  acquire(pool, Float64Array, 2);
  const inner = pool.checkpoint();
  acquire(pool, Int8Array, 2);
  pool.reset();
  assert.equal(snapshot(pool), { depth: 0, active: snapshot(new AdaptiveArrayPool()).active });
  assertThrowsWith(
    () => pool.rewind(inner),
    PoolStateError,
    /rewind\(2\) but the pool is at depth 0/,
  );
  assertThrowsWith(() => pool.rewind(outer), PoolStateError, /already rewound/);
  assertThrowsWith(() => pool.rewind(), PoolStateError, /without an open scope/);
  // Still fully usable.
  const token = pool.checkpoint();
  assert.is(token, 1);
  assert.equal(elements(zeros(pool, Int8Array, 2)), [0, 0]);
  pool.rewind(token);
});

test("a token already rewound past is a PoolStateError and leaves the pool unchanged", () => {
  const pool = new AdaptiveArrayPool();
  const outer = pool.checkpoint();
  const inner = pool.checkpoint();
  acquire(pool, Float64Array, 2);
  pool.rewind(outer);
  pool.checkpoint();
  acquire(pool, Float64Array, 2);
  const before = snapshot(pool);
  assertThrowsWith(() => pool.rewind(inner), PoolStateError, /already rewound/);
  assert.equal(snapshot(pool), before);
  pool.rewind();
  assert.is(pool.depth, 0);
});

test.run();
