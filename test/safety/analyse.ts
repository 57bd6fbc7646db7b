/**
 * Runs the safety analysis on in-memory sources, the way the plugin does: the scopes discovery finds
 * (pool-scopes.ts), each checked once, with markers recognised by the plugin's own resolvers.
 *
 * Two modes: with a Program and its type checker (the runtime resolves to ../../runtime/index.ts), and
 * from syntax alone, like transpileModule.
 */
import * as path from "node:path";
import type * as TS from "typescript";
import { formatPoolDiagnostic } from "../../transformer/diagnostics.js";
import { findPoolScopes } from "../../transformer/pool-scopes.js";
import {
  createCheckerResolver,
  createImportResolver,
  createPackageFileTest,
} from "../../transformer/resolve-markers.js";
import type { CallResolver } from "../../transformer/resolve-markers.js";
import { checkPoolScope } from "../../transformer/safety/index.js";
import { shareParsedFiles } from "../support/parsed-files.js";
import type { EscapeLint, SafetyContext } from "../../transformer/safety/index.js";

/** Repository root, from build/test/safety/ (compiled) where this runs. */
export const REPO_ROOT = path.resolve(__dirname, "../../..");

export interface Compiler {
  readonly label: string;
  readonly ts: typeof TS;
}

/** TypeScript 5.9 (root) and 6.0 (the compat/ts6 workspace). */
export function compilers(): readonly Compiler[] {
  /* eslint-disable @typescript-eslint/no-require-imports -- loading two compiler versions side by side */
  const ts5 = require("typescript") as typeof TS;
  const ts6 = require(path.join(REPO_ROOT, "compat/ts6/node_modules/typescript")) as typeof TS;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return [
    { label: `TypeScript ${ts5.version}`, ts: ts5 },
    { label: `TypeScript ${ts6.version}`, ts: ts6 },
  ];
}

export type Mode = "checker" | "syntax";

export interface Case {
  readonly name: string;
  /** Absolute path: diagnostics render relative to its folder (`input.ts(9,10): ...`). */
  readonly file: string;
  readonly source: string;
}

/** Rendered diagnostics of every case, keyed by case name, analysed in one Program. */
export function analyseAll(
  compiler: Compiler,
  mode: Mode,
  cases: readonly Case[],
  escapeLint: EscapeLint = "error",
): Map<string, string[]> {
  const { ts } = compiler;
  const sources = new Map(cases.map((c) => [c.file, c.source]));
  const program = mode === "checker" ? programOf(ts, sources) : undefined;
  const results = new Map<string, string[]>();
  for (const c of cases) {
    const sourceFile =
      program?.getSourceFile(c.file) ??
      ts.createSourceFile(c.file, c.source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const reported: TS.Diagnostic[] = [];
    const checker = program?.getTypeChecker();
    const resolve = resolverFor(ts, sourceFile, checker);
    const scopes = findPoolScopes(ts, sourceFile, resolve);
    const context: SafetyContext = {
      ts,
      sourceFile,
      checker,
      scopes,
      escapeLint,
      resolveRuntimeCall: resolve,
      report: (diagnostic) => reported.push(diagnostic),
    };
    for (const scope of scopes.all) checkPoolScope(scope, context);
    // Sorted and rendered as the fixture suite renders the plugin's diagnostics.
    const folder = path.dirname(c.file);
    const rendered = reported
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || a.code - b.code)
      .map((d) => formatPoolDiagnostic(ts, d, (name) => path.relative(folder, name)));
    results.set(c.name, rendered);
  }
  return results;
}

/**
 * Per compiler, the Programs built so far, by their sources. A suite analyses the same cases under
 * several lint levels; the level only changes what the analysis reports, so one Program (parsed,
 * bound, and its checker's answers kept) serves them all.
 */
const programs = new WeakMap<typeof TS, Map<string, TS.Program>>();

function programOf(ts: typeof TS, sources: ReadonlyMap<string, string>): TS.Program {
  let known = programs.get(ts);
  if (known === undefined) {
    known = new Map();
    programs.set(ts, known);
  }
  const key = JSON.stringify([...sources]);
  let program = known.get(key);
  if (program === undefined) {
    program = createProgram(ts, sources);
    known.set(key, program);
  }
  return program;
}

function createProgram(ts: typeof TS, sources: ReadonlyMap<string, string>): TS.Program {
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // No DOM: MessagePort and friends stay unresolved, which changes no diagnostic of the analysis.
    lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    paths: { "adaptive-array-pools": [path.join(REPO_ROOT, "runtime/index.ts")] },
  };
  // Lib files and the runtime are the same for every suite: parse them once per compiler.
  const host = shareParsedFiles(
    ts,
    ts.createCompilerHost(options, true),
    (file) => !sources.has(file),
  );
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  host.fileExists = (file) => sources.has(file) || ts.sys.fileExists(file);
  host.getSourceFile = (file, languageVersion, onError) => {
    const text = sources.get(file);
    if (text === undefined) return getSourceFile(file, languageVersion, onError);
    return ts.createSourceFile(file, text, languageVersion, true, ts.ScriptKind.TS);
  };
  return ts.createProgram([...sources.keys()], options, host);
}

/** The plugin's own resolvers: by symbols with a checker, by the file's imports without. */
function resolverFor(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  checker: TS.TypeChecker | undefined,
): CallResolver {
  const byImports = createImportResolver(ts, sourceFile, "adaptive-array-pools");
  if (checker === undefined) return byImports;
  return createCheckerResolver(ts, checker, createPackageFileTest(ts), sourceFile, byImports);
}
