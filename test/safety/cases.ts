/**
 * The cases as small programs, formatted as prettier would (they are also the fixture inputs).
 * Every source starts with the same six header lines: a case's own code starts at line 7.
 */
import type { Case } from "./analyse.js";

const HEADER = [
  `import { AdaptiveArrayPool, withPool, maybeWithPool, poolScope } from "adaptive-array-pools";`,
  `import { acquire, zeros, ones, similar, rand, randn } from "adaptive-array-pools";`,
  `const pool = new AdaptiveArrayPool();`,
  `declare function sum(a: ArrayLike<number>): number;`,
  `declare const port: MessagePort;`,
  `declare function use(x: unknown): void;`,
].join("\n");

function program(name: string, body: string): Case {
  return { name, source: `${HEADER}\n${body.replace(/^\n/, "")}` };
}

/** Issue list 1: definite escapes. */
export const ESCAPES: readonly Case[] = [
  program(
    "return-array",
    `
export const f = withPool(pool, function f(n: number) {
  const v = acquire(pool, n);
  return v;
});`,
  ),
  program(
    "return-alias",
    `
export const f = withPool(pool, function f(n: number) {
  const v = zeros(pool, n);
  const w = v;
  return w;
});`,
  ),
  program(
    "return-array-literal",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return [v, 1];
});`,
  ),
  program(
    "return-shorthand-object",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return { v };
});`,
  ),
  program(
    "return-object-property",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return { data: v };
});`,
  ),
  program(
    "return-nested-literal",
    `
export const f = withPool(pool, function f(s: number) {
  const v = acquire(pool, 3);
  return [s, { inner: [v] }];
});`,
  ),
  program(
    "return-conditional",
    `
export const f = withPool(pool, function f(c: boolean) {
  const v = acquire(pool, 3);
  return c ? v : null;
});`,
  ),
  program(
    "return-if-else-branches",
    `
export const f = withPool(pool, function f(c: boolean) {
  const v = acquire(pool, 3);
  const w = ones(pool, 3);
  if (c) {
    return v;
  } else {
    return w;
  }
});`,
  ),
  program(
    "return-switch-case",
    `
export const f = withPool(pool, function f(k: number) {
  const v = rand(pool, 3);
  switch (k) {
    case 0:
      return 0;
    case 1:
      return v;
    default:
      return null;
  }
});`,
  ),
  program(
    "return-fill",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return v.fill(0);
});`,
  ),
  program(
    "return-subarray",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, Int32Array, 3);
  return v.subarray(1);
});`,
  ),
  program(
    "return-buffer",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return v.buffer;
});`,
  ),
  program(
    "return-acquire-directly",
    `
export const f = withPool(pool, function f() {
  return acquire(pool, 4);
});`,
  ),
  program(
    "arrow-expression-body",
    `
export const f = withPool(pool, (n: number) => zeros(pool, n));`,
  ),
  program(
    "return-capturing-closure",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return () => v[0];
});`,
  ),
  program(
    "return-in-loop",
    `
export const f = withPool(pool, function f(n: number) {
  const v = randn(pool, n);
  for (let i = 0; i < n; i++) {
    if (v[i]! > 1) return v;
  }
  return null;
});`,
  ),
  program(
    "return-in-try",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  try {
    return v;
  } finally {
    use(0);
  }
});`,
  ),
  program(
    "return-destructured",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  const [a] = [v];
  return a;
});`,
  ),
  program(
    "return-same-memory-methods",
    `
export const f = withPool(pool, function f(k: number) {
  const v = similar(pool, new Float64Array(4), Float32Array);
  if (k === 0) return v.sort();
  if (k === 1) return v.reverse();
  if (k === 2) return v.copyWithin(0, 1);
  return new Float32Array(v.buffer, 4, 2);
});`,
  ),
  program(
    "block-scope-return",
    `
