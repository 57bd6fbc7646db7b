/**
 * transformSource (no Program, so markers are recognised by the file's imports): which callees count,
 * that the emitted CommonJS and ESM really run against the runtime (the generated import included),
 * and that source maps lead back into the original.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import * as ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import { transformSource } from "../../transformer/index.js";

/** The built runtime, imported by absolute path so the emitted code can run here. */
const RUNTIME = path.join(REPO_ROOT, "build", "runtime", "index.js");

const rewritten = (code: string): boolean => /\.checkpoint\(\)|maybeCheckpoint\(/.test(code);

test("named, renamed, namespace and import-equals imports are recognised", () => {
  const sources = [
    'import { withPool } from "adaptive-array-pools";\nexport const f = withPool(p, () => 1);',
    'import { withPool as w } from "adaptive-array-pools";\nexport const f = w(p, () => 1);',
    'import * as aap from "adaptive-array-pools";\nexport const f = aap.withPool(p, () => 1);',
    'import aap = require("adaptive-array-pools");\nexport const f = aap.withPool(p, () => 1);',
  ];
  for (const source of sources) {
    const { code, diagnostics } = transformSource(`declare const p: any;\n${source}\n`);
    assert.ok(rewritten(code), `not rewritten:\n${source}\n---\n${code}`);
    assert.is(diagnostics.length, 0);
  }
});

test("callees that are not the package's export are left alone", () => {
  const sources = [
    // a user's own function
    "function withPool(p: unknown, f: () => number) { return f; }\nexport const f = withPool(1, () => 1);",
    // another module's withPool
    'import { withPool } from "other-pools";\nexport const f = withPool(1, () => 1);',
    // a type-only import
    'import type { withPool } from "adaptive-array-pools";\ndeclare const g: typeof withPool;\nexport const f = g(1 as any, () => 1);',
    // a property of something else
    'import * as aap from "adaptive-array-pools";\ndeclare const o: any;\nexport const f = o.withPool(aap, () => 1);',
  ];
  for (const source of sources) {
    const { code } = transformSource(source);
    assert.not.ok(rewritten(code), `rewritten:\n${source}\n---\n${code}`);
  }
});

test("runtimeModule: another specifier is recognised and used for the generated import", () => {
  const { code } = transformSource(
    'import { withPool } from "#pools";\nexport const f = withPool(() => 1);\n',
    { plugin: { runtimeModule: "#pools" } },
  );
  assert.match(code, /import \* as adaptive_array_pools_1 from "#pools";/);
  assert.match(code, /adaptive_array_pools_1\.getTaskLocalPool\(\)/);
});

/**
 * A module exercising every rewritten form; `report()` returns what it observed. It returns pooled
 * arrays on purpose (to see reuse), so the escape lint is off.
 */
function scenario(runtime: string): string {
  return `
import { AdaptiveArrayPool, withPool, maybeWithPool, poolScope, setMaybePooling, zeros } from ${JSON.stringify(runtime)};
const pool = new AdaptiveArrayPool();
const sized = withPool(pool, function sized(this: unknown, n: number) {
  return [zeros(pool, Float64Array, n), arguments.length, this] as const;
});
const scoped = withPool(function scoped() {
  return pool.depth;
});
const maybe = maybeWithPool(pool, (n: number) => zeros(pool, Float64Array, n));
function block(n: number) {
  using _ = poolScope(pool);
  return zeros(pool, Float64Array, n).length + pool.depth;
}
export function report() {
  const [a, count, self] = sized.call("me", 4);
  const [b] = sized(4);
  setMaybePooling(false);
  const fresh1 = maybe(4), fresh2 = maybe(4);
  setMaybePooling(true);
  const pooled1 = maybe(4), pooled2 = maybe(4);
  return {
    reused: a === b, count, self, depthAfter: pool.depth, scopedDepth: scoped(),
    freshWhenOff: fresh1 !== fresh2, reusedWhenOn: pooled1 === pooled2, block: block(3),
    // The user's function itself, not the runtime fallback's wrapper closure.
    inline: String(sized).startsWith("function sized(") && String(block).includes(".checkpoint()"),
  };
}
`;
}

const EXPECTED = {
  reused: true,
  count: 1,
  self: "me",
  depthAfter: 0,
  scopedDepth: 0,
  freshWhenOff: true,
  reusedWhenOn: true,
  block: 4,
  inline: true,
};

test("CommonJS output runs against the runtime, generated require included", () => {
  const { code, diagnostics } = transformSource(scenario(RUNTIME), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    plugin: { runtimeModule: RUNTIME, escapeLint: "off" },
  });
  assert.is(diagnostics.length, 0);
  // The user's import and the generated one, each a require the module transform wrote.
  assert.is(code.match(/= require\(/g)?.length, 2, code);
  assert.match(code, /adaptive_array_pools_\d+\.getTaskLocalPool\(\)/);
  const module = { exports: {} as { report: () => unknown } };
  new Function("require", "module", "exports", code)(require, module, module.exports);
  assert.equal(module.exports.report(), EXPECTED);
});

test("ESM output runs against the runtime, generated import included", async () => {
  const { code, diagnostics } = transformSource(scenario(pathToFileURL(RUNTIME).href), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    plugin: { runtimeModule: pathToFileURL(RUNTIME).href, escapeLint: "off" },
  });
  assert.is(diagnostics.length, 0);
  assert.match(code, /import \* as adaptive_array_pools_1 from/);
  const dir = mkdtempSync(path.join(os.tmpdir(), "aap-esm-"));
  try {
    const file = path.join(dir, "scenario.mjs");
    writeFileSync(file, code);
    const loaded = (await import(pathToFileURL(file).href)) as { report: () => unknown };
    assert.equal(loaded.report(), EXPECTED);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Decode a source map's mappings into generated line → first original line mapped on it. */
function originalLines(mappings: string): Map<number, number> {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const result = new Map<number, number>();
  let originalLine = 0;
  mappings.split(";").forEach((line, generatedLine) => {
    for (const segment of line.split(",").filter((s) => s.length > 0)) {
      const values: number[] = [];
      let shift = 0;
      let value = 0;
      for (const char of segment) {
        const digit = alphabet.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      if (values.length >= 4) {
        originalLine += values[2]!;
        if (!result.has(generatedLine)) result.set(generatedLine, originalLine);
      }
    }
  });
  return result;
}

test("source maps: body lines and the inserted checkpoint map back into the original", () => {
  const input = [
    'import { withPool } from "adaptive-array-pools";', // 0
    "declare const pool: any;", // 1
    "export const f = withPool(pool, function f(n: number) {", // 2
    "  const marker = n + 42;", // 3
    "  return marker;", // 4
    "});", // 5
    "",
  ].join("\n");
  const { code, sourceMap } = transformSource(input, {
    compilerOptions: {
      sourceMap: true,
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
    },
  });
  assert.ok(sourceMap !== undefined);
  const lines = originalLines((JSON.parse(sourceMap) as { mappings: string }).mappings);
  const outputLines = code.split("\n");
  const lineOf = (pattern: RegExp): number => outputLines.findIndex((l) => pattern.test(l));
  assert.is(lines.get(lineOf(/const marker = n \+ 42;/)), 3);
  assert.is(lines.get(lineOf(/return marker;/)), 4);
  assert.is(lines.get(lineOf(/pool\.checkpoint\(\)/)), 2, "the checkpoint maps to the marker");
});

test.run();
