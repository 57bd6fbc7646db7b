/**
 * AAPnnnn diagnostics as the bundler package reports them: severity, code, position and the line
 * TypeScript would print (`src/main.ts(16,42): error AAP1010: ...`, the path relative to the cwd).
 */
import { relative } from "node:path";
import type * as TS from "typescript";
import { transformer } from "./transformer.js";
import ts from "./typescript.js";

export interface PoolDiagnostic {
  readonly severity: "error" | "warning";
  /** The AAP number, e.g. 2001. */
  readonly code: number;
  /** The message without position: `AAP2001: ...`. */
  readonly message: string;
  /** 1-based, as bundlers print them; absent for configuration problems. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The full line, `file(line,col): severity AAPnnnn: message`. */
  readonly text: string;
}

export function toPoolDiagnostic(diagnostic: TS.Diagnostic, fileName: string): PoolDiagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const position =
    diagnostic.file !== undefined && diagnostic.start !== undefined
      ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
      : undefined;
  return {
    severity: diagnostic.category === ts.DiagnosticCategory.Error ? "error" : "warning",
    code: Number(/^AAP(\d+)/.exec(message)?.[1] ?? 0),
    message,
    line: position === undefined ? undefined : position.line + 1,
    column: position === undefined ? undefined : position.character + 1,
    text: transformer.formatPoolDiagnostic(ts, diagnostic, () => relativeName(fileName)),
  };
}

function relativeName(fileName: string): string {
  const name = relative(process.cwd(), fileName.replace(/[?#].*$/, ""));
  return name.split("\\").join("/");
}
