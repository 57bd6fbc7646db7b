/**
 * Shared test support for the runtime: the element types under test, snapshots of a pool's
 * bookkeeping, memory-overlap checks between live arrays, deterministic fill patterns, a seeded rng
 * and a capture of process warnings.
 */
import * as assert from "uvu/assert";
import { PoolStateError } from "../../runtime/index.js";
import type { AdaptiveArrayPool, ElementType, TypedArray } from "../../runtime/index.js";

const float16 = (globalThis as { Float16Array?: ElementType }).Float16Array;

/** Every element type the pool serves on this engine, Float16Array included where it exists. */
export const ALL_TYPES: readonly ElementType[] = [
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  BigInt64Array,
  BigUint64Array,
  ...(float16 === undefined ? [] : [float16]),
];

export function isBigIntArray(array: TypedArray): array is BigInt64Array | BigUint64Array {
  return array instanceof BigInt64Array || array instanceof BigUint64Array;
}

/** What must be restored after a balanced scope: the depth and every type's active count. */
export interface PoolSnapshot {
  readonly depth: number;
  readonly active: readonly number[];
}

export function snapshot(pool: AdaptiveArrayPool): PoolSnapshot {
  return { depth: pool.depth, active: ALL_TYPES.map((type) => pool.activeCount(type)) };
}

/** Everything observable about a pool's memory, for "a failed call changed nothing" checks. */
export function fullState(pool: AdaptiveArrayPool): string {
  const stats = pool.stats();
  return JSON.stringify({
    depth: stats.depth,
    pooling: stats.pooling,
    bytes: stats.bytes,
    activeBytes: stats.activeBytes,
    types: stats.types,
  });
}

/** The first pair of arrays whose memory overlaps, or undefined when all are disjoint. */
export function findOverlap(arrays: readonly TypedArray[]): [number, number] | undefined {
  for (let i = 0; i < arrays.length; i++) {
    for (let j = i + 1; j < arrays.length; j++) {
      if (overlaps(arrays[i]!, arrays[j]!)) return [i, j];
    }
  }
  return undefined;
}

function overlaps(a: TypedArray, b: TypedArray): boolean {
  if (a.buffer !== b.buffer) return false;
  const start = Math.max(a.byteOffset, b.byteOffset);
  const end = Math.min(a.byteOffset + a.byteLength, b.byteOffset + b.byteLength);
  return start < end;
}

export function assertDisjoint(arrays: readonly TypedArray[]): void {
  const pair = findOverlap(arrays);
  if (pair !== undefined) {
    assert.unreachable(`live arrays ${pair[0]} and ${pair[1]} share memory`);
  }
}

/**
 * The value written at `index` of the array with identity `id`: distinct per array and position,
 * and representable in every element type (small non-negative integers; Int8 tops out at 127).
 */
export function patternValue(id: number, index: number): number {
  return (id * 7 + index * 3) % 100;
}

export function writePattern(array: TypedArray, id: number): void {
  for (let i = 0; i < array.length; i++) setElement(array, i, patternValue(id, i));
}

/** Index of the first element that no longer holds its pattern value, or -1. */
export function patternMismatch(array: TypedArray, id: number): number {
  for (let i = 0; i < array.length; i++) {
    if (Number(array[i]) !== patternValue(id, i)) return i;
  }
  return -1;
}

export function setElement(array: TypedArray, index: number, value: number): void {
  if (isBigIntArray(array)) array[index] = BigInt(value);
  else array[index] = value;
}

/** The elements as plain numbers (bigints converted), for comparisons. */
export function elements(array: TypedArray): number[] {
  return Array.from(array as ArrayLike<number | bigint>, Number);
}

/** mulberry32: a small deterministic rng in [0, 1) so random fills can be checked exactly. */
export function seededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CapturedWarning {
  readonly message: string;
  readonly type: string | undefined;
}

/** Run `body` with process.emitWarning captured (and silenced), returning what it emitted. */
export function captureWarnings(body: () => void): CapturedWarning[] {
  const captured: CapturedWarning[] = [];
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error, type?: unknown) => {
    captured.push({
      message: typeof warning === "string" ? warning : warning.message,
      type: typeof type === "string" ? type : undefined,
    });
  }) as typeof process.emitWarning;
  try {
    body();
  } finally {
    process.emitWarning = original;
  }
  return captured;
}

/** Assert that `body` throws an instance of `errorClass` whose message matches `message`. */
export function assertThrowsWith(
  body: () => unknown,
  errorClass: new (...args: never[]) => Error,
  message: RegExp,
): void {
  let thrown: unknown;
  try {
    body();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) assert.unreachable(`expected ${errorClass.name}, nothing was thrown`);
  assert.instance(thrown, errorClass);
  if (errorClass !== PoolStateError) assert.not.instance(thrown, PoolStateError);
  assert.match((thrown as Error).message, message);
}
