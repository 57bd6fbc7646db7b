/**
 * The plugin option `runtimeCheck` (issue 12): the emitted code runs in check mode with the source's
 * own sites in its messages (acquire, scope, escape), through a returned container, a Map and an
 * unknown helper; with the option off the emitted code is what it is without check mode.
 */
import * as path from "node:path";
import * as ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import { transformSource } from "../../transformer/index.js";
import { PoolEscapeError, PoolStateError } from "../../runtime/index.js";

const RUNTIME = path.join(REPO_ROOT, "build", "runtime", "index.js");

const SOURCE = `
import { AdaptiveArrayPool, acquire, zeros, withPool, poolScope } from ${JSON.stringify(RUNTIME)};
export const pool = new AdaptiveArrayPool();
const keep = (v: unknown) => ({ kept: v }); // an unknown helper
export const direct = withPool(pool, function direct(n: number) {
  const v = zeros(pool, Float64Array, n);
  return v;
});
export const viaMap = withPool(pool, (n: number) => new Map([["v", acquire(pool, Int32Array, n)]]));
export const viaHelper = withPool(pool, function viaHelper(n: number) {
  const v = acquire(pool, Uint8Array, n);
  return [keep(v)];
});
export function block(n: number) {
  using _ = poolScope(pool);
  const v = acquire(pool, Float32Array, n);
  return { v };
}
export const fine = withPool(pool, function fine(n: number) {
  const v = zeros(pool, Float64Array, n);
  return { copy: v.slice(), sum: v.length };
});
export let stale = new Float64Array(0);
export const leak = withPool(pool, function leak() {
  stale = acquire(pool, Float64Array, 8).fill(1);
  return 0;
});
export function stray() {
  const token = pool.checkpoint();
  pool.rewind(token);
  pool.rewind(token);
}
`;

interface Compiled {
  readonly pool: { depth: number; checkMode: boolean };
  readonly direct: (n: number) => unknown;
  readonly viaMap: (n: number) => unknown;
  readonly viaHelper: (n: number) => unknown;
  readonly block: (n: number) => unknown;
  readonly fine: (n: number) => { copy: Float64Array; sum: number };
  readonly leak: () => number;
  readonly stale: Float64Array;
  readonly stray: () => void;
}

function compile(runtimeCheck: boolean): { code: string; exports: Compiled } {
  const { code, diagnostics } = transformSource(SOURCE, {
    fileName: path.join(REPO_ROOT, "src", "checked.ts"),
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    plugin: { runtimeModule: RUNTIME, escapeLint: "off", runtimeCheck },
  });
  assert.is(diagnostics.length, 0);
  const module = { exports: {} as Compiled };
  new Function("require", "module", "exports", code)(require, module, module.exports);
  return { code, exports: module.exports };
}

function thrownBy(body: () => unknown): Error {
  try {
    body();
  } catch (error) {
    return error as Error;
  }
  assert.unreachable("nothing was thrown");
  throw new Error("unreachable");
}

const TAIL =
  ": its memory is handed out again as soon as the scope ends. Return a copy (slice(), " +
  "Array.from) or a scalar instead.";

test("escapes are PoolEscapeErrors naming the source's acquire and return sites", () => {
  const { exports } = compile(true);
  const cases: readonly (readonly [() => unknown, string])[] = [
    [
      () => exports.direct(4),
      "a Float64Array of length 4 acquired at src/checked.ts:6:13 escapes its pool scope at " +
        "src/checked.ts:7:3 (the returned value itself)",
    ],
    [
      () => exports.viaMap(3),
      "an Int32Array of length 3 acquired at src/checked.ts:9:68 escapes its pool scope at " +
        'src/checked.ts:9:53 (the returned value\'s .get("v"))',
    ],
    [
      () => exports.viaHelper(2),
      "a Uint8Array of length 2 acquired at src/checked.ts:11:13 escapes its pool scope at " +
        "src/checked.ts:12:3 (the returned value's [0].kept)",
    ],
    [
      () => exports.block(5),
      "a Float32Array of length 5 acquired at src/checked.ts:16:13 escapes its pool scope at " +
        "src/checked.ts:17:3 (the returned value's .v)",
    ],
  ];
  for (const [call, message] of cases) {
    const error = thrownBy(call);
    assert.instance(error, PoolEscapeError);
    assert.is(error.message, message + TAIL);
    assert.is(exports.pool.depth, 0, "rewound after the error");
  }
  assert.is(exports.fine(3).sum, 3);
  assert.is(exports.pool.checkMode, true, "runtimeCheck code puts its pools in check mode");
});

test("a stale array is detached and a stale token names its scope's site", () => {
  const { exports } = compile(true);
  exports.leak();
  assert.is(exports.stale.length, 0);
  const error = thrownBy(exports.stray);
  assert.instance(error, PoolStateError);
  // A hand-written checkpoint gets no injected site: the stack gives one (here, the eval'd module).
  assert.match(error.message, /already rewound .*; that scope was opened at \S+:\d+:\d+$/);
});

test("runtimeCheck off: no check-mode code, escapes go unnoticed as before", () => {
  const { code, exports } = compile(false);
  assert.not.match(code, /checkAt|checkEscape/);
  assert.is((exports.direct(4) as Float64Array).length, 4);
  assert.is(exports.pool.checkMode, false);
});

test.run();
