/**
 * Semantic equivalence: every scenario under test/support/equivalence/scenarios runs
 * untransformed (the runtime fallbacks), transformed by the plugin, and transformed with
 * `pooling: false`, each in a fresh module instance. Transformed must equal untransformed in every
 * observable result and in the final pool states; `pooling: false` must give the same results and
 * leave every pool untouched. The known difference is pinned at the end.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DIST_TRANSFORMER, PAIRINGS, REPO_ROOT } from "../support/compilers.js";
import type { CompilerPairing } from "../support/compilers.js";
import { compileProject } from "./support-compile.js";
import type { CheckMode, CompiledProject, PluginEntry } from "./support-compile.js";
import { requireFresh } from "./support-fresh-module.js";
import { CHECK_ENV_VAR } from "../../runtime/check-default.js";
import { markerCallsIn } from "./support-marker-calls.js";

const requireHere = createRequire(__filename);
const PROJECT = path.join(REPO_ROOT, "test", "support", "equivalence");
const SCENARIO_DIR = path.join(PROJECT, "scenarios");
const RUNTIME_DIST = path.join(REPO_ROOT, "dist");

/** Scenario modules export `run()`; snapshot.ts is their shared helper. */
const SCENARIOS = readdirSync(SCENARIO_DIR)
  .filter((file) => file.endsWith(".ts") && file !== "snapshot.ts")
  .map((file) => `scenarios/${file.replace(/\.ts$/, "")}`);

/**
 * A build of the scenarios. Only the plain one type-checks: the others compile the same sources with
 * the same options, and their plugin runs at emit, where it cannot change a type error, so a second
 * and third check of a pairing would only repeat the plain build's (always built first).
 */
interface Variant {
  readonly name: string;
  readonly plugins: readonly PluginEntry[];
  readonly check: CheckMode;
}

const PLAIN: Variant = { name: "plain", plugins: [], check: "type-check" };
const TRANSFORMED: Variant = {
  name: "transformed",
  plugins: [{ transform: DIST_TRANSFORMER, warnings: "diagnostics" }],
  check: "emit-only",
};
const POOLING_OFF: Variant = {
  name: "pooling-off",
  plugins: [{ transform: DIST_TRANSFORMER, pooling: false, warnings: "diagnostics" }],
  check: "emit-only",
};

/** The part of a pool snapshot (test/support/equivalence/scenarios/snapshot.ts) the tests read. */
interface PoolSnapshot {
  readonly depth: number;
  readonly types: readonly unknown[];
}

/** What every scenario's `run()` returns: results that never depend on pooling, and pool states. */
interface ScenarioResult {
  readonly values: unknown;
  readonly [state: string]: unknown;
}

/** Under out/ (gitignored), named by process, so two test runs in one checkout stay apart. */
const OUT = path.join(PROJECT, "out", `test-${process.pid}`);

test.after(() => rmSync(OUT, { recursive: true, force: true }));

function outDirOf(pairing: CompilerPairing, variant: Variant): string {
  return path.join(OUT, `ts-${pairing.typescriptVersion}`, variant.name);
}

const builds = new Map<string, CompiledProject>();

/** Builds the scenarios once per pairing and variant; no type errors and no plugin errors allowed. */
function build(pairing: CompilerPairing, variant: Variant): string {
  return compiled(pairing, variant).outDir;
}

function compiled(pairing: CompilerPairing, variant: Variant): CompiledProject {
  const outDir = outDirOf(pairing, variant);
  const known = builds.get(outDir);
  if (known !== undefined) return known;
  if (variant.check === "emit-only") compiled(pairing, PLAIN);
  rmSync(outDir, { recursive: true, force: true });
  const result = compileProject(pairing, PROJECT, outDir, variant.plugins, variant.check);
  const errors = result.diagnostics.filter((d) => /\): error/.test(d) || d.startsWith("error"));
  assert.equal(errors, [], `${variant.name} build of the scenarios under ${pairing.label}`);
  assert.not.ok(result.emitSkipped);
  builds.set(outDir, result);
  return result;
}

const plainResults = new Map<string, ScenarioResult>();

/**
 * A scenario's untransformed result, which three tests of a pairing compare with: run once, in a
 * fresh module instance like every run, so a later run could only repeat it.
 */
function expectedResult(plainOut: string, scenario: string): ScenarioResult {
  const key = path.join(plainOut, scenario);
  let result = plainResults.get(key);
  if (result === undefined) {
    result = runScenario(plainOut, scenario);
    plainResults.set(key, result);
  }
  return result;
}

function runScenario(outDir: string, scenario: string): ScenarioResult {
  const module = requireFresh<{ run(): ScenarioResult }>(path.join(outDir, `${scenario}.js`), [
    outDir,
    RUNTIME_DIST,
  ]);
  return module.run();
}

/** Every marker must have been rewritten: a surviving call would make the comparison trivial. */
function assertRewritten(plainOut: string, transformedOut: string, scenario: string): void {
  const markersIn = (outDir: string): string[] =>
    markerCallsIn(readFileSync(path.join(outDir, `${scenario}.js`), "utf8"));
  assert.ok(markersIn(plainOut).length > 0, `${scenario} uses markers`);
  assert.equal(markersIn(transformedOut), [], `${scenario}: every marker rewritten`);
}

