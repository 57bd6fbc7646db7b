/**
 * The safety analysis on every `fixtures/safety-*` case, called directly (not through the plugin):
 * under TypeScript 5.9 and 6.0, with a type checker and from syntax alone (as under transpileModule),
 * all four must give exactly the AAP2xxx / AAP3xxx entries of the case's diagnostics.txt. The fixture
 * suite checks the same files through the real plugin; this adds the checker-less path.
 *
 * Then the severity policy of docs/diagnostics.md, on every case written for the default lint level:
 * under `escapeLint: "warn"` definite escapes become warnings and nothing else changes; under "off"
 * every escape (AAP20xx) disappears, while interleaving and detachment (AAP3xxx) stay errors.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { analyseAll, compilers } from "./analyse.js";
import type { Mode } from "./analyse.js";
import { safetyFixtures } from "./fixture-cases.js";
import type { SafetyFixture } from "./fixture-cases.js";
import type { EscapeLint } from "../../transformer/safety/index.js";

const MODES: readonly Mode[] = ["checker", "syntax"];
const fixtures = safetyFixtures();
const LINTS: readonly EscapeLint[] = ["error", "warn", "off"];

/** Results per run label, then per case; cases are grouped by lint level, one Program per group. */
function analyse(
  modes: readonly Mode[],
  compilerCount: number,
  lintOf: (fixture: SafetyFixture) => EscapeLint,
  cases: readonly SafetyFixture[],
): Map<string, Map<string, string[]>> {
  const runs = new Map<string, Map<string, string[]>>();
  for (const compiler of compilers().slice(0, compilerCount)) {
    for (const mode of modes) {
      const results = new Map<string, string[]>();
      for (const lint of LINTS) {
        const group = cases.filter((fixture) => lintOf(fixture) === lint);
        if (group.length === 0) continue;
        for (const [name, lines] of analyseAll(compiler, mode, group, lint))
          results.set(name, lines);
      }
      runs.set(`${compiler.label}, ${mode}`, results);
    }
  }
  return runs;
}

const exact = suite("safety fixtures: every compiler and mode gives diagnostics.txt");
let exactRuns = new Map<string, Map<string, string[]>>();
exact.before(() => {
  exactRuns = analyse(MODES, 2, (fixture) => fixture.escapeLint, fixtures);
});
exact("the fixture folders hold the safety cases", () => {
  assert.ok(fixtures.length > 70, `expected the safety-* fixtures, found ${fixtures.length}`);
});
for (const fixture of fixtures) {
  exact(fixture.name, () => {
    for (const [label, results] of exactRuns) {
      assert.equal(results.get(fixture.name), fixture.expected, `${fixture.name} (${label})`);
    }
  });
}
exact.run();

/** What a case written for `escapeLint: "error"` must report under `lint`. */
function underLint(expected: readonly string[], lint: EscapeLint): string[] {
  if (lint === "off") return expected.filter((entry) => / AAP3\d{3}: /.test(entry));
  if (lint === "warn")
    return expected.map((entry) => entry.replace(/: error (AAP20)/, ": warning $1"));
  return [...expected];
}

const defaults = fixtures.filter((fixture) => fixture.escapeLint === "error");
for (const lint of ["warn", "off"] as const) {
  const levels = suite(`safety fixtures under escapeLint "${lint}"`);
  let runs = new Map<string, Map<string, string[]>>();
  levels.before(() => {
    runs = analyse(MODES, 1, () => lint, defaults);
  });
  for (const fixture of defaults) {
    levels(fixture.name, () => {
      for (const [label, results] of runs) {
        const want = underLint(fixture.expected, lint);
        assert.equal(results.get(fixture.name), want, `${fixture.name} (${label})`);
      }
    });
  }
  levels.run();
}
