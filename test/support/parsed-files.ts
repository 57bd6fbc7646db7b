/**
 * Parsed source files shared by every Program a test process builds with one TypeScript instance.
 * Lib files, declaration files and the runtime's sources do not change during a run, and parsing
 * them again for each Program was most of the cost of the in-process builds. TypeScript's language
 * service shares SourceFiles between Programs the same way: a file is parsed (and bound) once, and
 * each Program's checker keeps its own types and symbols apart from the file.
 */
import type * as TS from "typescript";

/** Per TypeScript instance: a SourceFile of one compiler never goes into another's Program. */
const parsedFiles = new WeakMap<typeof TS, Map<string, TS.SourceFile>>();

/**
 * What parsing depends on besides the text: the language version and, under node16/nodenext, the
 * module format the file is read in (the Program's options set both). TypeScript's own lib files hold
 * no import or export, so the format changes nothing in them: one parse serves every Program.
 */
function keyOf(
  fileName: string,
  version: TS.ScriptTarget | TS.CreateSourceFileOptions,
  libDirectory: string,
): string {
  if (typeof version === "number") return `${fileName}|${version}`;
  const format = fileName.startsWith(libDirectory) ? "lib" : version.impliedNodeFormat;
  return `${fileName}|${version.languageVersion}|${format}|${version.jsDocParsingMode}`;
}

/**
 * `host`, changed so that the files `share` accepts are parsed once per TypeScript instance and
 * process, whichever Program asks for them; other files are read as before.
 */
export function shareParsedFiles(
  ts: typeof TS,
  host: TS.CompilerHost,
  share: (fileName: string) => boolean,
): TS.CompilerHost {
  let cache = parsedFiles.get(ts);
  if (cache === undefined) {
    cache = new Map();
    parsedFiles.set(ts, cache);
  }
  const files = cache;
  // TypeScript's file names use "/" on every platform.
  const libFile = ts.getDefaultLibFilePath({});
  const libDirectory = libFile.slice(0, libFile.lastIndexOf("/") + 1);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!share(fileName)) return parse(fileName, languageVersion, onError, shouldCreate);
    const key = keyOf(fileName, languageVersion, libDirectory);
    let parsed = files.get(key);
    if (parsed === undefined) {
      parsed = parse(fileName, languageVersion, onError, shouldCreate);
      if (parsed !== undefined) files.set(key, parsed);
    }
    return parsed;
  };
  return host;
}

/** For `shareParsedFiles`: declaration files (TypeScript's libs, @types, packages' .d.ts). */
export function isDeclarationFile(fileName: string): boolean {
  return /\.d\.[cm]?ts$/.test(fileName);
}
