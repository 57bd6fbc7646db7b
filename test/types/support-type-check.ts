/**
 * Type-check the consumer project in compat/types/consumer with one of the TypeScript versions pinned
 * in the compat workspaces, the way a project that installed this package sees it.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type * as TS from "typescript";
import { REPO_ROOT } from "../support/compilers.js";
import { isDeclarationFile, shareParsedFiles } from "../support/parsed-files.js";

export interface TypeCheck {
  /** Every diagnostic, as `file(line,col): category TScode: text`, file relative to the project. */
  readonly diagnostics: readonly string[];
  /** The package's declaration files the program loaded, relative to the repository root. */
  readonly packageDeclarations: readonly string[];
}

/** The folder of the typescript package a workspace (e.g. "compat/ts7") pins, wherever npm placed it. */
export function typescriptFolder(workspace: string): string {
  const manifest = path.join(REPO_ROOT, workspace, "package.json");
  return path.dirname(createRequire(manifest).resolve("typescript/package.json"));
}

/**
 * A copy of compat/types/consumer outside this repository, with node_modules/adaptive-array-pools a
 * link to this checkout (so resolution goes through its package.json `exports`) and @types/node
 * present for the one tsconfig that asks for it.
 */
export function consumerProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aap-types-"));
  cpSync(path.join(REPO_ROOT, "compat", "types", "consumer"), dir, { recursive: true });
  mkdirSync(path.join(dir, "node_modules", "@types"), { recursive: true });
  symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "adaptive-array-pools"), "dir");
  symlinkSync(
    path.join(REPO_ROOT, "node_modules", "@types", "node"),
    path.join(dir, "node_modules", "@types", "node"),
    "dir",
  );
  return dir;
}

/**
 * The declaration files a consumer's program loads: dist/<format>/index.d.ts and every file it reaches
 * through relative imports (internal modules nothing public refers to are never loaded, so never
 * checked, and need not type-check).
 */
export function reachableDeclarations(format: "esm" | "cjs"): string[] {
  const dir = path.join(REPO_ROOT, "dist", format);
  const seen = new Set<string>(["index.d.ts"]);
  for (const name of seen) {
    const text = readFileSync(path.join(dir, name), "utf8");
    for (const match of text.matchAll(/(?:from |import\()"\.\/([\w-]+)\.js"/g)) {
      seen.add(`${match[1]}.d.ts`);
    }
  }
  return [...seen].map((name) => path.join("dist", format, name)).sort();
}

const realRoot = realpathSync(REPO_ROOT);

function packageFilesAmong(fileNames: readonly string[]): string[] {
  return fileNames
    .map((name) => path.relative(realRoot, realpathSync(name)))
    .filter((name) => name.startsWith(`dist${path.sep}`) && name.endsWith(".d.ts"))
    .sort();
}

function formatDiagnostic(ts: typeof TS, diagnostic: TS.Diagnostic, projectDir: string): string {
  const category = ts.DiagnosticCategory[diagnostic.category].toLowerCase();
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const head = `${category} TS${diagnostic.code}: ${text}`;
  if (diagnostic.file === undefined || diagnostic.start === undefined) return head;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = path.relative(projectDir, diagnostic.file.fileName);
  return `${file}(${line + 1},${character + 1}): ${head}`;
}

/**
 * TypeScript's own lib files and @types/node are not this package's, and checking them is most of the
 * cost (seconds per program on this machine), so they are parsed and bound but not checked (what
 * `skipDefaultLibCheck` does for the former). Every other file is checked, the consumer's sources and
 * this package's declarations included, exactly as `tsc -p` would without `skipLibCheck`.
 */
function isOthersDeclaration(program: TS.Program, file: TS.SourceFile): boolean {
  return (
    program.isSourceFileDefaultLibrary(file) ||
    file.fileName.includes(`${path.sep}node_modules${path.sep}@types${path.sep}node${path.sep}`)
  );
}

/** `tsc -p <config> --noEmit`, in process, with a TypeScript (5.x or 6.0) that has a JavaScript API. */
export function checkWithApi(typescriptDir: string, configFile: string): TypeCheck {
  const ts = createRequire(__filename)(typescriptDir) as typeof TS;
  const projectDir = path.dirname(configFile);
  const configErrors: TS.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => configErrors.push(diagnostic),
  });
  if (parsed === undefined) {
    return {
      diagnostics: configErrors.map((d) => formatDiagnostic(ts, d, projectDir)),
      packageDeclarations: [],
    };
  }
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    // lib.dom.d.ts alone takes a second to parse: declarations are parsed once per TypeScript.
    host: shareParsedFiles(ts, ts.createCompilerHost(parsed.options), isDeclarationFile),
    configFileParsingDiagnostics: parsed.errors,
  });
  const diagnostics = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
  ];
  for (const file of program.getSourceFiles()) {
    diagnostics.push(...program.getSyntacticDiagnostics(file));
    if (!isOthersDeclaration(program, file))
      diagnostics.push(...program.getSemanticDiagnostics(file));
  }
  return {
    diagnostics: diagnostics.map((d) => formatDiagnostic(ts, d, projectDir)),
    packageDeclarations: packageFilesAmong(program.getSourceFiles().map((file) => file.fileName)),
  };
}

/** Run `node <args>` and collect its output; never rejects for a non-zero exit status. */
function runNode(
  args: readonly string[],
  cwd: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * `checkWithApi` for several configs in a child process (check-worker.js), so the checks run on the
 * machine's other core while the rest of the suite runs on this one.
 */
export async function checkWithApiInChild(
  typescriptDir: string,
  configFiles: readonly string[],
): Promise<TypeCheck[]> {
  const worker = path.join(__dirname, "check-worker.js");
  const run = await runNode([worker, typescriptDir, ...configFiles], path.dirname(worker));
  if (run.status !== 0) throw new Error(`check-worker exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as TypeCheck[];
}

/**
 * TypeScript 7 has no JavaScript API: its own `tsc -p <config> --listFiles`, a full check of every
 * file (well under a second of CPU), diagnostics and the file list read from its output.
 */
export async function checkWithCli(typescriptDir: string, configFile: string): Promise<TypeCheck> {
  const tsc = path.join(typescriptDir, "bin", "tsc");
  const args = [tsc, "-p", configFile, "--pretty", "false", "--listFiles"];
  const run = await runNode(args, path.dirname(configFile));
  const lines = run.stdout.split("\n").filter((line) => line !== "");
  const diagnostics = lines.filter((line) => !path.isAbsolute(line));
  if (run.stderr !== "") diagnostics.push(`stderr: ${run.stderr}`);
  if (run.status !== 0 && diagnostics.length === 0) diagnostics.push(`tsc exited ${run.status}`);
  const files = lines.filter((line) => path.isAbsolute(line));
  return { diagnostics, packageDeclarations: packageFilesAmong(files) };
}
