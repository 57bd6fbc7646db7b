/**
 * The diagnostics registry against the docs and the fixtures: every registered code has its section
 * in docs/diagnostics.md (the heading the registry's title names, so the docs anchor resolves) and a
 * fixture whose diagnostics.txt produces it, or, for the codes no input can produce, a test that does;
 * and nothing is documented or produced that is not registered.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import { REGISTRY, docsAnchor } from "../../transformer/diagnostic-registry.js";

const DOCS = readFileSync(path.join(REPO_ROOT, "docs", "diagnostics.md"), "utf8");
const FIXTURES = path.join(REPO_ROOT, "fixtures");

/** Every fixture's diagnostics.txt, by case name. */
const fixtureDiagnostics = new Map(
  readdirSync(FIXTURES)
    .filter((name) => existsSync(path.join(FIXTURES, name, "diagnostics.txt")))
    .map((name) => [name, readFileSync(path.join(FIXTURES, name, "diagnostics.txt"), "utf8")]),
);

const codesIn = (text: string, pattern: RegExp): number[] =>
  [...text.matchAll(pattern)].map((match) => Number(match[1]));

test("codes are unique and in the three ranges", () => {
  const codes = REGISTRY.map((entry) => entry.code);
  assert.equal(new Set(codes).size, codes.length, "a code is registered twice");
  for (const code of codes) assert.ok(code >= 1000 && code < 4000, `AAP${code} is out of range`);
});

test("every registered code has its heading in docs/diagnostics.md", () => {
  const headings = new Set(DOCS.split("\n").filter((line) => line.startsWith("### AAP")));
  const missing = REGISTRY.filter(
    (entry) => !headings.has(`### AAP${entry.code} — ${entry.title}`),
  );
  assert.equal(
    missing.map((entry) => `### AAP${entry.code} — ${entry.title}`),
    [],
    "headings missing or worded differently from the registry's title",
  );
  const anchors = REGISTRY.map((entry) => docsAnchor(entry));
  assert.equal(new Set(anchors).size, anchors.length, "two codes share a docs anchor");
  assert.is(
    docsAnchor({ code: 3001, title: "`await` inside a `using poolScope` block" }),
    "docs/diagnostics.md#aap3001--await-inside-a-using-poolscope-block",
  );
});

test("every documented code is registered", () => {
  const registered = new Set(REGISTRY.map((entry) => entry.code));
  const documented = codesIn(DOCS, /^### AAP(\d{4})/gm);
  assert.equal(
    documented.filter((code) => !registered.has(code)),
    [],
  );
});

test("every registered code is produced by a fixture, or by the test named in coveredBy", () => {
  const uncovered: string[] = [];
  for (const entry of REGISTRY) {
    const marker = `AAP${entry.code}:`;
    if (entry.coveredBy === undefined) {
      const produced = [...fixtureDiagnostics.values()].some((text) => text.includes(marker));
      if (!produced) uncovered.push(`AAP${entry.code}: no fixture's diagnostics.txt has it`);
      continue;
    }
    const file = path.join(REPO_ROOT, entry.coveredBy);
    if (!existsSync(file) || !readFileSync(file, "utf8").includes(`AAP${entry.code}`)) {
      uncovered.push(`AAP${entry.code}: ${entry.coveredBy} does not test it`);
    }
  }
  assert.equal(uncovered, []);
});

test("fixtures produce only registered codes", () => {
  const registered = new Set(REGISTRY.map((entry) => entry.code));
  const unknown = [...fixtureDiagnostics].flatMap(([name, text]) =>
    codesIn(text, /(?:error|warning) AAP(\d{4}):/g)
      .filter((code) => !registered.has(code))
      .map((code) => `${name}: AAP${code}`),
  );
  assert.equal(unknown, []);
});

test.run();
