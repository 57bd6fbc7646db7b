/**
 * Every bad input gets its documented error class and a specific message, and leaves the pool exactly
 * as it was and fully usable.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AdaptiveArrayPool,
  DISABLED_POOL,
  PoolStateError,
  acquire,
  maybeCheckpoint,
  ones,
  rand,
  randn,
  setMaybePooling,
  similar,
  zeros,
} from "../../runtime/index.js";
import type { TypedArray } from "../../runtime/index.js";
import { assertThrowsWith, elements, fullState } from "./helpers.js";

/** The acquire family without its overloads, to pass what the types forbid. */
type Loose = (...args: unknown[]) => TypedArray;
const looseAcquire = acquire as unknown as Loose;
const looseZeros = zeros as unknown as Loose;
const looseOnes = ones as unknown as Loose;
const looseSimilar = similar as unknown as Loose;
const looseRand = rand as unknown as Loose;
const looseRandn = randn as unknown as Loose;

type ErrorClass = new (...args: never[]) => Error;

/** A pool in a non-trivial state: a live array outside scopes, two open scopes, free slots. */
function busyPool(): AdaptiveArrayPool {
  const pool = new AdaptiveArrayPool();
  acquire(pool, Int32Array, 3);
  pool.checkpoint();
  acquire(pool, Float64Array, 8);
  pool.checkpoint();
  acquire(pool, Float64Array, 4);
  acquire(pool, Uint8Array, 4);
  pool.rewind();
  pool.checkpoint();
  acquire(pool, Float32Array, 2);
  return pool;
}

/** The pool still hands out arrays and closes scopes correctly. */
function assertUsable(pool: AdaptiveArrayPool): void {
  const depth = pool.depth;
  const token = pool.checkpoint();
  assert.equal(elements(ones(pool, Int16Array, 2, 2)), [1, 1, 1, 1]);
  pool.rewind(token);
  assert.is(pool.depth, depth);
}

function assertRejected(
  call: (pool: AdaptiveArrayPool) => unknown,
  errorClass: ErrorClass,
  message: RegExp,
): void {
  const pool = busyPool();
  const before = fullState(pool);
  assertThrowsWith(() => call(pool), errorClass, message);
  assert.is(fullState(pool), before, "the failed call changed nothing");
  assertUsable(pool);
}

const badDims: [string, unknown, RegExp][] = [
  ["negative", -1, /dimension 1 must be an integer in 0\.\.4294967296, got -1/],
  ["fractional", 2.5, /dimension 1 must be an integer in 0\.\.4294967296, got 2\.5/],
  ["NaN", NaN, /got NaN/],
  ["Infinity", Infinity, /got Infinity/],
  ["-Infinity", -Infinity, /got -Infinity/],
  ["above 2^32", 2 ** 32 + 1, /got 4294967297/],
  ["unsafe integer", 2 ** 53 + 2, /got 9007199254740994/],
];

for (const [label, dim, message] of badDims) {
  test(`a ${label} dim is a RangeError in every position and form`, () => {
    assertRejected((p) => looseAcquire(p, dim), RangeError, message);
    assertRejected((p) => looseAcquire(p, Float32Array, dim), RangeError, message);
    assertRejected((p) => looseZeros(p, Int8Array, [dim]), RangeError, message);
    assertRejected(
      (p) => looseOnes(p, Uint16Array, 2, dim),
      RangeError,
      new RegExp(message.source.replace("dimension 1", "dimension 2")),
    );
    assertRejected(
      (p) => looseAcquire(p, BigInt64Array, [1, 1, 1, 1, 1, dim]),
      RangeError,
      new RegExp(message.source.replace("dimension 1", "dimension 6")),
    );
    assertRejected((p) => looseSimilar(p, new Int8Array(2), dim), RangeError, message);
    assertRejected((p) => looseRand(p, Float64Array, dim, () => 0.5), RangeError, message);
  });
}

