/**
 * Emitted code quoted in the docs is real: a fenced block marked
 *
 *     <!-- fixture: <case> -->
 *     <!-- prettier-ignore -->
 *     ```js
 *
 * in README.md or docs/*.md must appear in fixtures/<case>/output.js, line for line. A line `...`
 * stands for lines left out; every run of lines between them must be consecutive lines of output.js,
 * in order. `prettier-ignore` is required so the formatter cannot restyle the block away from the
 * compiler's output; the fixture suite keeps output.js itself honest under both compilers.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";

const MARKER = /^(\s*)<!-- fixture: ([\w-]+) -->$/;

interface QuotedBlock {
  readonly where: string;
  readonly fixture: string;
  readonly lines: readonly string[];
}

function documents(): string[] {
  const docs = readdirSync(path.join(REPO_ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join("docs", name));
  return ["README.md", ...docs];
}

/** Every marked block of a document; a marker not followed by prettier-ignore and a fence fails. */
function quotedBlocks(document: string): QuotedBlock[] {
  const lines = readFileSync(path.join(REPO_ROOT, document), "utf8").split("\n");
  const blocks: QuotedBlock[] = [];
  lines.forEach((line, index) => {
    const marker = MARKER.exec(line);
    if (marker === null) return;
    const indent = marker[1]!;
    const where = `${document}:${index + 1}`;
    assert.is(lines[index + 1], `${indent}<!-- prettier-ignore -->`, `${where}: prettier-ignore`);
    assert.is(lines[index + 2], `${indent}\`\`\`js`, `${where}: a js fence after the marker`);
    const end = lines.indexOf(`${indent}\`\`\``, index + 3);
    assert.ok(end > 0, `${where}: the block is not closed`);
    const body = lines.slice(index + 3, end).map((text) => text.slice(indent.length));
    blocks.push({ where, fixture: marker[2]!, lines: body });
  });
  return blocks;
}

/** The block's runs of lines (split at `...`), each found consecutively in `output`, in order. */
function mismatch(block: QuotedBlock, output: readonly string[]): string | undefined {
  const runs: string[][] = [[]];
  for (const line of block.lines) {
    if (line.trim() === "...") runs.push([]);
    else runs[runs.length - 1]!.push(line);
  }
  let from = 0;
  for (const run of runs.filter((lines) => lines.length > 0)) {
    const at = findRun(output, run, from);
    if (at < 0)
      return `these lines are not in output.js (in this order, after line ${from}):\n${run.join("\n")}`;
    from = at + run.length;
  }
  return undefined;
}

function findRun(output: readonly string[], run: readonly string[], from: number): number {
  for (let start = from; start + run.length <= output.length; start++) {
    if (run.every((line, i) => output[start + i] === line)) return start;
  }
  return -1;
}

const blocks = documents().flatMap(quotedBlocks);

test("the docs quote emitted code", () => {
  assert.ok(
    blocks.length >= 8,
    `expected the marked blocks of README.md and docs/, found ${blocks.length}`,
  );
});

for (const block of blocks) {
  test(`${block.where}: ${block.fixture}`, () => {
    const file = path.join(REPO_ROOT, "fixtures", block.fixture, "output.js");
    assert.ok(
      existsSync(file),
      `${block.where}: fixtures/${block.fixture}/output.js does not exist`,
    );
    const problem = mismatch(block, readFileSync(file, "utf8").split("\n"));
    assert.is(problem, undefined, `${block.where}: ${problem ?? ""}`);
  });
}

test.run();
