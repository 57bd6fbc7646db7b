/**
 * Edge inputs an adversarial user tries: detached buffers at length 0, undefined dims in the middle,
 * zero products in both dims forms, symbol tokens, lying templates, float rounding in rand, arguments
 * that are not pools, throwing rngs, refused allocations, and the growth warning inside scopes. Each
 * call either works as documented or fails cleanly, and the pool stays as it was.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AdaptiveArrayPool,
  PoolStateError,
  acquire,
  checkpoint,
  maybeWithPool,
  ones,
  poolScope,
  rand,
  randn,
  similar,
  withPool,
  zeros,
} from "../../runtime/index.js";
import type { ElementType, TypedArray } from "../../runtime/index.js";
import {
  ALL_TYPES,
  assertThrowsWith,
  captureWarnings,
  elements,
  fullState,
  snapshot,
} from "./helpers.js";

type Loose = (...args: unknown[]) => TypedArray;
const looseAcquire = acquire as unknown as Loose;
const looseZeros = zeros as unknown as Loose;
const looseRand = rand as unknown as Loose;

function detach(array: TypedArray): void {
  structuredClone(array.buffer, { transfer: [array.buffer as ArrayBuffer] });
}

/** The operations that throw on a typed array over a detached buffer. */
function assertUsableView(array: TypedArray): void {
  structuredClone(array);
  array.subarray(0);
  array.slice();
  assert.ok(array.buffer.byteLength > 0 || array.length === 0);
  new Uint8Array(array.buffer);
}

test("a zero-length acquire after its slot's buffer was detached is a usable view", () => {
  for (const type of ALL_TYPES) {
    const pool = new AdaptiveArrayPool();
    pool.checkpoint();
    const first = acquire(pool, type, 0);
    pool.rewind();
    detach(first);
    pool.checkpoint();
    const again = acquire(pool, type, 0);
    assert.is(again.length, 0);
    assertUsableView(again);
    pool.rewind();
  }
});

test("zeros(pool, T, 0) over a detached slot works every time and leaves no slot taken", () => {
  for (const type of ALL_TYPES) {
    const pool = new AdaptiveArrayPool();
    pool.checkpoint();
    detach(acquire(pool, type, 8));
    pool.rewind();
    for (let i = 0; i < 3; i++) {
      pool.checkpoint();
      assertUsableView(zeros(pool, type, 0));
      assert.is(ones(pool, type, 2).length, 2);
      pool.rewind();
    }
    assert.is(pool.activeCount(type), 0);
  }
});

test("a live array whose buffer is detached is never handed out again over that buffer", () => {
  const pool = new AdaptiveArrayPool();
  const token = pool.checkpoint();
  const a = acquire(pool, Float64Array, 4);
  detach(a);
  const b = acquire(pool, Float64Array, 0);
  pool.rewind(token);
  pool.checkpoint();
  const c = acquire(pool, Float64Array, 4).fill(1);
  assert.equal(elements(c), [1, 1, 1, 1]);
  assertUsableView(b);
  pool.rewind();
});

test("an undefined dim before a given one is a TypeError, not the end of the dims", () => {
  const pool = new AdaptiveArrayPool();
  const before = fullState(pool);
  const message = /dimension 2 is undefined but dimension 3 is given/;
  assertThrowsWith(() => looseAcquire(pool, Float64Array, 3, undefined, 4), TypeError, message);
  assertThrowsWith(() => looseZeros(pool, Int32Array, 3, undefined, 4), TypeError, message);
  assertThrowsWith(() => looseAcquire(pool, 3, undefined, 4), TypeError, message);
  assertThrowsWith(
    () => looseAcquire(pool, Float64Array, 3, undefined, undefined, 4),
    TypeError,
    /dimension 2 is undefined but dimension 4 is given/,
  );
  assert.is(fullState(pool), before);
});

test("a zero dim gives an empty array in both dims forms, however large the others", () => {
  const pool = new AdaptiveArrayPool();
  assert.is(looseAcquire(pool, Uint8Array, [2 ** 32, 2, 0]).length, 0);
  assert.is(looseAcquire(pool, Uint8Array, 2 ** 32, 2, 0).length, 0);
  assert.is(looseAcquire(pool, [0, 2 ** 32, 2 ** 32]).length, 0);
  assert.is(looseAcquire(pool, 0, 2 ** 32, 2 ** 32).length, 0);
  assert.is(looseZeros(pool, Float32Array, [3, 0]).length, 0);
});

test("rewind(Symbol()) is a PoolStateError naming the symbol", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  assertThrowsWith(
    () => pool.rewind(Symbol("t") as unknown as number),
    PoolStateError,
    /must be a value returned by checkpoint\(\), got Symbol\(t\)/,
  );
  assert.is(pool.depth, 1);
  pool.rewind(1);
});

test("a template's own length or constructor cannot lie about it", () => {
  const pool = new AdaptiveArrayPool();
  const template = new Int16Array(5);
  Object.defineProperty(template, "length", { value: -1 });
  Object.defineProperty(template, "constructor", { value: Float64Array });
  const copy = acquire(pool, template);
  assert.instance(copy, Int16Array);
  assert.is(Int16Array.prototype.slice.call(copy).length, 5);
  const like = similar(pool, template);
  assert.instance(like, Int16Array);
  assert.is(new Int16Array(like.buffer, like.byteOffset, 5).length, 5);
  assert.instance(similar(pool, template, Uint8Array), Uint8Array);
});

test("rand never returns 1 for Float32Array, even from an rng just below 1", () => {
  const pool = new AdaptiveArrayPool();
  const nearlyOne = (): number => 1 - 2 ** -40;
  const values = rand(pool, Float32Array, 8, nearlyOne);
  assert.ok(
    Array.from(values).every((x) => x < 1 && x > 0.9999),
    String(Array.from(values)),
  );
  const doubles = rand(pool, Float64Array, 2, nearlyOne);
  assert.is(doubles[0], 1 - 2 ** -40, "doubles keep the draw exactly");
});