export function f(n: number) {
  using _scope = poolScope(pool);
  const v = acquire(pool, n);
  return v;
}`,
  ),
  program(
    "maybe-with-pool-return",
    `
export const f = maybeWithPool(pool, function f() {
  const v = acquire(pool, 2);
  return v;
});`,
  ),
];

/** Issue list 1, second half: possible escapes (warnings). */
export const POSSIBLE_ESCAPES: readonly Case[] = [
  program(
    "assign-outer-variable",
    `
let last: Float64Array | undefined;
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  last = v;
  return 0;
});`,
  ),
  program(
    "assign-outer-property",
    `
const cache = { data: new Float64Array(0) };
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  cache.data = v;
  return 0;
});`,
  ),
  program(
    "push-outer-container",
    `
const all: Float64Array[] = [];
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  all.push(v);
  return 0;
});`,
  ),
  program(
    "post-message",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  port.postMessage(v);
  return 0;
});`,
  ),
  program(
    "transfer-list-array",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  structuredClone(v, { transfer: [v] as unknown as Transferable[] });
  return 0;
});`,
  ),
];

/** Issue list 2: must not be reported. */
export const NOT_REPORTED: readonly Case[] = [
  program(
    "ok-return-sum",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return sum(v);
});`,
  ),
  program(
    "ok-return-element",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return v[0];
});`,
  ),
  program(
    "ok-return-length",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return v.length;
});`,
  ),
  program(
    "ok-return-slice",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return v.slice();
});`,
  ),
  program(
    "ok-return-array-from",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return Array.from(v);
});`,
  ),
  program(
    "ok-return-typed-copy",
    `
export const f = withPool(pool, function f(k: number) {
  const v = acquire(pool, 3);
  return k > 0 ? new Float64Array(v) : Float64Array.from(v);
});`,
  ),
  program(
    "ok-return-map",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return v.map((x) => x * 2);
});`,
  ),
  program(
    "ok-reassigned-fresh",
    `
export const f = withPool(pool, function f() {
  let v = acquire(pool, 3);
  v = new Float64Array(3);
  return v;
});`,
  ),
  program(
    "ok-nested-function-same-name",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  function make() {
    const v = new Float64Array(3);
    return v;
  }
  return make()[0]! + v[0]!;
});`,
  ),
  program(
    "ok-shadowing-block",
    `
export const f = withPool(pool, function f(c: boolean) {
  const v = acquire(pool, 3);
  if (c) {
    const v = new Float64Array(3);
    return v;
  }
  return v[0];
});`,
  ),
  program(
    "ok-array-from-outside",
    `
const kept = new Float64Array(3);
export const f = withPool(pool, function f(input: Float64Array) {
  const v = acquire(pool, 3);
  v.set(input);
  return input.length > 0 ? input : kept;
});`,
  ),
  program(
    "ok-closure-called-inside",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  const first = () => v[0];
  return first();
});`,
  ),
  program(
    "ok-return-nothing",
    `
export const f = withPool(pool, function f(out: Float64Array) {
  const v = acquire(pool, 3);
  out.set(v);
  return;
});`,
  ),
  program(
    "ok-local-container",
    `
export const f = withPool(pool, function f() {
  const parts: Float64Array[] = [];
  parts.push(acquire(pool, 3));
  return parts.length;
});`,
  ),
];

/** Issue item 3: interleaving in block scopes. */
export const INTERLEAVING: readonly Case[] = [
  program(
    "await-in-block-scope",
    `
export async function f(load: () => Promise<number>) {
  using _scope = poolScope(pool);
  const v = acquire(pool, 3);
  v[0] = await load();
  return v[0];
}`,
  ),
  program(
    "yield-in-block-scope",
    `
export function* f() {
  using _scope = poolScope();
  const v = acquire(pool, 3);
  yield v[0];
}`,
  ),
  program(
    "for-await-in-block-scope",
    `
