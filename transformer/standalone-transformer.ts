/**
 * The plugin's file transformer for callers without a Program (transformSource, transformSyntaxTree):
 * markers are recognised by the file's imports of the runtime module, and option problems are
 * reported once, as global diagnostics.
 */
import type * as TS from "typescript";
import { createPoolDiagnostic } from "./diagnostics.js";
import { parseOptions } from "./options.js";
import { createImportResolver } from "./resolve-markers.js";
import { createSourceFileTransformer } from "./source-file-transformer.js";

export function createStandaloneTransformer(
  ts: typeof TS,
  plugin: Readonly<Record<string, unknown>> | undefined,
  diagnostics: TS.Diagnostic[],
): TS.TransformerFactory<TS.SourceFile> {
  const parsed = parseOptions(plugin);
  for (const problem of parsed.problems) {
    diagnostics.push(createPoolDiagnostic(ts, problem, undefined));
  }
  return createSourceFileTransformer({
    ts,
    options: parsed.options,
    checker: undefined,
    strictNullChecks: false,
    resolverFor: (sourceFile) => createImportResolver(ts, sourceFile, parsed.options.runtimeModule),
    report: (diagnostic) => diagnostics.push(diagnostic),
  });
}
