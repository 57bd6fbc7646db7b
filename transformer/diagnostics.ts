/**
 * The transformer's diagnostics: numbered `AAPnnnn`, reported through ts-patch's `extras.addDiagnostic`
 * and rendered like TypeScript's own (`file(line,col): error AAPnnnn: message`).
 *
 * Code ranges: AAP1xxx rewrite problems (transformer/), AAP2xxx escape analysis, AAP3xxx interleaving
 * and buffer detachment (transformer/safety/). Each range's messages live beside the code that reports
 * them; this file only knows how to build and render a diagnostic.
 */
import type * as TS from "typescript";

export type Severity = "error" | "warning";

/** TypeScript's numeric code for AAPnnnn: TypeScript prints it as TS9nnnn, next to our own prefix. */
const TS_CODE_BASE = 90000;

export interface PoolDiagnosticInput {
  readonly code: number;
  readonly severity: Severity;
  readonly node: TS.Node;
  readonly message: string;
}

/** A TypeScript diagnostic whose text starts with `AAPnnnn:`. */
export function createPoolDiagnostic(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  input: PoolDiagnosticInput,
): TS.Diagnostic {
  const start = input.node.getStart(sourceFile);
  return {
    file: sourceFile,
    start,
    length: input.node.getEnd() - start,
    category:
      input.severity === "error" ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning,
    code: TS_CODE_BASE + input.code,
    messageText: `AAP${input.code}: ${input.message}`,
    source: "adaptive-array-pools",
  };
}

/** `file(line,col): error AAPnnnn: message`, with the file path relative to `baseDir`. */
export function formatPoolDiagnostic(
  ts: typeof TS,
  diagnostic: TS.Diagnostic,
  relativeFileName: (fileName: string) => string,
): string {
  const category = diagnostic.category === ts.DiagnosticCategory.Error ? "error" : "warning";
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (diagnostic.file === undefined || diagnostic.start === undefined) return `${category} ${text}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${relativeFileName(diagnostic.file.fileName)}(${line + 1},${character + 1}): ${category} ${text}`;
}

/** A diagnostic about the plugin's configuration, not about a place in a file. */
export function createGlobalPoolDiagnostic(
  ts: typeof TS,
  input: Omit<PoolDiagnosticInput, "node">,
): TS.Diagnostic {
  return {
    file: undefined,
    start: undefined,
    length: undefined,
    category:
      input.severity === "error" ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning,
    code: TS_CODE_BASE + input.code,
    messageText: `AAP${input.code}: ${input.message}`,
    source: "adaptive-array-pools",
  };
}
