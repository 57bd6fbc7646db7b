/**
 * How the plugin's warnings reach a `tspc` user. TypeScript itself has no warnings: `tspc` exits with
 * status 2 for any diagnostic in the emit result, so a warning handed to ts-patch would fail the
 * build like a type error. By default warnings are therefore written in TypeScript's own format to
 * the compiler's output (colour and context when the build is `--pretty`) and the build succeeds;
 * errors always go to the compiler. The `warnings` option turns warnings into errors, or hands them
 * to the compiler unchanged for tools that read the emit result.
 */
import type * as TS from "typescript";
import type { WarningsMode } from "./options.js";

export function warningDelivery(
  ts: typeof TS,
  program: TS.Program,
  mode: WarningsMode,
  addDiagnostic: (diagnostic: TS.Diagnostic) => void,
): (diagnostic: TS.Diagnostic) => void {
  return (diagnostic) => {
    if (diagnostic.category !== ts.DiagnosticCategory.Warning || mode === "diagnostics") {
      addDiagnostic(diagnostic);
    } else if (mode === "error") {
      addDiagnostic({ ...diagnostic, category: ts.DiagnosticCategory.Error });
    } else {
      printWarning(ts, program, diagnostic);
    }
  };
}

function printWarning(ts: typeof TS, program: TS.Program, diagnostic: TS.Diagnostic): void {
  const host: TS.FormatDiagnosticsHost = {
    getCanonicalFileName: (fileName) =>
      ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase(),
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    getNewLine: () => ts.sys.newLine,
  };
  const options =
    typeof program?.getCompilerOptions === "function" ? program.getCompilerOptions() : {};
  const pretty = options.pretty ?? ts.sys.writeOutputIsTTY?.() ?? false;
  const text = pretty
    ? ts.formatDiagnosticsWithColorAndContext([diagnostic], host) + ts.sys.newLine
    : ts.formatDiagnostic(diagnostic, host);
  ts.sys.write(text);
}
