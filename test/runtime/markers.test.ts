/** The markers' runtime fallbacks: withPool, withPool(fn), maybeWithPool and `using poolScope`. */
import { once } from "node:events";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AdaptiveArrayPool,
  PoolStateError,
  acquire,
  getTaskLocalPool,
  maybeCheckpoint,
  maybeWithPool,
  maybePoolingEnabled,
  poolScope,
  poolingEnabled,
  setMaybePooling,
  withPool,
  zeros,
} from "../../runtime/index.js";
import { assertThrowsWith, snapshot } from "./helpers.js";

test("withPool keeps this, arguments, return value, name and length", () => {
  const pool = new AdaptiveArrayPool();
  const target = {
    scale: 3,
    sumScaled: withPool(pool, function sumScaled(this: { scale: number }, n: number, m: number) {
      const v = acquire(pool, Float64Array, n);
      v.fill(this.scale);
      assert.is(arguments.length, 2);
      return v.reduce((s, x) => s + x, 0) + m;
    }),
  };
  assert.is(target.sumScaled.name, "sumScaled");
  assert.is(target.sumScaled.length, 2);
  assert.is(target.sumScaled(4, 1), 13);
  assert.is(pool.depth, 0);
  assert.is(pool.activeCount(Float64Array), 0);
});

test("withPool keeps new.target for constructor calls", () => {
  const pool = new AdaptiveArrayPool();
  let seen: unknown;
  let depthInside = -1;
  const Made = withPool(pool, function Made(this: { size: number }, n: number) {
    seen = new.target;
    depthInside = pool.depth;
    this.size = acquire(pool, Int8Array, n).length;
  }) as unknown as new (n: number) => { size: number };
  const made = new Made(5);
  assert.is(made.size, 5);
  assert.is(seen, Made, "new.target is the function the caller constructed");
  assert.instance(made, Made);
  assert.is(depthInside, 1);
  assert.is(pool.depth, 0);
});

test("withPool rewinds on throw and rethrows the same error", () => {
  const pool = new AdaptiveArrayPool();
  const failure = new Error("boom");
  const failing = withPool(pool, (n: number) => {
    acquire(pool, Float64Array, n);
    pool.checkpoint(); // leaked inner level: cleaned by the wrapper's token
    acquire(pool, Int32Array, n);
    throw failure;
  });
  let caught: unknown;
  try {
    failing(3);
  } catch (error) {
    caught = error;
  }
  assert.is(caught, failure);
  assert.equal(snapshot(pool), snapshot(new AdaptiveArrayPool()));
});

test("nested withPool functions: the inner scope's arrays are reused, the outer's survive", () => {
  const pool = new AdaptiveArrayPool();
  const inner = withPool(pool, (n: number) => {
    const v = acquire(pool, Float64Array, n).fill(1);
    return { sum: v.reduce((s, x) => s + x, 0), buffer: v.buffer };
  });
  const outer = withPool(pool, (n: number) => {
    const mine = acquire(pool, Float64Array, n).fill(7);
    const first = inner(n);
    const second = inner(n);
    assert.is(first.buffer, second.buffer, "the second call reuses the first call's slot");
    assert.is.not(first.buffer, mine.buffer);
    assert.ok(mine.every((x) => x === 7));
    return first.sum + second.sum;
  });
  assert.is(outer(4), 8);
  assert.is(pool.depth, 0);
});

test("withPool(fn) uses the task-local pool, looked up per call", () => {
  const local = getTaskLocalPool();
  assert.is(getTaskLocalPool(), local);
  const before = snapshot(local);
  let depthInside = -1;
  const scoped = withPool(function scopedTaskLocal(n: number) {
    depthInside = local.depth;
    return zeros(local, Uint16Array, n).length;
  });
  assert.is(scoped.name, "scopedTaskLocal");
  assert.is(scoped(6), 6);
  assert.is(depthInside, before.depth + 1);
  assert.equal(snapshot(local), before);
});

