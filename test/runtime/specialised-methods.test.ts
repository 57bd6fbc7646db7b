/**
 * The per-type pool methods the transformer emits for literal element types (`acquire(pool,
 * Float64Array, n)` → `pool.acquireFloat64(n)`, `acquire(pool, Float64Array, n, m)` →
 * `pool.takeDims(Float64Array, n, m)`): both pool classes have every one the transformer can name,
 * and each behaves exactly like the free function it replaces, errors included, on a miss and on a
 * hit.
 */
// test-runner: own process. Requests of 2^16 x 2^16 elements allocate 4-16 GiB (or fail to allocate
// 32 GiB), and V8 answers each with full garbage collections: in a heap shared with the compilers
// other test files load, those were 8 s of this file's 10 s on an idle machine.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AdaptiveArrayPool, DISABLED_POOL, acquire } from "../../runtime/index.js";
import type { ElementType, Pool, TypedArray } from "../../runtime/index.js";
import { MULTI_DIM_METHOD, SPECIALISED_METHODS } from "../../transformer/specialise-acquire.js";
import { seededRng } from "./helpers.js";

type PerType = Record<string, (...dims: unknown[]) => TypedArray>;
const looseAcquire = acquire as unknown as (...args: unknown[]) => TypedArray;

function typeOfMethod(method: string): ElementType {
  const name = `${method.slice("acquire".length)}Array`;
  return (globalThis as unknown as Record<string, ElementType>)[name]!;
}

