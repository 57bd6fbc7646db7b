/**
 * Check mode (issue 12): use after rewind cannot touch live data, acquires hand out poison, results are
 * inspected for escaping memory, a scope open across an await is reported with its site, and stale
 * tokens name the scope's site. Every error is checked with its exact message.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AdaptiveArrayPool,
  PoolEscapeError,
  PoolStateError,
  acquire,
  checkAt,
  getTaskLocalPool,
  maybeCheckpoint,
  ones,
  runtimeCheckEnabled,
  setMaybePooling,
  setRuntimeCheck,
  withPool,
  zeros,
} from "../../runtime/index.js";
import type { TypedArray } from "../../runtime/index.js";
import { ALL_TYPES, assertDisjoint, elements } from "./helpers.js";

const ESCAPE_TAIL =
  ": its memory is handed out again as soon as the scope ends. Return a copy (slice(), " +
  "Array.from) or a scalar instead.";

function escapeMessage(what: string, site: string, escape: string, path: string): string {
  return `${what} acquired at ${site} escapes its pool scope at ${escape} (${path})${ESCAPE_TAIL}`;
}

function thrownBy(body: () => unknown): unknown {
  try {
    body();
  } catch (error) {
    return error;
  }
  return assert.unreachable("expected an error, nothing was thrown");
}

const POISON: Record<string, number> = {
  Float64Array: NaN,
  Float32Array: NaN,
  Float16Array: NaN,
  Int32Array: 2147483647,
  Uint32Array: 4294967295,
  Int16Array: 32767,
  Uint16Array: 65535,
  Int8Array: 127,
  Uint8Array: 255,
  Uint8ClampedArray: 255,
  BigInt64Array: 2 ** 63, // 2^63 - 1 as a double
  BigUint64Array: 2 ** 64,
};

function checkedPool(): AdaptiveArrayPool {
  return new AdaptiveArrayPool({ check: true });
}

test("acquire hands out poison: NaN for floats, the maximum for integers, every type", () => {
  const pool = checkedPool();
  const token = pool.checkpoint();
  for (const type of ALL_TYPES) {
    const array = acquire(pool, type, 5) as TypedArray;
    const expected = POISON[type.name];
    assert.ok(expected !== undefined, type.name);
    for (const value of elements(array)) assert.equal(value, expected, type.name);
  }
  // zeros and ones still fill: poison only replaces "whatever the slot held last".
  assert.equal(elements(zeros(pool, Float64Array, 3)), [0, 0, 0]);
  assert.equal(elements(ones(pool, Int32Array, 2)), [1, 1]);
  pool.rewind(token);
});

test("the transformer's takeDims is checked too: fresh poisoned arrays, detached at rewind, hits included", () => {
  const pool = checkedPool();
  const stale: TypedArray[] = [];
  for (let round = 0; round < 3; round++) {
    const token = pool.checkpoint();
    const array = pool.takeDims(Float64Array, 2, 3);
    assert.equal(elements(array), [NaN, NaN, NaN, NaN, NaN, NaN], `round ${round}`);
    assert.ok(!stale.includes(array), "a fresh array every time");
    stale.push(array);
    pool.rewind(token);
    assert.is(array.length, 0, "detached when its scope rewinds");
  }
  assert.throws(() => pool.takeDims(Float64Array, -1, 2), /dimension 1 must be an integer/);
});

test("a stale array read after its scope in a loop cannot read the next scope's data", () => {
  for (const check of [false, true]) {
    const pool = new AdaptiveArrayPool({ check });
    let stale: Float64Array = new Float64Array(0);
    withPool(pool, () => {
      stale = acquire(pool, Float64Array, 64).fill(1);
    })();
    const staleSum = withPool(pool, () => {
      const live = acquire(pool, Float64Array, 64).fill(7);
      let sum = 0;
      for (let i = 0; i < stale.length; i++) sum += stale[i]!; // the bug under test
      for (let i = 0; i < stale.length; i++) stale[i] = -1; // and a stale write
      assert.ok(live.every((x) => x === 7) || !check, "check mode: the live array is untouched");
      return sum;
    })();
    if (check) {
      assert.is(stale.length, 0, "the released buffer is detached");
      assert.is(staleSum, 0);
      assert.is(stale[0], undefined);
    } else {
      // Without check mode the stale view aliases the next scope's array: the bug check mode exposes.
      assert.is(staleSum, 64 * 7);
    }
  }
});

test("released memory is detached for subarrays and views over .buffer too; live arrays stay", () => {
  const pool = checkedPool();
  const outer = pool.checkpoint();
  const kept = acquire(pool, Int32Array, 8).fill(3);
  const inner = pool.checkpoint();
  const v = acquire(pool, Uint8Array, 16);
  const sub = v.subarray(4, 8);
  const view = new DataView(v.buffer);
  const other = new Float32Array(v.buffer, 0, 2);
  pool.rewind(inner);
  assert.is(v.length, 0);
  assert.is(sub.length, 0);
  assert.is(other.length, 0);
  assert.throws(() => view.getUint8(0), TypeError);
  assert.equal(elements(kept), [3, 3, 3, 3, 3, 3, 3, 3]);
  const again = acquire(pool, Uint8Array, 16);
  assert.is(again.length, 16, "the next acquire works");
  assertDisjoint([kept, again]);
  pool.rewind(outer);
  assert.is(kept.length, 0);
  assert.is(pool.depth, 0);
});

test("reset detaches every array, depth-0 acquires included; trim and compact leave live arrays", () => {
  const pool = checkedPool();
  const outside = acquire(pool, Float64Array, 4).fill(2);
  pool.checkpoint();
  const inside = acquire(pool, Float64Array, 4).fill(5);
  pool.trim();
  pool.compact({ factor: 1, minBytes: 0 });
  assert.equal(elements(outside), [2, 2, 2, 2]);
  assert.equal(elements(inside), [5, 5, 5, 5]);
  pool.reset();
  assert.is(outside.length, 0);
  assert.is(inside.length, 0);
  assert.is(pool.depth, 0);
});

test("PoolEscapeError: the array itself, with the transformer's sites", () => {
  const pool = checkedPool();
  const token = pool.checkpoint();
  const v = acquire(checkAt(pool, "src/norm.ts:4:13"), Float64Array, 16);
  const error = thrownBy(() => pool.checkResult(v, token, "src/norm.ts:9:3"));
  assert.instance(error, PoolEscapeError);
  const escape = error as PoolEscapeError;
  assert.is(
    escape.message,
    escapeMessage(
      "a Float64Array of length 16",
      "src/norm.ts:4:13",
      "src/norm.ts:9:3",
      "the returned value itself",
    ),
  );
  assert.is(escape.name, "PoolEscapeError");
  assert.is(escape.typeName, "Float64Array");
  assert.is(escape.length, 16);
  assert.is(escape.acquiredAt, "src/norm.ts:4:13");
  assert.is(escape.escapedAt, "src/norm.ts:9:3");
  pool.rewind(token);
});

const CONTAINERS: readonly (readonly [string, (v: TypedArray) => unknown, string])[] = [
  ["an array", (v) => [1, v], "the returned value's [1]"],
  ["a plain object", (v) => ({ sum: 3, rows: { data: v } }), "the returned value's .rows.data"],
  ["a Map value", (v) => new Map([["k", v]]), 'the returned value\'s .get("k")'],
  ["a Map key", (v) => new Map([[v, 1]]), "the returned value's (a Map key)"],
  ["a Set", (v) => new Set([v]), "the returned value's (a Set entry)"],
  ["a subarray", (v) => v.subarray(2), "the returned value itself"],
  ["its buffer", (v) => ({ bytes: v.buffer }), "the returned value's .bytes"],
  ["a DataView", (v) => [new DataView(v.buffer)], "the returned value's [0]"],
  [
    "an unknown helper's wrapper",
    (v) => JSON.parse("[{}]").concat([{ wrapped: [new Map([[0, v]])] }]),
    "the returned value's [1].wrapped[0].get(0)",
  ],
];

for (const [how, wrap, path] of CONTAINERS) {
  test(`PoolEscapeError through ${how}, from the withPool fallback (scope rewound after)`, () => {
    const pool = checkedPool();
    const pooled = withPool(pool, function pooled() {
      return wrap(acquire(checkAt(pool, "src/a.ts:2:3"), Int16Array, 6));
    });
    const error = thrownBy(pooled);
    assert.instance(error, PoolEscapeError);
    assert.is(
      (error as Error).message,
      escapeMessage("an Int16Array of length 6", "src/a.ts:2:3", "withPool(pooled)", path),
    );
    assert.is(pool.depth, 0, "the scope was rewound");
    assert.is(pool.activeCount(Int16Array), 0);
    assert.is(acquire(pool, Int16Array, 6).length, 6, "the pool stays usable");
  });
}

test("results that are not memory of the closing scope pass", () => {
  const pool = checkedPool();
  const outerToken = pool.checkpoint();
  const outer = acquire(pool, Float64Array, 4);
  const plain = new Float64Array(4);
  const pooled = withPool(pool, function pooled() {
    const inner = acquire(pool, Float64Array, 4).fill(2);
    return { outer, plain, copy: inner.slice(), list: [1, "x", null, undefined], fn: () => inner };
  });
  const result = pooled();
  assert.is(result.outer, outer);
  assert.equal(elements(result.copy), [2, 2, 2, 2]);
  const inner = pool.checkpoint();
  pool.checkResult({ outer }, inner, "x"); // an outer scope's memory leaving an inner scope: fine
  pool.rewind(inner);
  assert.instance(
    thrownBy(() => pool.checkResult({ outer }, outerToken, "x")),
    PoolEscapeError,
    "the same memory leaving its own scope",
  );
  pool.rewind(outerToken);
});

test("the search is bounded: deeper than 4 levels is not looked into", () => {
  const pool = checkedPool();
  const token = pool.checkpoint();
  const v = acquire(pool, Float64Array, 2);
  pool.checkResult([[[[{}]]]], token, "x");
  assert.instance(
    thrownBy(() => pool.checkResult([[[[v]]]], token, "x")),
    PoolEscapeError,
  );
  pool.checkResult([[[[[v]]]]], token, "x"); // depth 5: documented limit
  const cyclic: unknown[] = [];
  cyclic.push(cyclic, cyclic);
  pool.checkResult(cyclic, token, "x");
  pool.rewind(token);
});

test("without the transformer the acquire site is the caller's file:line:col", () => {
  const pool = checkedPool();
  const pooled = withPool(pool, function pooled() {
    return acquire(pool, Uint8Array, 3); // SITE-MARKER
  });
  const error = thrownBy(pooled) as PoolEscapeError;
  const lines = readFileSync(__filename, "utf8").split("\n");
  const line = lines.findIndex((text) => text.includes("// SITE-MARKER")) + 1;
  assert.match(error.acquiredAt, new RegExp(`check-mode\\.test\\.js:${line}:\\d+$`));
  assert.is(error.escapedAt, "withPool(pooled)");
});

test("a stale token's PoolStateError names the site that opened its scope", () => {
  const pool = checkedPool();
  const first = checkAt(pool, "src/job.ts:10:5").checkpoint();
  pool.rewind(first);
  const error = thrownBy(() => pool.rewind(first));
  assert.instance(error, PoolStateError);
  assert.is(
    (error as Error).message,
    "rewind(1) but the pool is at depth 0: that scope was already rewound (out-of-order rewinds, " +
      "e.g. two async tasks sharing one pool; give each task its own pool); that scope was opened " +
      "at src/job.ts:10:5",
  );
  const outer = checkAt(pool, "src/job.ts:20:5").checkpoint();
  const inner = checkAt(pool, "src/job.ts:21:7").checkpoint();
  pool.rewind(outer);
  assert.match(
    (thrownBy(() => pool.rewind(inner)) as Error).message,
    /opened at src\/job.ts:21:7$/,
  );
  assert.is(
    (thrownBy(() => pool.rewind()) as Error).message,
    "rewind() without an open scope: call checkpoint() first",
  );
  assert.is(pool.depth, 0);
});

test("a scope left open across an await is reported with its site (real setTimeout interleave)", async () => {
  const pool = checkedPool();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const events: string[] = [];
  async function slowTask(): Promise<number> {
    const token = checkAt(pool, "src/task.ts:3:17").checkpoint();
    const v = acquire(pool, Float64Array, 4).fill(1);
    await sleep(20); // the bug: awaiting inside the scope
    const sum = v[0]!;
    pool.rewind(token);
    events.push("slow task done");
    return sum;
  }
  const interleaving = withPool(pool, function interleaving() {
    return acquire(pool, Float64Array, 4).fill(2)[0];
  });
  const slow = slowTask();
  await sleep(1);
  const error = thrownBy(interleaving);
  assert.instance(error, PoolStateError);
  assert.is(
    (error as Error).message,
    "the pool scope opened at src/task.ts:3:17 (depth 1) was still open when the task that opened " +
      "it ended: an await (or a callback) ran inside the scope, so other tasks can interleave on the " +
      "pool and be handed its live arrays. Finish the pooled work before awaiting, or give each task " +
      "its own pool.",
  );
  assert.is(pool.depth, 1, "the interleaving call left nothing open");
  assert.is(await slow, 1);
  assert.equal(events, ["slow task done"]);
  assert.is(pool.depth, 0);
  assert.is(interleaving(), 2, "reported once; the pool stays usable");
});

test("an await inside a scope with no interleaving is reported at the scope's own rewind", async () => {
  const pool = checkedPool();
  const token = checkAt(pool, "src/one.ts:1:1").checkpoint();
  await Promise.resolve();
  const error = thrownBy(() => pool.rewind(token));
  assert.match((error as Error).message, /^the pool scope opened at src\/one.ts:1:1 \(depth 1\)/);
  assert.is(pool.depth, 0, "the rewind itself happened");
  // Scopes opened and closed within one task are never reported.
  withPool(pool, () => acquire(pool, 4)[0])();
  await Promise.resolve();
  withPool(pool, () => acquire(pool, 4)[0])();
});

test("pooling-off maybe-scopes in check mode: fresh poisoned arrays, nothing tracked", () => {
  const pool = checkedPool();
  setMaybePooling(false);
  try {
    const token = maybeCheckpoint(pool);
    const v = acquire(pool, Float64Array, 3);
    assert.ok(Number.isNaN(v[0]));
    pool.checkResult(v, token, "x");
    pool.rewind(token);
    assert.is(v.length, 3, "an ordinary array: not detached");
  } finally {
    setMaybePooling(true);
  }
});

test("check mode switched on and off between calls (task-local pool, setRuntimeCheck)", () => {
  const leak = withPool(function leak() {
    return acquire(getTaskLocalPool(), Float64Array, 2);
  });
  assert.is(runtimeCheckEnabled(), false);
  const before = leak();
  assert.is(before.length, 2, "off: returned as is");
  setRuntimeCheck(true);
  try {
    assert.is(getTaskLocalPool().checkMode, true);
    assert.is(new AdaptiveArrayPool().checkMode, true, "new pools default to the switch");
    assert.is(new AdaptiveArrayPool({ check: false }).checkMode, false);
    assert.instance(thrownBy(leak), PoolEscapeError);
  } finally {
    setRuntimeCheck(false);
  }
  assert.is(getTaskLocalPool().checkMode, false);
  assert.is(new AdaptiveArrayPool().checkMode, false);
  assert.is(leak().length, 2, "off again: no inspection");
  assert.is(getTaskLocalPool().depth, 0);
  assert.throws(() => setRuntimeCheck(1 as unknown as boolean), TypeError);
});

test("the environment variable puts the task-local pool and new pools in check mode", () => {
  const script =
    `const aap = require(${JSON.stringify(require.resolve("../../runtime/index.js"))});` +
    "console.log(JSON.stringify([aap.runtimeCheckEnabled(), aap.getTaskLocalPool().checkMode," +
    " new aap.AdaptiveArrayPool().checkMode, new aap.AdaptiveArrayPool({ check: false }).checkMode]));";
  const run = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    env: { ...process.env, ADAPTIVE_ARRAY_POOLS_CHECK: "1" },
  });
  assert.is(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout), [true, true, true, false]);
});

test.run();
