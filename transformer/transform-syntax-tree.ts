/**
 * `transformSyntaxTree(sourceFile, options)`: the rewrite applied to a parsed file, returning the
 * rewritten syntax tree instead of JavaScript. Types, and every node the rewrite did not touch, are the
 * input's own nodes, so a caller can print only what changed and keep the user's TypeScript text (the
 * bundler package does). No Program: markers are recognised by imports, as in transformSource.
 */
import type * as TS from "typescript";
import { CATEGORIES_ONLY, createPoolDiagnostic } from "./diagnostics.js";
import { UNSUPPORTED_TYPESCRIPT } from "./diagnostic-registry.js";
import { createStandaloneTransformer } from "./standalone-transformer.js";
import { hasTransformerApi, versionOf } from "./typescript-support.js";

/** The options of `transformSyntaxTree`. */
export interface TransformSyntaxTreeOptions {
  /** The TypeScript that parsed `sourceFile` (its factory builds the new nodes). */
  readonly ts: typeof TS;
  /** Plugin options, as in tsconfig's plugins entry (pooling, escapeLint, runtimeModule, ...). */
  readonly plugin?: Readonly<Record<string, unknown>>;
}

/** What `transformSyntaxTree` returns. */
export interface TransformSyntaxTreeResult {
  /** The rewritten file; `sourceFile` itself when nothing changed. */
  readonly sourceFile: TS.SourceFile;
  /** The transformer's AAPnnnn diagnostics. */
  readonly diagnostics: readonly TS.Diagnostic[];
}

/**
 * Rewrite a parsed file and return the rewritten syntax tree (untouched nodes are the input's own),
 * for tools that print the result themselves. Bad input never throws: problems come back as
 * diagnostics.
 *
 * @example
 * ```ts
 * import * as ts from "typescript";
 * import { transformSyntaxTree } from "adaptive-array-pools/transformer";
 *
 * const parsed = ts.createSourceFile("kernel.ts", sourceText, ts.ScriptTarget.Latest, true);
 * const { sourceFile, diagnostics } = transformSyntaxTree(parsed, { ts });
 * const rewritten = ts.createPrinter().printFile(sourceFile);
 * ```
 */
export function transformSyntaxTree(
  sourceFile: TS.SourceFile,
  options: TransformSyntaxTreeOptions,
): TransformSyntaxTreeResult {
  const { ts } = options;
  if (!hasTransformerApi(ts)) {
    const message = UNSUPPORTED_TYPESCRIPT(versionOf(ts));
    return { sourceFile, diagnostics: [createPoolDiagnostic(CATEGORIES_ONLY, message, undefined)] };
  }
  const diagnostics: TS.Diagnostic[] = [];
  const transformer = createStandaloneTransformer(ts, options.plugin, diagnostics);
  const result = ts.transform(sourceFile, [transformer]);
  const transformed = result.transformed[0] ?? sourceFile;
  // No dispose(): the caller prints the nodes after this returns, and they need their emit data.
  return { sourceFile: transformed, diagnostics };
}
