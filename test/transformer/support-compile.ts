/**
 * In-memory `ts-patch/compiler` builds (the route ts-node, ts-jest and webpack's ts-loader take): a
 * project's tsconfig, the plugin entries of the caller's choice, and the emitted files on disk under
 * an out/ folder (gitignored) so a test can run them.
 */
import * as path from "node:path";
import type * as TS from "typescript";
import { requirePatchedCompiler } from "../support/compilers.js";
import type { CompilerPairing } from "../support/compilers.js";
import { isDeclarationFile, shareParsedFiles } from "../support/parsed-files.js";

/** One `compilerOptions.plugins` entry; ts-patch passes the keys besides `transform` to the plugin. */
export type PluginEntry = { readonly transform: string } & Readonly<Record<string, unknown>>;

export interface CompiledProject {
  readonly outDir: string;
  /** Every diagnostic, type-checking and the plugin's, as `file(line,col): category message`. */
  readonly diagnostics: readonly string[];
  readonly emitSkipped: boolean;
}

/** The pairing's TypeScript, patched in memory by its ts-patch: ts-patch's own `compiler` entry. */
export function patchedTypeScript(pairing: CompilerPairing): typeof TS {
  return requirePatchedCompiler(pairing) as typeof TS;
}

function formatDiagnostic(ts: typeof TS, diagnostic: TS.Diagnostic, baseDir: string): string {
  const category = ts.DiagnosticCategory[diagnostic.category].toLowerCase();
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (diagnostic.file === undefined || diagnostic.start === undefined)
    return `${category}: ${text}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = path.relative(baseDir, diagnostic.file.fileName);
  return `${file}(${line + 1},${character + 1}): ${category}: ${text}`;
}

/**
 * Whether a build type-checks. `"emit-only"` sets TypeScript's `noCheck` (as `tsc --noCheck` does):
 * the emitted files and the plugin's view of the checker stay the same, since TypeScript then answers
 * the emitter's questions lazily, but the full check, most of a build's cost, is skipped, and with it
 * every type error. For a build whose sources and options another build of the run type-checks.
 */
export type CheckMode = "type-check" | "emit-only";

/** Build `projectDir/tsconfig.json` with `plugins` into `outDir`, whatever the tsconfig says about both. */
export function compileProject(
  pairing: CompilerPairing,
  projectDir: string,
  outDir: string,
  plugins: readonly PluginEntry[],
  check: CheckMode = "type-check",
): CompiledProject {
  const ts = patchedTypeScript(pairing);
  const configPath = path.join(projectDir, "tsconfig.json");
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, projectDir, undefined, configPath);
  const options: TS.CompilerOptions = {
    ...parsed.options,
    noEmit: false,
    noCheck: check === "emit-only",
    outDir,
    // TypeScript types plugin entries as language-service plugins ({ name }); ts-patch reads `transform`.
    plugins: plugins as unknown as TS.PluginImport[],
  };
  const host = shareParsedFiles(ts, ts.createCompilerHost(options), isDeclarationFile);
  const program = ts.createProgram(parsed.fileNames, options, host);
  const emitted = program.emit();
  const all = [...parsed.errors, ...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  return {
    outDir,
    diagnostics: all.map((d) => formatDiagnostic(ts, d, projectDir)),
    emitSkipped: emitted.emitSkipped,
  };
}
