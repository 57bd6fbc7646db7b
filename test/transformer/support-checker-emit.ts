/**
 * The plugin on a real Program (type checker included) over one in-memory file at `filePath`, which
 * lies inside the repository so `adaptive-array-pools` resolves to this package. Lib and package
 * declarations are parsed once per process and shared by every call. Returns the emitted JavaScript.
 */
import * as path from "node:path";
import * as ts from "typescript";
import adaptiveArrayPoolsTransformer from "../../transformer/index.js";
import { shareParsedFiles } from "../support/parsed-files.js";

export function emitWithChecker(
  code: string,
  filePath: string,
  compilerOptions: ts.CompilerOptions,
): string {
  const isSnippet = (fileName: string): boolean => path.resolve(fileName) === filePath;
  const host = shareParsedFiles(ts, ts.createCompilerHost(compilerOptions), (f) => !isSnippet(f));
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
    isSnippet(fileName)
      ? ts.createSourceFile(fileName, code, languageVersion, true)
      : readFromDisk(fileName, languageVersion, onError, shouldCreate);
  const program = ts.createProgram([filePath], compilerOptions, host);
  const plugin = adaptiveArrayPoolsTransformer(
    program,
    { warnings: "diagnostics" },
    { ts, addDiagnostic: () => 0 },
  );
  let output = "";
  program.emit(
    program.getSourceFile(filePath),
    (fileName, text) => {
      if (fileName.endsWith(".js")) output = text;
    },
    undefined,
    false,
    { before: plugin.before },
  );
  return output;
}
