/**
 * Differential fuzz test of the transformer: generated modules (test/transformer/support-differential.ts)
 * are compiled three ways, without the plugin (the runtime fallbacks), through `transformSource`
 * (transpile-only, markers recognised by imports) and through the ts-patch plugin on a Program
 * (markers recognised by the checker). The plugin must never throw, its output must parse, and each
 * program's `run()` must observe exactly the same results, errors, pool-expression evaluations and
 * pool states on every route. `FUZZ_RUNS=n` sets the number of programs (default: a few seconds).
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import * as vm from "node:vm";
import fc from "fast-check";
import * as ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import { transformSource } from "../../transformer/index.js";
import { emitWithChecker } from "./support-checker-emit.js";
import { differentialProgram } from "./support-differential.js";
import { requireFresh } from "./support-fresh-module.js";
import { syntaxErrorsIn } from "./support-parse-check.js";

const SEED = 20261201;
const RUNS = Number(process.env["FUZZ_RUNS"] ?? "24");
/** The checker route costs a Program per case: every fourth case takes it. */
const PROGRAM_RUNS = Math.max(1, Math.ceil(RUNS / 4));

const RUNTIME_DIST = path.join(REPO_ROOT, "dist");
const RUNTIME_CJS = path.join(RUNTIME_DIST, "cjs", "index.js");
const requireHere = createRequire(__filename);

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
  types: [],
  strict: true,
  skipLibCheck: true,
  noEmitOnError: false,
};

function plainOutput(code: string): string {
  return ts.transpileModule(code, { fileName: "program.ts", compilerOptions: COMPILER_OPTIONS })
    .outputText;
}

function transpileOnlyOutput(code: string): string {
  return transformSource(code, {
    ts,
    fileName: "program.ts",
    compilerOptions: COMPILER_OPTIONS,
  }).code;
}

/** Inside the repository, so `adaptive-array-pools` resolves to this package. */
const PROGRAM_PATH = path.join(REPO_ROOT, "test", "support", "differential-program.ts");

function checkerOutput(code: string): string {
  return emitWithChecker(code, PROGRAM_PATH, COMPILER_OPTIONS);
}

/** Runs emitted CommonJS with a fresh runtime instance; what `run()` returns, as JSON. */
function observe(javascript: string): string {
  const runtime = requireFresh<unknown>(RUNTIME_CJS, [RUNTIME_DIST]);
  const module = { exports: {} as { run?: () => unknown } };
  const load = (specifier: string): unknown =>
    specifier === "adaptive-array-pools" ? runtime : requireHere(specifier);
  const wrapper = vm.runInThisContext(
    `(function (exports, require, module) {${javascript}\n})`,
  ) as (exports: unknown, require: (s: string) => unknown, module: unknown) => void;
  wrapper(module.exports, load, module);
  return JSON.stringify(module.exports.run!());
}

/** The property: the plugin's output parses and behaves exactly like the plain build. */
function behavesLikeFallback(route: (code: string) => string, name: string) {
  return (code: string): void => {
    const emitted = route(code);
    const errors = syntaxErrorsIn(emitted);
    assert.equal(errors, [], `${name}: output does not parse\n${code}\n---\n${emitted}`);
    const expected = observe(plainOutput(code));
    const actual = observe(emitted);
    assert.is(actual, expected, `${name}: behaves differently\n${code}\n---\n${emitted}`);
  };
}

test("the observation can tell programs apart (so the property can fail)", () => {
  const program = (pool: string): string =>
    [
      'import { AdaptiveArrayPool, acquire, poolStats } from "adaptive-array-pools";',
      "const pool = new AdaptiveArrayPool();",
      `export function run() { ${pool}; return poolStats(pool).types.length; }`,
    ].join("\n");
  assert.is.not(
    observe(plainOutput(program("acquire(pool, 2)"))),
    observe(plainOutput(program("0"))),
  );
});

test("both routes rewrite generated programs (so the property is not vacuous)", () => {
  const [sample] = fc.sample(differentialProgram, { seed: SEED, numRuns: 1 });
  const code = `${sample!}\nexport const probe = withPool(first, (n: number) => n);`;
  assert.match(transpileOnlyOutput(code), /first\.checkpoint\(\)/);
  assert.match(checkerOutput(code), /first\.checkpoint\(\)/);
});

test(`generated programs, transpile-only route: parse and behave like the fallback (${RUNS} runs)`, () => {
  fc.assert(
    fc.property(differentialProgram, behavesLikeFallback(transpileOnlyOutput, "transformSource")),
    {
      seed: SEED,
      numRuns: RUNS,
    },
  );
});

test(`generated programs, checker route: parse and behave like the fallback (${PROGRAM_RUNS} runs)`, () => {
  fc.assert(fc.property(differentialProgram, behavesLikeFallback(checkerOutput, "plugin")), {
    seed: SEED + 1,
    numRuns: PROGRAM_RUNS,
  });
});

test.run();