for (const pairing of PAIRINGS) {
  test(`${pairing.label}: transformed scenarios behave exactly like the runtime fallbacks`, () => {
    const plainOut = build(pairing, PLAIN);
    const transformedOut = build(pairing, TRANSFORMED);
    for (const scenario of SCENARIOS) {
      assertRewritten(plainOut, transformedOut, scenario);
      const expected = expectedResult(plainOut, scenario);
      const actual = runScenario(transformedOut, scenario);
      assert.equal(actual, expected, `${scenario} (${pairing.label})`);
    }
  });

  test(`${pairing.label}: pooling: false gives the same results and never touches a pool`, () => {
    const plainOut = build(pairing, PLAIN);
    const off = compiled(pairing, POOLING_OFF);
    // AAP1023: a pool that is not a plain name keeps pooling on for that marker (values.ts and
    // pool-evaluation.ts do it).
    const keptPooling = filesWith(off.diagnostics, "AAP1023").filter((f) =>
      f.startsWith("scenarios/"),
    );
    assert.equal(keptPooling, ["scenarios/pool-evaluation.ts", "scenarios/values.ts"]);
    for (const scenario of SCENARIOS) {
      const expected = expectedResult(plainOut, scenario);
      const actual = runScenario(off.outDir, scenario);
      assert.equal(actual.values, expected.values, `${scenario} values (${pairing.label})`);
      if (keptPooling.includes(`${scenario}.ts`)) continue;
      for (const pool of poolSnapshotsIn(actual)) {
        assert.equal([pool.depth, pool.types], [0, []], `${scenario}: pool untouched`);
      }
    }
  });
}

/** A scenario run with every pool in check mode (its environment variable, read by the fresh runtime). */
function runScenarioChecked(outDir: string, scenario: string): ScenarioResult {
  process.env[CHECK_ENV_VAR] = "1";
  try {
    const result = runScenario(outDir, scenario);
    assert.ok(loadedRuntimeChecks(), `${scenario} ran against a runtime in check mode`);
    return result;
  } finally {
    delete process.env[CHECK_ENV_VAR];
  }
}

/** Whether the runtime instance the last scenario loaded from dist/ started in check mode. */
function loadedRuntimeChecks(): boolean {
  const entries = Object.keys(requireHere.cache).filter(
    (key) => key === path.join(RUNTIME_DIST, "cjs", "index.js"),
  );
  assert.ok(entries.length > 0, "the scenario loaded the runtime from dist/");
  return entries.every(
    (key) =>
      (requireHere(key) as { runtimeCheckEnabled(): boolean }).runtimeCheckEnabled() === true,
  );
}

for (const pairing of PAIRINGS) {
  test(`${pairing.label}: in check mode, both forms give the results and pool states of normal mode`, () => {
    const plainOut = build(pairing, PLAIN);
    const transformedOut = build(pairing, TRANSFORMED);
    for (const scenario of SCENARIOS) {
      const expected = expectedResult(plainOut, scenario);
      assert.equal(
        runScenarioChecked(plainOut, scenario),
        expected,
        `${scenario} fallback, checked`,
      );
      assert.equal(
        runScenarioChecked(transformedOut, scenario),
        expected,
        `${scenario} transformed, checked`,
      );
    }
  });
}

function filesWith(diagnostics: readonly string[], code: string): string[] {
  const files = diagnostics
    .filter((d) => d.includes(`${code}:`))
    .map((d) => d.replace(/\(.*$/s, ""));
  return [...new Set(files)].map((file) => file.split(path.sep).join("/"));
}

/** Every pool snapshot a scenario reported besides its values (objects with depth and types). */
function poolSnapshotsIn(result: ScenarioResult): PoolSnapshot[] {
  const found: PoolSnapshot[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === "object" && value !== null) {
      if ("depth" in value && "types" in value) found.push(value as PoolSnapshot);
      else Object.values(value).forEach(walk);
    }
  };
  Object.entries(result).forEach(([key, value]) => key !== "values" && walk(value));
  return found;
}

/**
 * The differences we know of, pinned so none can change unnoticed; each module under
 * test/support/equivalence/differences explains its case. Results agree; how scopes open differs.
 */
interface KnownDifference {
  readonly module: string;
  readonly what: string;
  readonly fallback: Readonly<Record<string, unknown>>;
  readonly rewritten: Readonly<Record<string, unknown>>;
}

const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    module: "differences/self-named-recursion",
    what: "a function expression calling itself by its own name: every level scoped only when rewritten",
    fallback: { deepest: 1 },
    rewritten: { deepest: 5 },
  },
];

function pick(result: ScenarioResult, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, result[key]]));
}

for (const difference of KNOWN_DIFFERENCES) {
  test(`known difference: ${difference.what}`, () => {
    const pairing = PAIRINGS[0]!;
    const plain = runScenario(build(pairing, PLAIN), difference.module);
    const rewritten = runScenario(build(pairing, TRANSFORMED), difference.module);
    assert.equal(rewritten.values, plain.values, "same results");
    assert.equal(pick(plain, Object.keys(difference.fallback)), difference.fallback);
    assert.equal(pick(rewritten, Object.keys(difference.rewritten)), difference.rewritten);
  });
}

test("every scenario is found", () => {
  assert.ok(SCENARIOS.length >= 12, `found ${SCENARIOS.join(", ")}`);
});

test.run();
