/** Whether emitted JavaScript parses: TypeScript's parser, read through its parse diagnostics. */
import * as ts from "typescript";

/**
 * The syntax errors TypeScript's parser finds in `code`. `parseDiagnostics` is internal to
 * TypeScript but has kept its name and shape across 4.x-6.x; if it ever disappears this throws rather
 * than reporting "no errors", so the fuzz test cannot pass vacuously.
 */
export function syntaxErrorsIn(code: string): string[] {
  const sourceFile = ts.createSourceFile(
    "emitted.js",
    code,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JS,
  );
  const { parseDiagnostics } = sourceFile as unknown as {
    parseDiagnostics?: readonly ts.Diagnostic[];
  };
  if (!Array.isArray(parseDiagnostics))
    throw new Error("TypeScript no longer exposes parseDiagnostics");
  return parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