test("maybeWithPool(fn) uses the task-local pool", () => {
  const local = getTaskLocalPool();
  const before = snapshot(local);
  const scoped = maybeWithPool(function maybeTaskLocal(): number {
    return local.depth;
  });
  assert.is(scoped(), before.depth + 1);
  assert.equal(snapshot(local), before);
});

test("each worker thread has its own task-local pool", async () => {
  const local = getTaskLocalPool();
  const before = snapshot(local);
  const runtime = join(__dirname, "..", "..", "runtime", "index.js");
  const worker = new Worker(
    `const r = require(${JSON.stringify(runtime)});` +
      `const { parentPort } = require("node:worker_threads");` +
      `for (let i = 0; i < 3; i++) r.acquire(r.getTaskLocalPool(), Float64Array, 8);` +
      `parentPort.postMessage(r.getTaskLocalPool().activeCount(Float64Array));`,
    { eval: true },
  );
  const [inWorker] = (await once(worker, "message")) as [number];
  await worker.terminate();
  assert.is(inWorker, 3, "the worker's pool started empty");
  assert.equal(snapshot(local), before, "this thread's pool is untouched");
});

test("async functions and generators are rejected when wrapped, with a TypeError", () => {
  const pool = new AdaptiveArrayPool();
  const cases: [string, unknown][] = [
    ["an async function", async function load() {}],
    ["an async function", async () => 1],
    ["a generator", function* gen() {}],
    ["an async generator", async function* agen() {}],
  ];
  for (const [kind, fn] of cases) {
    for (const wrap of [withPool, maybeWithPool] as const) {
      assertThrowsWith(
        () => wrap(pool, fn as () => void),
        TypeError,
        new RegExp(`${wrap.name}\\(\\w+\\): ${kind} would outlive its pool scope`),
      );
    }
  }
  assertThrowsWith(
    () => withPool(pool, 42 as unknown as () => void),
    TypeError,
    /withPool expects a function, got number/,
  );
});

test("a function returning a promise throws PoolStateError after rewinding", () => {
  const pool = new AdaptiveArrayPool();
  const deferred = withPool(pool, function deferred() {
    acquire(pool, Float64Array, 4);
    return Promise.resolve(1);
  });
  assertThrowsWith(() => deferred(), PoolStateError, /withPool\(deferred\) returned a promise/);
  assert.is(pool.depth, 0);
  assert.is(pool.activeCount(Float64Array), 0);
  const thenable = withPool(pool, () => ({ then() {} }));
  assertThrowsWith(() => thenable(), PoolStateError, /returned a promise/);
});

test("maybeWithPool with maybe-pooling on: an ordinary pooled scope", () => {
  const pool = new AdaptiveArrayPool();
  assert.is(maybePoolingEnabled(), true);
  let enabledInside = false;
  const fn = maybeWithPool(pool, (n: number) => {
    enabledInside = poolingEnabled(pool);
    return acquire(pool, Float64Array, n);
  });
  const first = fn(3);
  const second = fn(3);
  assert.is(enabledInside, true);
  assert.is(second, first, "pooled: the same cached view");
  assert.is(pool.stats().types[0]!.slots, 1);
});

test("maybeWithPool with maybe-pooling off: fresh arrays, pooling off inside, pool untouched", () => {
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  acquire(pool, Float64Array, 2);
  pool.rewind();
  const before = pool.stats();
  let enabledInside = true;
  const fn = maybeWithPool(pool, (n: number) => {
    enabledInside = poolingEnabled(pool);
    return [acquire(pool, Float64Array, n), zeros(pool, Int32Array, n)] as const;
  });
  setMaybePooling(false);
  try {
    assert.is(maybePoolingEnabled(), false);
    const [a, b] = fn(2);
    const [c] = fn(2);
    assert.is(enabledInside, false);
    assert.is.not(c, a, "a fresh array per call");
    assert.is(a.buffer.byteLength, 16, "an ordinary array, not a view of a pooled buffer");
    assert.equal(Array.from(b), [0, 0]);
  } finally {
    setMaybePooling(true);
  }
  assert.is(poolingEnabled(pool), true, "pooling is back on after the call");
  assert.equal(pool.stats().types, before.types);
  assert.is(pool.depth, 0);
});

