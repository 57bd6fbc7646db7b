/**
 * The arithmetic every contender of a workload shares, so contenders differ only in where their
 * temporaries come from. Nothing here allocates or returns a double (results go to `sink`).
 */
import { sink } from "./sink.js";

export type NumericArray = Float64Array | Float32Array | Int32Array;

/** W1's use of a temporary: write all n elements, read them all back. */
export function touch(a: NumericArray, n: number, seed: number): void {
  for (let j = 0; j < n; j++) a[j] = (seed + j) & 255;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += a[j]!;
  sink[0]! += sum;
}

/** W1's three-temporary op (2 Float64 + 1 Int32, as in the bar): write all three, read them back. */
export function touch3(
  a: Float64Array,
  b: Float64Array,
  c: Int32Array,
  n: number,
  seed: number,
): void {
  for (let j = 0; j < n; j++) {
    a[j] = (seed + j) & 255;
    b[j] = (seed + 2 * j) & 255;
    c[j] = (seed ^ j) & 255;
  }
  let sum = 0;
  for (let j = 0; j < n; j++) sum += a[j]! + b[j]! - c[j]!;
  sink[0]! += sum;
}

/** Deterministic uniform [0, 1) values (xorshift32), the state kept in `state[0]` so runs repeat. */
export function fillUniform(a: Float64Array, length: number, state: Int32Array): void {
  let x = state[0]!;
  for (let j = 0; j < length; j++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    a[j] = (x >>> 0) / 4294967296;
  }
  state[0] = x;
}

/** C = A * B for n-by-n row-major matrices. */
export function matmul(c: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) c[row + j] = 0;
    for (let k = 0; k < n; k++) {
      const aik = a[row + k]!;
      const brow = k * n;
      for (let j = 0; j < n; j++) c[row + j]! += aik * b[brow + j]!;
    }
  }
}

/** sink += sum of the first `length` elements. */
export function sumToSink(a: Float64Array, length: number): void {
  let sum = 0;
  for (let j = 0; j < length; j++) sum += a[j]!;
  sink[0]! += sum;
}

/** A fresh generator state; every contender starts from the same seed. */
export function rngState(): Int32Array {
  return Int32Array.of(0x2545f491);
}
