/** The acquire family: every element type, lengths from dims, templates, similar, rand and randn. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AdaptiveArrayPool,
  acquire,
  ones,
  rand,
  randn,
  similar,
  zeros,
} from "../../runtime/index.js";
import { ALL_TYPES, assertThrowsWith, elements, isBigIntArray, seededRng } from "./helpers.js";

test("every element type: acquire, zeros and ones give that type with the exact length", () => {
  const pool = new AdaptiveArrayPool();
  const token = pool.checkpoint();
  for (const type of ALL_TYPES) {
    const a = acquire(pool, type, 5);
    assert.instance(a, type, type.name);
    assert.is(a.length, 5);
    const z = zeros(pool, type, 3);
    const o = ones(pool, type, 4);
    assert.instance(z, type);
    assert.instance(o, type);
    const zero = isBigIntArray(z) ? 0n : 0;
    const one = isBigIntArray(o) ? 1n : 1;
    assert.equal(Array.from(z as ArrayLike<unknown>), [zero, zero, zero], type.name);
    assert.equal(Array.from(o as ArrayLike<unknown>), [one, one, one, one], type.name);
  }
  pool.rewind(token);
});

test("bigint arrays hold 0n and 1n, not numbers", () => {
  const pool = new AdaptiveArrayPool();
  const big = ones(pool, BigInt64Array, 2);
  const ubig = zeros(pool, BigUint64Array, 2);
  assert.is(big[0], 1n);
  assert.is(big[1], 1n);
  assert.is(ubig[0], 0n);
  assert.is(typeof ubig[1], "bigint");
});

test("a dirty slot is refilled by zeros and ones", () => {
  const pool = new AdaptiveArrayPool();
  const token = pool.checkpoint();
  acquire(pool, Int16Array, 6).fill(-7);
  pool.rewind(token);
  pool.checkpoint();
  assert.equal(elements(zeros(pool, Int16Array, 6)), [0, 0, 0, 0, 0, 0]);
  pool.rewind();
  pool.checkpoint();
  assert.equal(elements(ones(pool, Int16Array, 6)), [1, 1, 1, 1, 1, 1]);
  pool.rewind();
});

test("Float64Array is the default type", () => {
  const pool = new AdaptiveArrayPool();
  assert.instance(acquire(pool, 7), Float64Array);
  assert.instance(zeros(pool, 2, 3), Float64Array);
  assert.instance(ones(pool, [2, 2]), Float64Array);
  assert.is(acquire(pool, 7).length, 7);
});

test("multi-dim and dims-array forms give the exact product length", () => {
  const pool = new AdaptiveArrayPool();
  assert.is(acquire(pool, 3, 4).length, 12);
  assert.is(acquire(pool, 2, 3, 4).length, 24);
  assert.is(acquire(pool, 2, 3, 4, 5).length, 120);
  assert.is(acquire(pool, Int32Array, 3, 4).length, 12);
  assert.is(acquire(pool, Int32Array, 2, 3, 4, 5).length, 120);
  assert.is(acquire(pool, [2, 3, 4, 5, 6]).length, 720);
  assert.is(acquire(pool, Uint8Array, [2, 3, 4, 5, 6, 7]).length, 5040);
  assert.is(zeros(pool, Float32Array, [5]).length, 5);
  assert.is(acquire(pool, Float32Array, 3, 0, 9).length, 0);
  assert.is(acquire(pool, Float64Array, 2 ** 16, 0, 2 ** 16).length, 0);
});

test("a template gives type and length", () => {
  const pool = new AdaptiveArrayPool();
  const template = new Uint16Array(9);
  const a = acquire(pool, template);
  assert.instance(a, Uint16Array);
  assert.is(a.length, 9);
  assert.is.not(a, template);
  assert.is.not(a.buffer, template.buffer);
  const z = zeros(pool, new BigInt64Array(3));
  assert.equal(Array.from(z), [0n, 0n, 0n]);
});

test("similar keeps type and length, or overrides type and/or dims", () => {
  const pool = new AdaptiveArrayPool();
  const source = new Int8Array(6);
  const same = similar(pool, source);
  assert.instance(same, Int8Array);
  assert.is(same.length, 6);
  const retyped = similar(pool, source, Float32Array);
  assert.instance(retyped, Float32Array);
  assert.is(retyped.length, 6);
  const reshaped = similar(pool, source, 2, 5);
  assert.instance(reshaped, Int8Array);
  assert.is(reshaped.length, 10);
  const both = similar(pool, source, Uint32Array, 3, 3);
  assert.instance(both, Uint32Array);
  assert.is(both.length, 9);
  const fromDims = similar(pool, source, BigInt64Array, [2, 2, 2]);
  assert.instance(fromDims, BigInt64Array);
  assert.is(fromDims.length, 8);
  assert.is(similar(pool, source, [4, 4]).length, 16);
});

test("rand with a seeded rng is deterministic: [0, 1) floats, full-range integers", () => {
  const pool = new AdaptiveArrayPool();
  const first = Array.from(rand(pool, Float64Array, 2, 3, seededRng(42)));
  const again = Array.from(rand(pool, Float64Array, [2, 3], seededRng(42)));
  const expected = Array.from({ length: 6 }, seededRng(42));
  assert.equal(first, expected);
  assert.equal(again, expected);
  for (const x of first) assert.ok(x >= 0 && x < 1);

  const draw = seededRng(7);
  const bytes = rand(pool, Uint8Array, 8, seededRng(7));
  assert.equal(
    Array.from(bytes),
    Array.from({ length: 8 }, () => Math.floor(draw() * 256)),
  );
  const signed = Array.from(rand(pool, Int8Array, 500, seededRng(1)));
  assert.ok(signed.some((x) => x < 0) && signed.some((x) => x > 0), "both signs of Int8");
  const defaultType = rand(pool, 4, seededRng(3));
  assert.instance(defaultType, Float64Array);
  assert.equal(Array.from(defaultType), Array.from({ length: 4 }, seededRng(3)));
  const big = rand(pool, BigUint64Array, 3, seededRng(9));
  assert.is(typeof big[0], "bigint");
  assert.ok(
    big.some((x) => x > 2n ** 32n),
    "high 32 bits are random too",
  );
});

test("rand without an rng uses Math.random", () => {
  const pool = new AdaptiveArrayPool();
  const values = Array.from(rand(pool, Float32Array, 64));
  assert.ok(values.every((x) => x >= 0 && x < 1));
  assert.ok(new Set(values).size > 50);
});

test("randn with a seeded rng: Box-Muller values, deterministic, roughly standard", () => {
  const pool = new AdaptiveArrayPool();
  const a = Array.from(randn(pool, Float64Array, 5, seededRng(11)));
  const b = Array.from(randn(pool, [5], seededRng(11)));
  assert.equal(a, b);
  const draw = seededRng(11);
  const u1 = draw();
  const u2 = draw();
  const radius = Math.sqrt(-2 * Math.log(1 - u1));
  assert.is(a[0], radius * Math.cos(2 * Math.PI * u2));
  assert.is(a[1], radius * Math.sin(2 * Math.PI * u2));
  const many = randn(pool, Float64Array, 20000, seededRng(5));
  const mean = many.reduce((s, x) => s + x, 0) / many.length;
  const variance = many.reduce((s, x) => s + (x - mean) ** 2, 0) / many.length;
  assert.ok(Math.abs(mean) < 0.05, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.05, `variance ${variance}`);
  assert.instance(randn(pool, Float32Array, 3, seededRng(1)), Float32Array);
});

test("randn rejects integer element types with a TypeError, before touching the pool", () => {
  const pool = new AdaptiveArrayPool();
  for (const type of [Int32Array, Uint8Array, BigInt64Array] as const) {
    assertThrowsWith(
      () => randn(pool, type, 3),
      TypeError,
      new RegExp(`randn needs a floating-point element type, got ${type.name}`),
    );
  }
  assert.is(pool.stats().types.length, 0);
});

test.run();
