/**
 * The analysis must never throw, and never fail on a scope (AAP2099), even on half-typed code: every
 * fixture input of the repository, and every prefix of it cut at regular steps (unbalanced braces,
 * missing expressions, parse errors), goes through it from syntax alone.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT, analyseAll, compilers } from "./analyse.js";
import type { Case } from "./analyse.js";

const FIXTURES = path.join(REPO_ROOT, "fixtures");
const STEP = 37;

function fixtureInputs(): Case[] {
  return readdirSync(FIXTURES)
    .filter((name) => existsSync(path.join(FIXTURES, name, "input.ts")))
    .map((name) => {
      const file = path.join(FIXTURES, name, "input.ts");
      return { name, file, source: readFileSync(file, "utf8") };
    });
}

function prefixes(c: Case): Case[] {
  const cut: Case[] = [];
  for (let end = STEP; end < c.source.length; end += STEP) {
    const name = `${c.name}@${end}`;
    const file = path.join(REPO_ROOT, "test-input", `${name}.ts`);
    cut.push({ name, file, source: c.source.slice(0, end) });
  }
  return cut;
}

test("fixture inputs and their truncations: no failure, no AAP2099", () => {
  const inputs = fixtureInputs();
  assert.ok(inputs.length > 40, `expected the repository's fixtures, found ${inputs.length}`);
  const cases = inputs.flatMap((c) => [c, ...prefixes(c)]);
  const [compiler] = compilers();
  const results = analyseAll(compiler!, "syntax", cases);
  const failures = [...results].filter(([, lines]) => lines.some((l) => l.includes("AAP2099")));
  assert.equal(
    failures.map(([name, lines]) => `${name}: ${lines.join(" | ")}`),
    [],
  );
  assert.ok(results.size === cases.length);
});

test.run();