test("overflowing products are RangeErrors", () => {
  const exceeds = /array of \d+ elements exceeds the maximum of 4294967296/;
  assertRejected((p) => looseAcquire(p, 2 ** 16, 2 ** 16, 2), RangeError, /8589934592 elements/);
  assertRejected((p) => looseAcquire(p, Uint8Array, 2 ** 32, 2), RangeError, exceeds);
  assertRejected((p) => looseAcquire(p, Uint8Array, 2 ** 32, 2 ** 32), RangeError, exceeds);
  assertRejected((p) => looseAcquire(p, 2 ** 8, 2 ** 8, 2 ** 8, 2 ** 9), RangeError, exceeds);
  assertRejected((p) => looseAcquire(p, Int8Array, [2 ** 20, 2 ** 20]), RangeError, exceeds);
  assertRejected((p) => looseZeros(p, [65536, 65536, 65536, 65536, 65536]), RangeError, exceeds);
});

test("non-number dims are TypeErrors", () => {
  assertRejected(
    (p) => looseAcquire(p, Float64Array, "3"),
    TypeError,
    /dimension 1 must be a number, got string/,
  );
  assertRejected(
    (p) => looseAcquire(p, Float64Array, 3, 3n),
    TypeError,
    /dimension 2 must be a number, got bigint/,
  );
  assertRejected(
    (p) => looseAcquire(p, Float64Array, [3, null]),
    TypeError,
    /dimension 2 must be a number, got object/,
  );
  assertRejected(
    (p) => looseAcquire(p, "3"),
    TypeError,
    /expected an element type, a length or a template array, got "3"/,
  );
  assertRejected((p) => looseAcquire(p, Float64Array), TypeError, /missing dimensions/);
  assertRejected((p) => looseAcquire(p, Float64Array, []), TypeError, /the dims array is empty/);
  assertRejected(
    (p) => looseAcquire(p, Float64Array, [2], 3),
    TypeError,
    /either as numbers or as one array/,
  );
});

test("more than 4 dim arguments is a TypeError pointing to the dims-array form", () => {
  const tooMany = /at most 4 dimensions as arguments: pass the dims as one array for more/;
  assertRejected((p) => looseAcquire(p, 1, 2, 3, 4, 5), TypeError, tooMany);
  assertRejected((p) => looseAcquire(p, Float64Array, 1, 2, 3, 4, 5), TypeError, tooMany);
  assertRejected((p) => looseZeros(p, Int32Array, 1, 2, 3, 4, 5), TypeError, tooMany);
  assertRejected((p) => looseOnes(p, 1, 2, 3, 4, 5), TypeError, tooMany);
  assertRejected(
    (p) => looseSimilar(p, new Int8Array(1), Int8Array, 1, 2, 3, 4, 5),
    TypeError,
    tooMany,
  );
  assertRejected((p) => looseSimilar(p, new Int8Array(1), 1, 2, 3, 4, 5), TypeError, tooMany);
  assertRejected((p) => looseRand(p, Float64Array, 1, 2, 3, 4, 5), TypeError, tooMany);
  assertRejected((p) => looseRandn(p, 1, 2, 3, 4, 5), TypeError, tooMany);
});

test("an unknown element type is a TypeError listing the supported ones", () => {
  const unknown = (name: string) =>
    new RegExp(
      `unknown element type ${name}: expected one of Float64Array, Float32Array, .*BigUint64Array`,
    );
  assertRejected((p) => looseAcquire(p, Array, 3), TypeError, unknown("function Array"));
  assertRejected((p) => looseZeros(p, DataView, 3), TypeError, unknown("function DataView"));
  assertRejected((p) => looseOnes(p, class Fake {}, 3), TypeError, unknown("function Fake"));
  assertRejected((p) => looseSimilar(p, new Int8Array(2), Map), TypeError, unknown("function Map"));
  assertRejected((p) => looseRand(p, Number, 2), TypeError, unknown("function Number"));
  assertRejected((p) => looseRandn(p, Object, 2), TypeError, unknown("function Object"));
  assertRejected(
    (p) => looseAcquire(p, { length: 3 }),
    TypeError,
    /expected an element type.*got Object/,
  );
  assertRejected(
    (p) => looseAcquire(p, new DataView(new ArrayBuffer(8))),
    TypeError,
    /got DataView/,
  );
  assertRejected(
    (p) => looseSimilar(p, [1, 2]),
    TypeError,
    /similar expects a typed array, got Array/,
  );
  assertThrowsWith(
    () => looseAcquire(DISABLED_POOL, Array, 3),
    TypeError,
    unknown("function Array"),
  );
});

