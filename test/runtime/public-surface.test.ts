/**
 * The published declarations say what is public: the `Pool` interface that both pool classes
 * implement, a read-only `depth`, and none of the internals the runtime and the transformer share
 * (the slot stack, `take`, the per-type acquire methods, `suspendPooling`, `scopeHandle`, the brand).
 * Reads the .d.ts files `npm run build` wrote to dist/.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AdaptiveArrayPool, DISABLED_POOL } from "../../runtime/index.js";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const FORMATS = ["cjs", "esm"];
const INTERNAL = [
  /\btake\(/,
  /\buntake\(/,
  /\bacquire(Float|Int|Uint|BigInt|BigUint)\w*\(/,
  /\bsuspendPooling\b/,
  /\bscopeHandle\b/,
  /\bPOOL_BRAND\b/,
  /^\s*(private |readonly )*(slots|marks|top|level|stack|bypass)\b/m,
  /\btakeMiss\b/,
  /\brewindOther\b/,
  /\bsubPool\b/,
];

function declarations(format: string, file: string): string {
  return readFileSync(path.join(ROOT, "dist", format, file), "utf8");
}

test("the pool classes' declarations expose no internals", () => {
  for (const format of FORMATS) {
    for (const file of ["pool.d.ts", "disabled-pool.d.ts", "pool-type.d.ts"]) {
      const text = declarations(format, file);
      for (const pattern of INTERNAL)
        assert.not.match(text, pattern, `${format}/${file}: ${pattern}`);
    }
  }
});

test("both classes implement Pool, and depth is read-only", () => {
  for (const format of FORMATS) {
    assert.match(declarations(format, "pool.d.ts"), /class AdaptiveArrayPool implements Pool\b/);
    assert.match(
      declarations(format, "disabled-pool.d.ts"),
      /class DisabledPool implements Pool\b/,
    );
    assert.match(declarations(format, "pool-type.d.ts"), /readonly depth: number;/);
    assert.match(declarations(format, "index.d.ts"), /export type \{ Pool \}/);
  }
  const pool = new AdaptiveArrayPool();
  pool.checkpoint();
  assert.throws(() => {
    (pool as { depth: number }).depth = 5;
  }, TypeError);
  assert.is(pool.depth, 1);
  assert.throws(() => {
    (DISABLED_POOL as { depth: number }).depth = 5;
  }, TypeError);
});

test.run();