function outcome(call: () => TypedArray): string {
  try {
    const array = call();
    return `${array.constructor.name}(${array.length})`;
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

test("both pool classes define every method the transformer emits", () => {
  assert.ok(SPECIALISED_METHODS.length >= 11);
  for (const method of [...SPECIALISED_METHODS, MULTI_DIM_METHOD]) {
    assert.type((AdaptiveArrayPool.prototype as unknown as PerType)[method], "function", method);
    assert.type((DISABLED_POOL as unknown as PerType)[method], "function", method);
  }
});

test("each per-type method behaves like acquire(pool, Type, length), errors included", () => {
  const lengths: unknown[] = [0, 3, 16, [2, 3], -1, 2.5, NaN, "4", undefined, 2 ** 33, null];
  for (const method of SPECIALISED_METHODS) {
    const type = typeOfMethod(method);
    for (const length of lengths) {
      for (const makePool of [() => new AdaptiveArrayPool(), () => DISABLED_POOL]) {
        const specialised = makePool() as unknown as PerType;
        const general = makePool();
        assert.is(
          outcome(() => specialised[method]!(length)),
          outcome(() => looseAcquire(general, type, length)),
          `${method}(${String(length)})`,
        );
      }
    }
  }
});

/** `call` inside a scope of `pool`, so a repeated request hits the slot the first one filled. */
function inScope(pool: Pool, call: () => TypedArray): string {
  const token = pool.checkpoint();
  try {
    return outcome(call);
  } finally {
    pool.rewind(token);
  }
}

test("with two dims, takeDims(Type, d0, d1) behaves like acquire(pool, Type, d0, d1)", () => {
  const dimsCases: unknown[][] = [
    [4, 4],
    [0, 7],
    [-0, 3],
    [2 ** 32, 0],
    [2 ** 20, 2 ** 20],
    [2 ** 16, 2 ** 16],
    [2 ** 16, 2 ** 16 + 1],
    [3, -1],
    [1.5, 2],
    [NaN, 2],
    ["4", 4],
    [[2], 3],
    [3, [2]],
    [3, undefined],
    [undefined, 3],
    [3, null],
  ];
  for (const method of SPECIALISED_METHODS) {
    const type = typeOfMethod(method);
    for (const dims of dimsCases) {
      for (const makePool of [() => new AdaptiveArrayPool(), () => DISABLED_POOL]) {
        const specialisedPool = makePool();
        const specialised = specialisedPool as unknown as PerType;
        const general = makePool();
        // Twice: the second call of a valid request is a hit.
        for (const round of ["miss", "hit"]) {
          assert.is(
            inScope(specialisedPool, () => specialised[MULTI_DIM_METHOD]!(type, ...dims)),
            inScope(general, () => looseAcquire(general, type, ...dims)),
            `${MULTI_DIM_METHOD}(${type.name}, ${dims.map(String).join(", ")}) ${round}`,
          );
        }
      }
    }
  }
});

test("takeDims converts no dim: an object with valueOf is refused without being called", () => {
  let calls = 0;
  const sneaky = {
    valueOf(): number {
      calls++;
      return 4;
    },
  };
  for (const dims of [
    [sneaky, 4],
    [4, sneaky],
  ]) {
    const pool = new AdaptiveArrayPool() as unknown as PerType;
    assert.is(
      outcome(() => pool[MULTI_DIM_METHOD]!(Float64Array, ...dims)),
      outcome(() => looseAcquire(new AdaptiveArrayPool(), Float64Array, ...dims)),
    );
  }
  assert.is(calls, 0);
});

test("a two-dim request with the length of an earlier one still has each dim checked", () => {
  const sequences: unknown[][][] = [
    [
      [2, 2],
      [-2, -2],
    ],
    [
      [1, 4],
      [-1, -4],
    ],
    [
      [4, 2],
      [0.5, 16],
    ],
    [
      [3, 1],
      [undefined, 3],
    ],
  ];
  for (const [valid, invalid] of sequences) {
    const pool = new AdaptiveArrayPool();
    const specialised = pool as unknown as PerType;
    const takeDims = (dims: unknown[]) => specialised[MULTI_DIM_METHOD]!(Float64Array, ...dims);
    inScope(pool, () => takeDims(valid!));
    assert.is(
      inScope(pool, () => takeDims(invalid!)),
      outcome(() => looseAcquire(new AdaptiveArrayPool(), Float64Array, ...invalid!)),
      `${invalid!.map(String).join(", ")} after ${valid!.join(", ")}`,
    );
    assert.match(
      inScope(pool, () => takeDims(invalid!)),
      /Error/,
      "a repeated bad request",
    );
  }
});

test("after compact, a request of length or dims -1 is refused, not served from the slot", () => {
  const requests: [string, (pool: AdaptiveArrayPool) => TypedArray][] = [
    ["acquire(pool, Uint8Array, -1)", (pool) => looseAcquire(pool, Uint8Array, -1)],
    ["pool.acquireUint8(-1)", (pool) => pool.acquireUint8(-1)],
    ["acquire(pool, Uint8Array, -1, -1)", (pool) => looseAcquire(pool, Uint8Array, -1, -1)],
    ["pool.takeDims(Uint8Array, -1, -1)", (pool) => pool.takeDims(Uint8Array, -1, -1)],
  ];
  for (const [what, request] of requests) {
    for (const first of [
      (pool: Pool) => looseAcquire(pool, Uint8Array, 8),
      (pool: Pool) => looseAcquire(pool, Uint8Array, 2, 4),
    ]) {
      const pool = new AdaptiveArrayPool();
      inScope(pool, () => first(pool));
      pool.compact(); // keeps the buffer and its views, and makes the next acquire record its peak
      assert.match(
        inScope(pool, () => request(pool)),
        /^RangeError: dimension 1 must be/,
        what,
      );
    }
  }
});

/**
 * One side of the sequence test: a pool and how it serves one-dim and two-dim requests, with every
 * array it handed out so far (an outcome names an array by its first index, so two sides that hand
 * out the same views, reused in the same places, print the same outcomes).
 */
interface Side {
  readonly pool: AdaptiveArrayPool;
  readonly oneDim: (type: ElementType, length: unknown) => TypedArray;
  readonly twoDims: (type: ElementType, d0: unknown, d1: unknown) => TypedArray;
  readonly seen: TypedArray[];
  readonly buffers: ArrayBufferLike[];
}

function side(
  options: ConstructorParameters<typeof AdaptiveArrayPool>[0],
  specialised: boolean,
): Side {
  const pool = new AdaptiveArrayPool(options);
  const methods = pool as unknown as PerType;
  return {
    pool,
    oneDim: specialised
      ? (type, length) => methods[`acquire${type.name.slice(0, -"Array".length)}`]!(length)
      : (type, length) => looseAcquire(pool, type, length),
    twoDims: specialised
      ? (type, d0, d1) => methods[MULTI_DIM_METHOD]!(type, d0, d1)
      : (type, d0, d1) => looseAcquire(pool, type, d0, d1),
    seen: [],
    buffers: [],
  };
}

function indexOrAdd<T>(list: T[], item: T): number {
  const index = list.indexOf(item);
  return index >= 0 ? index : list.push(item) - 1;
}

function served(s: Side, call: () => TypedArray): string {
  try {
    const array = call();
    const view = indexOrAdd(s.seen, array);
    const buffer = indexOrAdd(s.buffers, array.buffer);
    return `${array.constructor.name}(${array.length}) view ${view} buffer ${buffer}`;
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

const SEQUENCE_DIMS: unknown[] = [0, -0, 1, 2, 3, 4, 6, 12, -1, 1.5, NaN, "4", undefined, null];
const SEQUENCE_TYPES: readonly ElementType[] = [Float64Array, Int32Array, Uint8Array];

interface Request {
  readonly twoDims: boolean;
  readonly type: ElementType;
  readonly d0: unknown;
  readonly d1: unknown;
}

/**
 * A few requests a sequence repeats, as a loop body would, so most of them hit; one-dim ones of
 * lengths 0..12 and [2, 3], so some fill a slot a two-dim one then hits with its length.
 */
function requestMenu(rng: () => number): Request[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  return Array.from({ length: 6 }, () => {
    const twoDims = rng() < 0.6;
    const d0 = twoDims ? pick(SEQUENCE_DIMS) : pick([0, 1, 2, 4, 6, 12, [2, 3], -1, "4"]);
    return { twoDims, type: pick(SEQUENCE_TYPES), d0, d1: pick(SEQUENCE_DIMS) };
  });
}

/** One random step on both sides; returns what each printed. */
function sequenceStep(
  rng: () => number,
  menu: readonly Request[],
  sides: readonly Side[],
): string[] {
  const r = rng();
  const request = menu[Math.floor(rng() * menu.length)]!;
  const token = rng();
  return sides.map((s) => {
    const pool = s.pool;
    if (r < 0.15) return `checkpoint ${pool.checkpoint()}`;
    if (r < 0.3) {
      if (pool.depth > 0) pool.rewind(1 + Math.floor(token * pool.depth));
      return `depth ${pool.depth}`;
    }
    if (r < 0.32) return `trim ${pool.trim().releasedBytes}`;
    if (r < 0.34) return `compact ${pool.compact({ factor: 1, minBytes: 0 }).releasedBytes}`;
    if (r < 0.35) {
      pool.reset();
      return "reset";
    }
    if (r < 0.38) {
      // The newest array's buffer transferred away: the next request of its slot must not hit.
      const buffer = s.seen[s.seen.length - 1]?.buffer as ArrayBuffer | undefined;
      if (buffer === undefined || buffer.byteLength === 0) return "nothing to detach";
      structuredClone(buffer, { transfer: [buffer] });
      return "detached";
    }
    const { type, d0, d1 } = request;
    return served(s, () => (request.twoDims ? s.twoDims(type, d0, d1) : s.oneDim(type, d0)));
  });
}

test("mixed one-dim and two-dim sequences: takeDims hands out the views acquire would", () => {
  for (const options of [{}, { maxRetainedBytes: 64 }]) {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = seededRng(seed);
      const menu = requestMenu(rng);
      const sides = [side(options, true), side(options, false)];
      const log: string[] = [];
      for (let step = 0; step < 300; step++) {
        const [specialised, general] = sequenceStep(rng, menu, sides);
        log.push(general!);
        assert.is(
          specialised,
          general,
          `seed ${seed} step ${step}, after:\n${log.slice(-8).join("\n")}`,
        );
      }
    }
  }
});

test.run();
