/**
 * One uvu suite per group of cases: each case is one test, asserting the exact rendered diagnostics
 * under TypeScript 5.9 and 6.0, with a checker and from syntax alone (all four must agree).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { analyseAll, compilers } from "./analyse.js";
import type { Case, Mode } from "./analyse.js";
import type { EscapeLint } from "../../transformer/safety/index.js";

const MODES: readonly Mode[] = ["checker", "syntax"];

export function checkCases(
  title: string,
  cases: readonly Case[],
  expected: Readonly<Record<string, readonly string[]>>,
  escapeLint: EscapeLint = "error",
): void {
  const test = suite(title);
  const runs: { label: string; results: Map<string, string[]> }[] = [];
  test.before(() => {
    for (const compiler of compilers()) {
      for (const mode of MODES) {
        const results = analyseAll(compiler, mode, cases, escapeLint);
        runs.push({ label: `${compiler.label}, ${mode}`, results });
      }
    }
  });
  for (const c of cases) {
    test(c.name, () => {
      const want = expected[c.name];
      assert.ok(want !== undefined, `no expected diagnostics written for ${c.name}`);
      for (const run of runs) {
        assert.equal(run.results.get(c.name), want, `${c.name} (${run.label})`);
      }
    });
  }
  test("every expectation has its case", () => {
    const names = new Set(cases.map((c) => c.name));
    assert.equal(
      Object.keys(expected).filter((name) => !names.has(name)),
      [],
    );
  });
  test.run();
}
