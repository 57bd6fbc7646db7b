/**
 * The safety cases: the fixture folders `fixtures/safety-*` are their only source. Each gives its
 * input, the `escapeLint` of its options.json, and the expected safety diagnostics (the AAP2xxx and
 * AAP3xxx entries of its diagnostics.txt, each a line plus its indented related places).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import type { EscapeLint } from "../../transformer/safety/index.js";
import { REPO_ROOT } from "./analyse.js";
import type { Case } from "./analyse.js";

const FIXTURES = path.join(REPO_ROOT, "fixtures");

export interface SafetyFixture extends Case {
  readonly escapeLint: EscapeLint;
  /** Expected rendered diagnostics, one entry per diagnostic. */
  readonly expected: readonly string[];
}

export function safetyFixtures(): SafetyFixture[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.startsWith("safety-"))
    .sort()
    .map((name) => readFixture(name));
}

function readFixture(name: string): SafetyFixture {
  const dir = path.join(FIXTURES, name);
  const file = path.join(dir, "input.ts");
  const diagnosticsFile = path.join(dir, "diagnostics.txt");
  const diagnostics = existsSync(diagnosticsFile) ? readFileSync(diagnosticsFile, "utf8") : "";
  return {
    name,
    file,
    source: readFileSync(file, "utf8"),
    escapeLint: escapeLintOf(dir),
    expected: entriesOf(diagnostics).filter((entry) => /^\S+: (error|warning) AAP[23]/.test(entry)),
  };
}

function escapeLintOf(dir: string): EscapeLint {
  const file = path.join(dir, "options.json");
  if (!existsSync(file)) return "error";
  const options = JSON.parse(readFileSync(file, "utf8")) as {
    plugin?: { escapeLint?: EscapeLint };
  };
  return options.plugin?.escapeLint ?? "error";
}

/** diagnostics.txt split into diagnostics: a related place is an indented line under its own. */
export function entriesOf(text: string): string[] {
  const entries: string[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    if (line.startsWith("  ") && entries.length > 0) entries[entries.length - 1] += `\n${line}`;
    else entries.push(line);
  }
  return entries;
}
