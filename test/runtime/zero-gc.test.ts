/**
 * A warmed-up pooled hot loop allocates nothing: 100k iterations without a single GC, observed with a
 * 'gc' PerformanceObserver. A control loop that allocates a fresh Float64Array per iteration must show
 * GCs under the same observer, so this test can fail.
 */
// test-runner: own process. The observer sees every collection of the process, so another file's
// heap or leftover work there can put a GC inside a measured loop (it did, after bundler tests), and
// each gc() call here collects all of that heap.
import { PerformanceObserver } from "node:perf_hooks";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AdaptiveArrayPool, acquire, withPool, zeros } from "../../runtime/index.js";

const ITERATIONS = 100_000;
const N = 16;

/**
 * Results go into a preallocated array: returning a double from a function that is not inlined would
 * box it in a fresh HeapNumber, an allocation of the test's own.
 */
const sink = new Float64Array(1);
/** Keeps the control's arrays reachable so the compiler cannot elide their allocation. */
const keep: Float64Array[] = new Array<Float64Array>(8);

function pooledLoop(pool: AdaptiveArrayPool, iterations: number): void {
  for (let i = 0; i < iterations; i++) {
    const token = pool.checkpoint();
    const v = acquire(pool, Float64Array, N);
    for (let j = 0; j < N; j++) v[j] = j + i;
    let sum = 0;
    for (let j = 0; j < N; j++) sum += v[j]!;
    sink[0]! += sum;
    pool.rewind(token);
  }
}

/** Nested scopes, two element types, zeros: still nothing allocated. */
function nestedLoop(pool: AdaptiveArrayPool, iterations: number): void {
  for (let i = 0; i < iterations; i++) {
    const outer = pool.checkpoint();
    const a = zeros(pool, Float64Array, N);
    const inner = pool.checkpoint();
    const idx = acquire(pool, Int32Array, 4, 4);
    for (let j = 0; j < N; j++) idx[j] = j;
    for (let j = 0; j < N; j++) a[idx[j]!] = a[j]! + j;
    pool.rewind(inner);
    sink[0]! += a[N - 1]!;
    pool.rewind(outer);
  }
}

/** The transformer's emitted calls: per-type one-dim acquires and two-dim takeDims. */
function specialisedLoop(pool: AdaptiveArrayPool, iterations: number): void {
  for (let i = 0; i < iterations; i++) {
    const token = pool.checkpoint();
    const a = pool.takeDims(Float64Array, 4, 4) as Float64Array;
    const b = pool.acquireFloat64(N);
    for (let j = 0; j < N; j++) b[j] = a[j] = j + i;
    sink[0]! += a[N - 1]! + b[3]!;
    pool.rewind(token);
  }
}

function allocatingLoop(iterations: number): void {
  for (let i = 0; i < iterations; i++) {
    const v = new Float64Array(N);
    for (let j = 0; j < N; j++) v[j] = j + i;
    let sum = 0;
    for (let j = 0; j < N; j++) sum += v[j]!;
    sink[0]! += sum;
    keep[i & 7] = v;
  }
}

function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  assert.type(gc, "function", "run the tests with node --expose-gc");
  gc!();
}

/** GC events while `work` runs: the young generation is emptied first, entries are awaited after. */
async function gcCount(work: () => void): Promise<number> {
  collectGarbage();
  await tick(); // the collection above is reported before the observer starts
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    count += list.getEntries().length;
  });
  observer.observe({ entryTypes: ["gc"] });
  work();
  await tick(); // observer callbacks are delivered asynchronously
  observer.disconnect();
  return count;
}

function warmUp(work: (iterations: number) => void): void {
  for (let round = 0; round < 5; round++) work(20_000);
}

test("control: a fresh Float64Array per iteration shows GCs", async () => {
  warmUp(allocatingLoop);
  const gcs = await gcCount(() => allocatingLoop(ITERATIONS));
  assert.ok(gcs > 0, `the control loop must be observed collecting, saw ${gcs} GCs`);
});

test("a warmed-up acquire/fill/sum/rewind loop runs 100k iterations with zero GCs", async () => {
  const pool = new AdaptiveArrayPool();
  warmUp((n) => pooledLoop(pool, n));
  const gcs = await gcCount(() => pooledLoop(pool, ITERATIONS));
  assert.is(gcs, 0);
  assert.is(pool.depth, 0);
  assert.is(pool.stats().types[0]!.slots, 1);
});

test("nested scopes over two element types with zeros: zero GCs", async () => {
  const pool = new AdaptiveArrayPool();
  warmUp((n) => nestedLoop(pool, n));
  const gcs = await gcCount(() => nestedLoop(pool, ITERATIONS));
  assert.is(gcs, 0);
});

test("the transformer's acquireFloat64 and takeDims: zero GCs", async () => {
  const pool = new AdaptiveArrayPool();
  warmUp((n) => specialisedLoop(pool, n));
  const gcs = await gcCount(() => specialisedLoop(pool, ITERATIONS));
  assert.is(gcs, 0);
});

test("the withPool runtime fallback's steady state: zero GCs", async () => {
  const pool = new AdaptiveArrayPool();
  const step = withPool(pool, function step(i: number): void {
    const v = acquire(pool, Float64Array, N);
    for (let j = 0; j < N; j++) v[j] = j + i;
    let sum = 0;
    for (let j = 0; j < N; j++) sum += v[j]!;
    sink[0]! += sum;
  });
  const loop = (iterations: number): void => {
    for (let i = 0; i < iterations; i++) step(i);
  };
  warmUp(loop);
  const gcs = await gcCount(() => loop(ITERATIONS));
  assert.is(gcs, 0);
});

test.run();