export async function f(chunks: AsyncIterable<number>) {
  using _scope = poolScope(pool);
  const v = acquire(pool, 3);
  for await (const x of chunks) v[0] = x;
  return v[0];
}`,
  ),
  program(
    "ok-await-after-block-scope",
    `
export async function f(load: () => Promise<number>) {
  let total = 0;
  {
    using _scope = poolScope(pool);
    const v = acquire(pool, 3);
    total = sum(v);
  }
  return total + (await load());
}`,
  ),
  program(
    "ok-await-on-private-pool",
    `
export async function f(load: () => Promise<number>) {
  const own = new AdaptiveArrayPool();
  using _scope = poolScope(own);
  const v = acquire(own, 3);
  v[0] = await load();
  return v[0];
}`,
  ),
  program(
    "ok-await-in-nested-function",
    `
export function f(load: () => Promise<number>) {
  using _scope = poolScope(pool);
  const v = acquire(pool, 3);
  const later = async () => (await load()) + 1;
  return sum(v) + (later === undefined ? 0 : 1);
}`,
  ),
];

/** Issue item 4: buffer detachment. */
export const DETACH: readonly Case[] = [
  program(
    "detach-buffer-transfer",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  const moved = (v.buffer as unknown as { transfer(): ArrayBuffer }).transfer();
  return moved.byteLength;
});`,
  ),
  program(
    "detach-structured-clone",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  const copy = structuredClone(v, { transfer: [v.buffer] });
  return copy.length;
});`,
  ),
  program(
    "detach-post-message",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  port.postMessage({ n: v.length }, [v.buffer]);
  return 0;
});`,
  ),
];

/** Nested scopes: each problem is reported once, by the scope that owns the array. */
export const NESTING: readonly Case[] = [
  program(
    "nested-block-in-function",
    `
export const f = withPool(pool, function f() {
  const outer = acquire(pool, 3);
  {
    using _inner = poolScope(pool);
    const inner = acquire(pool, 3);
    if (inner[0] === 0) return inner;
  }
  return outer;
});`,
  ),
];

/** Harder shapes: flow through assignments, branches and loops, hoisting, wrappers, sinks. */
export const EDGE_CASES: readonly Case[] = [
  program(
    "edge-assigned-after-declaration",
    `
export const f = withPool(pool, function f() {
  let v: Float64Array;
  v = acquire(pool, 3);
  return v;
});`,
  ),
  program(
    "edge-reassigned-in-one-branch",
    `
export const f = withPool(pool, function f(c: boolean) {
  let v = new Float64Array(3);
  if (c) v = acquire(pool, 3);
  return v;
});`,
  ),
  program(
    "edge-assigned-late-in-loop",
    `
export const f = withPool(pool, function f(xs: number[]) {
  let out = new Float64Array(1);
  for (const x of xs) {
    if (x > 0) return out;
    out = acquire(pool, 2);
  }
  return null;
});`,
  ),
  program(
    "edge-hoisted-function-closure",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return first;
  function first() {
    return v[0];
  }
});`,
  ),
  program(
    "edge-object-built-by-assignment",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  const o: { data?: Float64Array } = {};
  o.data = v;
  return o;
});`,
  ),
  program(
    "edge-type-wrappers-and-optional-chain",
    `
export const f = withPool(pool, function f(k: number) {
  const v = acquire(pool, 3) as Float64Array | undefined;
  if (k === 0) return (v as Float64Array)!;
  return v?.subarray(0);
});`,
  ),
  program(
    "edge-for-of-over-literal",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  const w = acquire(pool, 3);
  for (const a of [v, w]) {
    if (a[0] === 0) return a;
  }
  return null;
});`,
  ),
  program(
    "edge-ok-buffer-copy",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  return v.buffer.slice(0);
});`,
  ),
  program(
    "edge-ok-catch-variable-shadows",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  try {
    return sum(v);
  } catch (v) {
    return v;
  }
});`,
  ),
  program(
    "edge-ok-typed-set-copies",
    `
