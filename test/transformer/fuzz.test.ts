/**
 * Fuzz: many generated and mutated TypeScript modules full of markers go through the
 * plugin, both ways it runs: `transformSource` (no checker, recognition by imports) and the ts-patch
 * plugin entry on a Program (recognition by the checker). It must never throw, and what it emits must
 * parse whenever TypeScript's own output for the same input parses.
 */
import * as path from "node:path";
import fc from "fast-check";
import * as ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import { transformSource } from "../../transformer/index.js";
import { emitWithChecker } from "./support-checker-emit.js";
import { syntaxErrorsIn } from "./support-parse-check.js";
import { markerModule, tokenDeletedModule, truncatedModule } from "./support-snippets.js";

/** Fixed seed: a failure reproduces, and CI runs the same cases every time. */
const SEED = 20261123;

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
  types: [],
  strict: true,
  skipLibCheck: true,
};

function plainOutput(code: string): string {
  return ts.transpileModule(code, { fileName: "fuzz.ts", compilerOptions: COMPILER_OPTIONS })
    .outputText;
}

function pluginOutputWithoutProgram(code: string): string {
  return transformSource(code, { ts, fileName: "fuzz.ts", compilerOptions: COMPILER_OPTIONS }).code;
}

/** The snippet as a file inside this repository, so `adaptive-array-pools` resolves to the package. */
const SNIPPET_PATH = path.join(REPO_ROOT, "test", "support", "fuzz-snippet.ts");

function pluginOutputWithProgram(code: string): string {
  return emitWithChecker(code, SNIPPET_PATH, COMPILER_OPTIONS);
}

/**
 * The property: no throw, and no syntax error the compiler would not have produced by itself. (Plain
 * TypeScript's output is only computed when the plugin's does not parse: half the work per case.)
 */
function emitsParseableJavaScript(transform: (code: string) => string) {
  return (code: string): void => {
    const emitted = transform(code);
    if (syntaxErrorsIn(emitted).length === 0) return;
    assert.ok(
      syntaxErrorsIn(plainOutput(code)).length > 0,
      `the plugin's output does not parse, TypeScript's own does:\n${code}\n---\n${emitted}`,
    );
  };
}

test("the parse check finds syntax errors (so the properties below can fail)", () => {
  assert.equal(syntaxErrorsIn("const a = function () { return 1; };"), []);
  assert.ok(syntaxErrorsIn("const a = function () { return 1; ").length > 0);
});

test("both routes do rewrite a known module (so the properties below are not vacuous)", () => {
  const code = [
    'import { withPool } from "adaptive-array-pools";',
    'import type { AdaptiveArrayPool } from "adaptive-array-pools";',
    "declare const pool: AdaptiveArrayPool;",
    "export const f = withPool(pool, (n: number) => n + 1);",
  ].join("\n");
  assert.match(pluginOutputWithoutProgram(code), /pool\.checkpoint\(\)/);
  assert.match(pluginOutputWithProgram(code), /pool\.checkpoint\(\)/);
});

test("generated modules, transformSource: never throws, parses", () => {
  fc.assert(fc.property(markerModule, emitsParseableJavaScript(pluginOutputWithoutProgram)), {
    seed: SEED,
    numRuns: 100,
  });
});

test("truncated and token-deleted modules, transformSource: never throws, parses when TypeScript's output does", () => {
  fc.assert(
    fc.property(
      fc.oneof(truncatedModule, tokenDeletedModule),
      emitsParseableJavaScript(pluginOutputWithoutProgram),
    ),
    { seed: SEED, numRuns: 100 },
  );
});

test("generated and mutated modules, plugin on a Program (checker resolution): never throws, parses", () => {
  fc.assert(
    fc.property(
      fc.oneof(markerModule, markerModule, truncatedModule, tokenDeletedModule),
      emitsParseableJavaScript(pluginOutputWithProgram),
    ),
    { seed: SEED, numRuns: 25 },
  );
});

test.run();
