/**
 * `rewriteModule(code, fileName, options)`: the rewrite for tools that take TypeScript in and give
 * TypeScript out. The file is parsed with the package's own TypeScript, rewritten by the runtime
 * package's transformer (`transformSyntaxTree`), and only the nodes it replaced are printed and
 * spliced into the user's text: types, formatting and comments elsewhere are the user's own, and the
 * bundler's TypeScript step (esbuild, Oxc, swc, Node's type stripping) still sees TypeScript.
 */
import type * as TS from "typescript";
import { collectChanges } from "./changes.js";
import type { Change } from "./changes.js";
import { toPoolDiagnostic } from "./diagnostics.js";
import type { PoolDiagnostic } from "./diagnostics.js";
import { DEFAULT_RUNTIME_MODULE, transformerOptions } from "./options.js";
import type { PoolsPluginOptions } from "./options.js";
import { mayUseRuntime } from "./prefilter.js";
import { printChanges } from "./print-changes.js";
import { splice } from "./splice.js";
import type { Spliced } from "./splice.js";
import { transformer } from "./transformer.js";
import ts from "./typescript.js";

export interface RewriteResult {
  /** The input text when nothing was rewritten. */
  readonly code: string;
  /** A source map into `fileName`, when something was rewritten. */
  readonly map: Spliced["map"] | undefined;
  readonly diagnostics: readonly PoolDiagnostic[];
}

/** undefined: the file was not parsed (it does not name the runtime module) or does not parse. */
export function rewriteModule(
  code: string,
  fileName: string,
  options: PoolsPluginOptions = {},
): RewriteResult | undefined {
  if (!mayUseRuntime(code, options.runtimeModule ?? DEFAULT_RUNTIME_MODULE)) return undefined;
  const sourceFile = ts.createSourceFile(
    fileName,
    code,
    ts.ScriptTarget.Latest,
    true,
    scriptKindOf(fileName),
  );
  // A file that does not parse is the bundler's to report, in its own words: leave it untouched.
  if (hasSyntaxErrors(sourceFile)) return undefined;
  const result = transformer.transformSyntaxTree(sourceFile, {
    ts,
    plugin: transformerOptions(options),
  });
  const diagnostics = result.diagnostics.map((d) => toPoolDiagnostic(d, fileName));
  const changes: Change[] = [];
  collectChanges(sourceFile, result.sourceFile, changes);
  if (changes.length === 0) return { code, map: undefined, diagnostics };
  const spliced = splice(code, fileName, printChanges(sourceFile, changes));
  return { code: spliced.code, map: spliced.map, diagnostics };
}

function scriptKindOf(fileName: string): TS.ScriptKind {
  const path = fileName.replace(/[?#].*$/, "");
  if (/\.tsx$/.test(path)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(path)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** `parseDiagnostics` is internal but stable since TypeScript 2: the only syntax-only error list. */
function hasSyntaxErrors(sourceFile: TS.SourceFile): boolean {
  const parsed = (sourceFile as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
  return parsed !== undefined && parsed.length > 0;
}