test("maybe-pooling off also bypasses a withPool nested inside the maybe-scope", () => {
  const pool = new AdaptiveArrayPool();
  const inner = withPool(pool, () => acquire(pool, Float32Array, 3));
  const outer = maybeWithPool(pool, () => [inner(), inner()] as const);
  setMaybePooling(false);
  try {
    const [x, y] = outer();
    assert.is.not(x, y);
  } finally {
    setMaybePooling(true);
  }
  assert.is(pool.stats().types.length, 0, "nothing was pooled");
});

test("a maybe-scope with pooling off is a scope level: leaks inside it are cleaned by its token", () => {
  const pool = new AdaptiveArrayPool();
  setMaybePooling(false);
  try {
    const token = maybeCheckpoint(pool);
    assert.is(token, 1, "the same depth token as with pooling on");
    pool.checkpoint(); // leaked inner level
    assert.is(poolingEnabled(pool), false);
    pool.rewind(token);
  } finally {
    setMaybePooling(true);
  }
  assert.is(pool.depth, 0);
  assert.is(poolingEnabled(pool), true);
});

test("a leaked pooling-off maybe-scope is closed by the enclosing scope's token", () => {
  const pool = new AdaptiveArrayPool();
  const outer = pool.checkpoint();
  setMaybePooling(false);
  try {
    maybeCheckpoint(pool); // never rewound, e.g. an exception caught by hand
  } finally {
    setMaybePooling(true);
  }
  assert.is(poolingEnabled(pool), false);
  pool.rewind(outer);
  assert.is(poolingEnabled(pool), true, "pooling is back on once the leaked scope is closed");
  assert.is(pool.depth, 0);
  pool.checkpoint();
  const a = acquire(pool, Float64Array, 2);
  pool.rewind();
  pool.checkpoint();
  assert.is(acquire(pool, Float64Array, 2), a, "pooled again");
  pool.rewind();
});

test("reset closes pooling-off maybe-scopes too", () => {
  const pool = new AdaptiveArrayPool();
  setMaybePooling(false);
  try {
    maybeCheckpoint(pool);
  } finally {
    setMaybePooling(true);
  }
  pool.reset();
  assert.is(poolingEnabled(pool), true);
  assert.is(pool.stats().pooling, true);
});

test("poolScope with `using` rewinds at block exit, also on an exception", () => {
  const pool = new AdaptiveArrayPool();
  const before = snapshot(pool);
  {
    using _scope = poolScope(pool);
    acquire(pool, Float64Array, 3);
    assert.is(pool.depth, 1);
    {
      using _inner = poolScope(pool);
      acquire(pool, Int32Array, 3);
      assert.is(pool.depth, 2);
    }
    assert.is(pool.activeCount(Int32Array), 0);
  }
  assert.equal(snapshot(pool), before);
  const failing = (): void => {
    using _scope = poolScope(pool);
    acquire(pool, Float64Array, 3);
    pool.checkpoint(); // leaked: the handle's token closes it too
    throw new RangeError("inside the block");
  };
  assertThrowsWith(failing, RangeError, /inside the block/);
  assert.equal(snapshot(pool), before);
});

test("poolScope handles are cached per depth; poolScope() uses the task-local pool", () => {
  const pool = new AdaptiveArrayPool();
  const first = poolScope(pool);
  first[Symbol.dispose]();
  const second = poolScope(pool);
  assert.is(second, first, "the same handle object for the same depth");
  second[Symbol.dispose]();
  const local = getTaskLocalPool();
  const depth = local.depth;
  {
    using _scope = poolScope();
    assert.is(local.depth, depth + 1);
  }
  assert.is(local.depth, depth);
});

test.run();