test("arguments that are not pools are TypeErrors where they are passed", () => {
  const message = /expects a pool \(AdaptiveArrayPool or DisabledPool\)/;
  const fn = (): number => 1;
  for (const notPool of ["p", 1, null, {}, { checkpoint: () => 1 }]) {
    assertThrowsWith(() => withPool(notPool as never, fn), TypeError, message);
    assertThrowsWith(() => maybeWithPool(notPool as never, fn), TypeError, message);
    assertThrowsWith(() => poolScope(notPool as never), TypeError, message);
    assertThrowsWith(() => looseAcquire(notPool, Float64Array, 3), TypeError, message);
    assertThrowsWith(() => looseZeros(notPool, 3), TypeError, message);
    assertThrowsWith(() => checkpoint(notPool as never), TypeError, message);
    assertThrowsWith(() => similar(notPool as never, new Float64Array(2)), TypeError, message);
  }
});

test("pool options are validated when the pool is made", () => {
  assertThrowsWith(
    () => new AdaptiveArrayPool("big" as never),
    TypeError,
    /pool options must be an object, got "big"/,
  );
  assertThrowsWith(
    () => new AdaptiveArrayPool({ growthWarningThreshold: "5" as never }),
    TypeError,
    /growthWarningThreshold must be a number/,
  );
  assertThrowsWith(
    () => new AdaptiveArrayPool({ growthWarningThreshold: -1 }),
    RangeError,
    /growthWarningThreshold must be >= 0/,
  );
  assertThrowsWith(
    () => new AdaptiveArrayPool().compact("x" as never),
    TypeError,
    /compact options must be an object/,
  );
  const never = new AdaptiveArrayPool({ growthWarningThreshold: Infinity });
  assert.equal(
    captureWarnings(() => {
      for (let i = 0; i < 600; i++) acquire(never, Uint8Array, 1);
    }),
    [],
  );
});

test("a throwing rng leaves no slot taken, outside and inside scopes", () => {
  const pool = new AdaptiveArrayPool();
  acquire(pool, Int32Array, 3);
  const thrower = (): number => {
    throw new Error("rng failed");
  };
  for (const depth of [0, 1]) {
    if (depth === 1) pool.checkpoint();
    const before = snapshot(pool);
    assertThrowsWith(() => looseRand(pool, Float64Array, 4, thrower), Error, /rng failed/);
    assertThrowsWith(() => randn(pool, Float32Array, 4, thrower), Error, /rng failed/);
    assertThrowsWith(() => rand(pool, new Uint8Array(2), thrower), Error, /rng failed/);
    assert.equal(snapshot(pool), before, "every array of the failed calls was given back");
  }
  assert.is(rand(pool, Float64Array, 2).length, 2);
});

test("an allocation the engine refuses adds no slot and changes nothing", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  acquire(pool, Float64Array, 4);
  const before = fullState(pool);
  const RealArrayBuffer = globalThis.ArrayBuffer;
  const refusing = function ArrayBuffer(): never {
    throw new RangeError("Array buffer allocation failed");
  };
  globalThis.ArrayBuffer = refusing as unknown as ArrayBufferConstructor;
  try {
    assertThrowsWith(() => acquire(pool, Float64Array, 64), RangeError, /allocation failed/);
    pool.rewind();
    pool.checkpoint();
    acquire(pool, Float64Array, 4);
    assertThrowsWith(() => acquire(pool, Float64Array, 1 << 20), RangeError, /allocation failed/);
  } finally {
    globalThis.ArrayBuffer = RealArrayBuffer;
  }
  assert.is(fullState(pool), before);
  assert.is(acquire(pool, Float64Array, 64).length, 64);
  pool.rewind();
});

test("the growth warning inside scopes says so instead of blaming acquires outside them", () => {
  const pool = new AdaptiveArrayPool({ growthWarningThreshold: 4 });
  const inside = captureWarnings(() => {
    pool.checkpoint();
    for (let i = 0; i < 6; i++) acquire(pool, Float64Array, 1);
    pool.rewind();
  });
  assert.is(inside.length, 1);
  assert.match(inside[0]!.message, /5 Float64Array arrays are live in one pool/);
  assert.match(inside[0]!.message, /All of them belong to open scopes \(depth 1\)/);
  assert.not.match(inside[0]!.message, /outside/);
  const mixed = new AdaptiveArrayPool({ growthWarningThreshold: 4 });
  const outside = captureWarnings(() => {
    for (let i = 0; i < 2; i++) acquire(mixed, Int8Array, 1);
    mixed.checkpoint();
    for (let i = 0; i < 3; i++) acquire(mixed, Int8Array, 1);
  });
  assert.match(outside[0]!.message, /2 of them were acquired outside any pool scope/);
});

test("different types reuse one free slot, and live arrays of different types never share it", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  const f = acquire(pool, Float64Array, 4);
  pool.rewind();
  pool.checkpoint();
  const i = acquire(pool, Int32Array, 8);
  const u = acquire(pool, Uint8Array, 3);
  assert.is(i.buffer, f.buffer, "the free Float64 slot serves the Int32Array");
  assert.is.not(u.buffer, i.buffer);
  assert.equal(
    pool.stats().types.map((t) => [t.type, t.slots, t.active]),
    [
      ["Int32Array", 1, 1],
      ["Uint8Array", 1, 1],
    ],
  );
  pool.rewind();
  const types: readonly ElementType[] = ALL_TYPES;
  assert.ok(types.every((type) => pool.activeCount(type) === 0));
});

test.run();