test("an unknown element type is rejected inside a maybe-scope with pooling off too", () => {
  const pool = new AdaptiveArrayPool();
  setMaybePooling(false);
  try {
    const token = maybeCheckpoint(pool);
    assertThrowsWith(
      () => looseAcquire(pool, Array, 3),
      TypeError,
      /unknown element type function Array/,
    );
    pool.rewind(token);
  } finally {
    setMaybePooling(true);
  }
  assert.is(pool.depth, 0);
  assertUsable(pool);
});

test("a template with dims is a TypeError pointing to similar", () => {
  assertRejected(
    (p) => looseAcquire(p, new Float32Array(4), 2),
    TypeError,
    /a template array takes no dims: use similar\(pool, template, type, \.\.\.dims\)/,
  );
  assertRejected((p) => looseZeros(p, new Float32Array(4), [2]), TypeError, /takes no dims/);
});

test("randn with an integer type is a TypeError", () => {
  assertRejected(
    (p) => looseRandn(p, Int32Array, 3),
    TypeError,
    /randn needs a floating-point element type, got Int32Array/,
  );
  assertRejected((p) => looseRandn(p, new Uint8Array(3)), TypeError, /got Uint8Array/);
});

test("rewind without a checkpoint is a PoolStateError", () => {
  const pool = new AdaptiveArrayPool();
  acquire(pool, Float64Array, 2);
  const before = fullState(pool);
  assertThrowsWith(
    () => pool.rewind(),
    PoolStateError,
    /rewind\(\) without an open scope: call checkpoint\(\) first/,
  );
  assertThrowsWith(() => pool.rewind(1), PoolStateError, /rewind\(1\) but the pool is at depth 0/);
  assert.is(fullState(pool), before);
  assertUsable(pool);
});

test("a token already rewound past is a PoolStateError", () => {
  assertRejected(
    (p) => p.rewind(p.depth + 1),
    PoolStateError,
    /rewind\(3\) but the pool is at depth 2: that scope was already rewound/,
  );
  assertRejected((p) => p.rewind(7), PoolStateError, /out-of-order rewinds/);
});

test("a token checkpoint() never returns is a PoolStateError", () => {
  assertRejected(
    (p) => p.rewind(0),
    PoolStateError,
    /rewind\(0\): token 0 is never returned by checkpoint\(\)/,
  );
  for (const token of [1.5, NaN, Infinity, -0.5, -Infinity]) {
    assertRejected(
      (p) => p.rewind(token),
      PoolStateError,
      new RegExp(`must be a value returned by checkpoint\\(\\), got ${token}`),
    );
  }
  assertRejected(
    (p) => p.rewind("1" as unknown as number),
    PoolStateError,
    /must be a value returned by checkpoint\(\), got 1/,
  );
  assertRejected(
    (p) => p.rewind(-5),
    PoolStateError,
    /rewind\(-5\): token -5 is never returned by checkpoint\(\)/,
  );
});

test("bad compact options are RangeErrors", () => {
  assertRejected(
    (p) => p.compact({ factor: 0.5 }),
    RangeError,
    /compact needs factor >= 1 and minBytes >= 0, got 0\.5 and 65536/,
  );
  assertRejected((p) => p.compact({ factor: NaN }), RangeError, /got NaN and 65536/);
  assertRejected((p) => p.compact({ minBytes: -1 }), RangeError, /got 4 and -1/);
});

test("setMaybePooling rejects a non-boolean", () => {
  assertThrowsWith(
    () => setMaybePooling("no" as unknown as boolean),
    TypeError,
    /setMaybePooling expects a boolean, got string/,
  );
  assertThrowsWith(() => setMaybePooling(0 as unknown as boolean), TypeError, /got number/);
});

test.run();
