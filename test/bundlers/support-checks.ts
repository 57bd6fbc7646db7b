/** What every bundler's output must show: inline scopes, no marker calls, source maps into the .ts. */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { createRequire } from "node:module";
import type * as TS from "typescript";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import type { SourceMapJson } from "./support-tools.js";

const ts = createRequire(__filename)("typescript") as typeof TS;

/** `.checkpoint(` occurrences: one per inline scope the rewrite emitted. */
export function countScopes(code: string): number {
  return code.match(/\.checkpoint\(/g)?.length ?? 0;
}

export function countScopesIn(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".js"))
    .reduce((total, name) => total + countScopes(readFileSync(path.join(dir, name), "utf8")), 0);
}

const MARKERS = new Set(["withPool", "maybeWithPool", "poolScope"]);

/** No call whose callee is a marker's name (parsed, so comments and strings do not count). */
export function assertNoMarkerCall(code: string, label: string): void {
  const file = ts.createSourceFile(
    "bundle.js",
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  );
  const calls: string[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression)
        ? node.expression.name
        : node.expression;
      if (ts.isIdentifier(callee) && MARKERS.has(callee.text))
        calls.push(node.getText(file).slice(0, 60));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  assert.equal(calls, [], `${label}: marker calls left in the bundle`);
}

/**
 * Every line of the rewritten `pipeline` function in the bundle (from its header to the closing
 * brace after its rewind) maps into steps.ts, inside the marker's lines there.
 */
export function assertPipelineMapsBack(
  code: string,
  map: SourceMapJson | undefined,
  label: string,
): void {
  assert.ok(map !== undefined, `${label}: a source map was written`);
  const lines = code.split("\n");
  const tracer = new TraceMap(map as never);
  // Bundlers may rename it (esbuild: pipeline2), as the seed patterns have a `pipeline` too.
  const header = lines.findIndex((line, i) => {
    const column = line.search(/function pipeline\d*\(/);
    if (column < 0) return false;
    const source = originalPositionFor(tracer, { line: i + 1, column }).source;
    return source !== null && source.endsWith("steps.ts");
  });
  assert.ok(header >= 0, `${label}: the bundle has steps.ts's function pipeline, mapped`);
  const rewind = lines.findIndex((line, i) => i > header && /\.rewind\(/.test(line));
  assert.ok(rewind > header, `${label}: pipeline rewinds`);
  const steps = readFileSync(
    path.join(REPO_ROOT, "examples", "pipeline", "src", "steps.ts"),
    "utf8",
  ).split("\n");
  const first = steps.findIndex((line) => line.includes("function pipeline(")) + 1;
  const last = first + steps.slice(first - 1).findIndex((line) => line.startsWith("});"));
  for (let i = header; i <= rewind + 2 && i < lines.length; i++) {
    const column = lines[i]!.search(/\S/);
    if (column < 0) continue;
    const position = originalPositionFor(tracer, { line: i + 1, column });
    assert.ok(
      position.source !== null && position.source.endsWith("steps.ts"),
      `${label}: bundle line ${i + 1} '${lines[i]!.trim()}' maps to ${position.source}`,
    );
    assert.ok(
      position.line !== null && position.line >= first && position.line <= last,
      `${label}: bundle line ${i + 1} '${lines[i]!.trim()}' maps to steps.ts:${position.line}, not into ${first}-${last}`,
    );
  }
}
