/**
 * Sixteen different pooled functions, each taking arguments and acquiring scratch arrays: what a call
 * site in a real numeric code base sees. Their bodies differ on purpose, so that each is its own
 * function to the engine and a shared call site cannot specialise on one of them. Arguments and
 * results are small integers, and no double reaches a builtin (fill, Math.hypot): a double crossing a
 * call that is not inlined is boxed into a fresh heap number, garbage that would hide whether the
 * scope itself allocates.
 */
import { acquire, getTaskLocalPool, withPool, zeros } from "adaptive-array-pools";

const pool = getTaskLocalPool();

export type Kernel = (x: number, n: number) => number;

export const KERNELS: readonly Kernel[] = [
  withPool(pool, function ramp(x: number, n: number): number {
    const a = acquire(pool, Float64Array, n);
    for (let i = 0; i < n; i++) a[i] = x * i;
    return a[n - 1]! | 0;
  }),
  withPool(pool, function square(x: number, n: number): number {
    const a = acquire(pool, Float64Array, n);
    a.fill(x * x);
    return (a[0]! + n) | 0;
  }),
  withPool(pool, (x: number, n: number): number => {
    const a = zeros(pool, Float32Array, n);
    a[n >> 1] = x;
    return (a[n >> 1]! * 2) | 0;
  }),
  withPool(pool, function counts(x: number, n: number): number {
    const a = acquire(pool, Int32Array, n);
    a.fill(x | 0);
    return (a[n - 1]! - n) | 0;
  }),
  withPool(pool, function twoArrays(x: number, n: number): number {
    const a = acquire(pool, Float64Array, n);
    const b = acquire(pool, Float64Array, n);
    a[0] = x;
    b[0] = a[0] + 1;
    return b[0] | 0;
  }),
  withPool(pool, (x: number, n: number): number => {
    const a = acquire(pool, Uint8Array, n);
    a[0] = x & 0xff;
    return (a[0] + a.length) | 0;
  }),
  withPool(pool, function prefix(x: number, n: number): number {
    const a = acquire(pool, Float64Array, n);
    a[0] = x;
    for (let i = 1; i < n; i++) a[i] = a[i - 1]! + 1;
    return a[n - 1]! | 0;
  }),
  withPool(pool, function halves(x: number, n: number): number {
    const a = acquire(pool, Float32Array, n);
    a.fill(x >> 1);
    return (a[0]! + a[n - 1]!) | 0;
  }),
  withPool(pool, (x: number, n: number): number => {
    const a = acquire(pool, Int16Array, n);
    a[n - 1] = x;
    return (a[n - 1]! - 1) | 0;
  }),
  withPool(pool, function mixed(x: number, n: number): number {
    const a = acquire(pool, Float64Array, n);
    const b = acquire(pool, Int32Array, n);
    a[0] = x;
    b[0] = n;
    return (a[0] * b[0]) | 0;
  }),
  withPool(pool, function maxOf(x: number, n: number): number {
    const a = acquire(pool, Float64Array, n);
    let best = -Infinity;
    for (let i = 0; i < n; i++) best = Math.max(best, (a[i] = x - i));
    return best | 0;
  }),
  withPool(pool, (x: number, n: number): number => {
    const a = zeros(pool, Float64Array, n);
    return (a[0]! + x + n) | 0;
  }),
  withPool(pool, function flip(x: number, n: number): number {
    const a = acquire(pool, Uint32Array, n);
    a[0] = x >>> 0;
    return (a[0] ^ n) | 0;
  }),
  withPool(pool, function matrix(x: number, n: number): number {
    const m = acquire(pool, Float64Array, 4, 4);
    m.fill(x);
    return (m[15]! + n) | 0;
  }),
  withPool(pool, (x: number, n: number): number => {
    const a = acquire(pool, Float64Array, n);
    a[0] = x;
    a[1] = n;
    return Math.sqrt(a[0] * a[0] + a[1] * a[1]) | 0;
  }),
  withPool(pool, function scaled(x: number, n: number): number {
    const a = acquire(pool, Float32Array, n);
    for (let i = 0; i < n; i++) a[i] = i;
    return (a[n - 1]! * x) | 0;
  }),
];
