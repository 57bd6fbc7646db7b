/**
 * Turning a registered message (diagnostic-registry.ts) into a `ts.Diagnostic`, and rendering one
 * like TypeScript does (`file(line,col): error AAPnnnn: message`). Diagnostics are reported through
 * ts-patch's `extras.addDiagnostic`; related places (where the memory was acquired) travel as
 * `relatedInformation`, so editors can jump to them.
 */
import type * as TS from "typescript";
import type { Category, PoolMessage } from "./diagnostic-registry.js";

export type Severity = "error" | "warning";

/** TypeScript's numeric code for AAPnnnn: TypeScript prints it as TS9nnnn, next to our own prefix. */
const TS_CODE_BASE = 90000;
const SOURCE = "adaptive-array-pools";

/** Another place the diagnostic is about, with what happens there. */
export interface RelatedPlace {
  readonly node: TS.Node;
  readonly message: string;
}

/** Where a diagnostic points; none for the plugin's configuration. */
export interface DiagnosticPlace {
  readonly sourceFile: TS.SourceFile;
  readonly node: TS.Node;
  readonly related?: readonly RelatedPlace[];
}

/**
 * Enough of `ts` for createPoolDiagnostic where the TypeScript at hand has no usable API (AAP1001):
 * TypeScript's DiagnosticCategory values, which every version shares.
 */
export const CATEGORIES_ONLY = {
  DiagnosticCategory: { Warning: 0, Error: 1, Suggestion: 2, Message: 3 },
} as unknown as typeof TS;

/** The severity a category has when no lint level changes it. */
export function defaultSeverity(category: Category): Severity {
  return category === "error" || category === "definite-escape" ? "error" : "warning";
}

/** A TypeScript diagnostic whose text starts with `AAPnnnn:`. */
export function createPoolDiagnostic(
  ts: typeof TS,
  message: PoolMessage,
  place: DiagnosticPlace | undefined,
  severity: Severity = defaultSeverity(message.category),
): TS.Diagnostic {
  const diagnostic: TS.Diagnostic = {
    file: place?.sourceFile,
    start: place === undefined ? undefined : place.node.getStart(place.sourceFile),
    length: place === undefined ? undefined : spanLength(place.node, place.sourceFile),
    category: severity === "error" ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning,
    code: TS_CODE_BASE + message.code,
    messageText: `AAP${message.code}: ${message.message}`,
    source: SOURCE,
  };
  const related = place?.related ?? [];
  if (related.length > 0) {
    diagnostic.relatedInformation = related.map((other) => ({
      file: place!.sourceFile,
      start: other.node.getStart(place!.sourceFile),
      length: spanLength(other.node, place!.sourceFile),
      category: ts.DiagnosticCategory.Message,
      code: TS_CODE_BASE + message.code,
      messageText: other.message,
    }));
  }
  return diagnostic;
}

function spanLength(node: TS.Node, sourceFile: TS.SourceFile): number {
  return node.getEnd() - node.getStart(sourceFile);
}

/**
 * `file(line,col): error AAPnnnn: message`, with the file path relative to `baseDir`; each related
 * place follows on its own line, indented: `  file(line,col): message`.
 *
 * @example
 * ```ts
 * import * as path from "node:path";
 * import * as ts from "typescript";
 * import { formatPoolDiagnostic, transformSource } from "adaptive-array-pools/transformer";
 *
 * const { diagnostics } = transformSource(sourceText, { ts, fileName: "src/kernel.ts" });
 * for (const d of diagnostics) {
 *   console.error(formatPoolDiagnostic(ts, d, (name) => path.relative(process.cwd(), name)));
 * }
 * ```
 */
export function formatPoolDiagnostic(
  ts: typeof TS,
  diagnostic: TS.Diagnostic,
  relativeFileName: (fileName: string) => string,
): string {
  const category = diagnostic.category === ts.DiagnosticCategory.Error ? "error" : "warning";
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const main = `${placeOf(diagnostic, relativeFileName)}${category} ${text}`;
  const related = (diagnostic.relatedInformation ?? []).map(
    (other) =>
      `  ${placeOf(other, relativeFileName)}${ts.flattenDiagnosticMessageText(other.messageText, "\n")}`,
  );
  return [main, ...related].join("\n");
}

function placeOf(
  diagnostic: TS.Diagnostic | TS.DiagnosticRelatedInformation,
  relativeFileName: (fileName: string) => string,
): string {
  if (diagnostic.file === undefined || diagnostic.start === undefined) return "";
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${relativeFileName(diagnostic.file.fileName)}(${line + 1},${character + 1}): `;
}
