/**
 * The plugin on a real Program (type checker included) over one in-memory file at `filePath`, which
 * lies inside the repository so `adaptive-array-pools` resolves to this package. Lib and package
 * declarations are parsed once per process and shared by every call. Returns the emitted JavaScript.
 */
import * as path from "node:path";
import * as ts from "typescript";
import adaptiveArrayPoolsTransformer from "../../transformer/index.js";

const declarationCache = new Map<string, ts.SourceFile>();

export function emitWithChecker(
  code: string,
  filePath: string,
  compilerOptions: ts.CompilerOptions,
): string {
  const host = ts.createCompilerHost(compilerOptions);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (path.resolve(fileName) === filePath)
      return ts.createSourceFile(fileName, code, languageVersion, true);
    let parsed = declarationCache.get(fileName);
    if (parsed === undefined) {
      parsed = readFromDisk(fileName, languageVersion, onError, shouldCreate);
      if (parsed !== undefined) declarationCache.set(fileName, parsed);
    }
    return parsed;
  };
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