const all = new Float64Array(8);
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  all.set(v, 0);
  return 0;
});`,
  ),
  program(
    "edge-store-on-this-and-parameter",
    `
export const f = withPool(pool, function f(this: { last?: Float64Array }, out: Float64Array[]) {
  const v = acquire(pool, 3);
  this.last = v;
  out.push(acquire(pool, 2));
  return 0;
});`,
  ),
  program(
    "edge-map-set-outer",
    `
const cache = new Map<string, Float64Array>();
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  cache.set("k", v);
  return 0;
});`,
  ),
  program(
    "edge-closure-assigned-outside-block",
    `
let handler: (() => number) | undefined;
export function f() {
  using _scope = poolScope(pool);
  const v = acquire(pool, 3);
  handler = () => v[0]!;
  return sum(v);
}`,
  ),
];

/** More shapes found while writing docs/diagnostics.md: each claim there has a case. */
export const MORE_EDGE_CASES: readonly Case[] = [
  program(
    "edge-await-using-in-block-scope",
    `
export async function f(resource: AsyncDisposable) {
  using _scope = poolScope(pool);
  await using _resource = resource;
  return sum(acquire(pool, 2));
}`,
  ),
  program(
    "edge-closures-in-returned-list",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  const readers: (() => number)[] = [];
  readers.push(() => v[0]!);
  return readers;
});`,
  ),
  program(
    "edge-field-of-unknown-holder",
    `
declare function makeHolder(): { data?: Float64Array };
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  const o = makeHolder();
  o.data = v;
  return o.data;
});`,
  ),
  program(
    "edge-namespace-import",
    `
import * as aap from "adaptive-array-pools";
export const f = aap.withPool(pool, function f() {
  const v = aap.zeros(pool, 3);
  return v;
});`,
  ),
  program(
    "edge-nested-marker-reports-once",
    `
const kept: Float64Array[] = [];
export const f = withPool(pool, function f() {
  const g = withPool(pool, () => {
    kept.push(acquire(pool, 2));
    return 0;
  });
  return g();
});`,
  ),
  program(
    "edge-ok-unknown-function-and-call-result",
    `
declare function store(x: unknown): void;
declare function identity<T>(x: T): T;
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  store(v);
  return identity(v);
});`,
  ),
  program(
    "edge-chain-through-nested-loops",
    `
export const f = withPool(pool, function f(n: number) {
  let a = new Float64Array(1);
  let b = new Float64Array(1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i + j > 3) return b;
      b = a;
      a = acquire(pool, 2);
    }
  }
  return null;
});`,
  ),
  program(
    "edge-ok-deeply-nested-loops",
    `
export const f = withPool(pool, function f(n: number) {
  let total = 0;
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++)
      for (let c = 0; c < n; c++)
        for (let d = 0; d < n; d++)
          for (let e = 0; e < n; e++)
            for (let g = 0; g < n; g++)
              for (let h = 0; h < n; h++)
                for (let k = 0; k < n; k++)
                  for (let m = 0; m < n; m++)
                    for (let p = 0; p < n; p++)
                      for (let q = 0; q < n; q++)
                        for (let r = 0; r < n; r++) {
                          const v = acquire(pool, 2);
                          total += v[0]!;
                        }
  return total;
});`,
  ),
  program(
    "edge-thrown",
    `
export const f = withPool(pool, function f(bad: boolean) {
  const v = acquire(pool, 3);
  if (bad) throw { reason: "bad input", data: v };
  if (v[0] !== 0) throw new Error("not zero");
  return sum(v);
});`,
  ),
  program(
    "edge-ok-throw-caught-inside",
    `
export const f = withPool(pool, function f() {
  const v = acquire(pool, 3);
  try {
    if (v[0] !== 0) throw v;
  } catch (e) {
    return (e as Float64Array).length;
  }
  return 0;
});`,
  ),
];
