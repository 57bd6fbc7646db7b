/**
 * The fixture suite: every fixtures/<case>/input.ts goes through the plugin under each supported
 * TypeScript / ts-patch pairing, with every compiler option pinned, and must produce exactly the
 * committed output.js and diagnostics.txt. `UPDATE=1` rewrites them from the first pairing; the other
 * pairings are still compared, so one set of expected files holds for all. See fixtures/README.md.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type * as TS from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { PAIRINGS, REPO_ROOT } from "../support/compilers.js";
import type { CompilerPairing } from "../support/compilers.js";
import { formatPoolDiagnostic } from "../../transformer/diagnostics.js";
import { isDeclarationFile, shareParsedFiles } from "../support/parsed-files.js";
import { patchedTypeScript } from "./support-compile.js";

const FIXTURES = path.join(REPO_ROOT, "fixtures");
const PLUGIN = path.join(REPO_ROOT, "build", "transformer", "index.js");
const RUNTIME_DIR = path.join(REPO_ROOT, "runtime");
const RUNTIME_ENTRY = path.join(RUNTIME_DIR, "index.ts");
const RUNTIME_SPECIFIER = "adaptive-array-pools";
const UPDATE = process.env["UPDATE"] === "1";
/** `FIXTURES=<regex>` limits the run (and an update) to the matching case names. */
const ONLY =
  process.env["FIXTURES"] === undefined ? undefined : new RegExp(process.env["FIXTURES"]);

/** options.json: plugin options and the one compiler option a case may choose. */
interface CaseOptions {
  readonly plugin: Readonly<Record<string, unknown>>;
  readonly module: "esnext" | "commonjs";
}

interface FixtureCase {
  readonly name: string;
  readonly dir: string;
  readonly input: string;
  readonly options: CaseOptions;
}

interface CaseResult {
  readonly output: string;
  readonly diagnostics: string;
}

function readCases(): FixtureCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(FIXTURES, entry.name, "input.ts")),
    )
    .map((entry) => entry.name)
    .filter((name) => ONLY === undefined || ONLY.test(name))
    .sort()
    .map((name) => {
      const dir = path.join(FIXTURES, name);
      return { name, dir, input: path.join(dir, "input.ts"), options: readCaseOptions(dir) };
    });
}

function readCaseOptions(dir: string): CaseOptions {
  const file = path.join(dir, "options.json");
  if (!existsSync(file)) return { plugin: {}, module: "esnext" };
  const raw = JSON.parse(readFileSync(file, "utf8")) as Partial<CaseOptions>;
  const unknownKeys = Object.keys(raw).filter((key) => key !== "plugin" && key !== "module");
  if (unknownKeys.length > 0) throw new Error(`${file}: unknown keys ${unknownKeys.join(", ")}`);
  if (raw.module !== undefined && raw.module !== "esnext" && raw.module !== "commonjs") {
    throw new Error(`${file}: "module" must be "esnext" or "commonjs"`);
  }
  return { plugin: raw.plugin ?? {}, module: raw.module ?? "esnext" };
}

/** Every option that changes emitted text, pinned, so both compilers agree and defaults cannot drift. */
function pinnedOptions(ts: typeof TS, options: CaseOptions): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: options.module === "commonjs" ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
    types: [],
    strict: true,
    alwaysStrict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    newLine: ts.NewLineKind.LineFeed,
    removeComments: false,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    importHelpers: false,
    noEmitHelpers: false,
    noEmitOnError: false,
    // The suite compares emitted files and the plugin's diagnostics, never a type error, so the full
    // type check (of each case and of the runtime's sources it imports) that emit would otherwise run
    // first is work nobody reads. Without it TypeScript answers the emitter's and the plugin's checker
    // questions lazily, to the same effect: the committed outputs hold either way.
    noCheck: true,
    isolatedModules: false,
    verbatimModuleSyntax: false,
    useDefineForClassFields: true,
    experimentalDecorators: false,
    emitDecoratorMetadata: false,
    preserveConstEnums: false,
    downlevelIteration: false,
    outDir: path.join(REPO_ROOT, "build", "fixtures-out"),
    rootDir: REPO_ROOT,
    // Warnings as diagnostics of the emit result, where the harness reads them (tspc users get them
    // printed instead: docs/setup.md).
    plugins: [
      { transform: PLUGIN, warnings: "diagnostics", ...options.plugin },
    ] as unknown as TS.PluginImport[],
  };
}

/** A host that resolves the package name to the runtime's source, whatever the resolution mode. */
function createHost(ts: typeof TS, options: TS.CompilerOptions): TS.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  host.resolveModuleNames = (names, containingFile) =>
    names.map((name) =>
      name === RUNTIME_SPECIFIER
        ? {
            resolvedFileName: RUNTIME_ENTRY,
            extension: ts.Extension.Ts,
            isExternalLibraryImport: false,
          }
        : ts.resolveModuleName(name, containingFile, options, host).resolvedModule,
    );
  return shareParsedFiles(ts, host, isSharedFile);
}

/** Libs and the runtime's sources are the same for every group: each is parsed once per compiler. */
function isSharedFile(fileName: string): boolean {
  return isDeclarationFile(fileName) || path.resolve(fileName).startsWith(RUNTIME_DIR + path.sep);
}

/** One Program per distinct options.json, every case of that group emitted from it. */
function runPairing(
  pairing: CompilerPairing,
  cases: readonly FixtureCase[],
): Map<string, CaseResult> {
  const ts = patchedTypeScript(pairing);
  const results = new Map<string, CaseResult>();
  const groups = new Map<string, FixtureCase[]>();
  for (const fixture of cases) {
    const key = JSON.stringify(fixture.options);
    groups.set(key, [...(groups.get(key) ?? []), fixture]);
  }
  for (const group of groups.values()) {
    const options = pinnedOptions(ts, group[0]!.options);
    const program = ts.createProgram(
      group.map((fixture) => fixture.input),
      options,
      createHost(ts, options),
    );
    for (const fixture of group) results.set(fixture.name, emitCase(ts, program, fixture));
  }
  return results;
}

function emitCase(ts: typeof TS, program: TS.Program, fixture: FixtureCase): CaseResult {
  const sourceFile = program.getSourceFile(fixture.input);
  if (sourceFile === undefined) throw new Error(`${fixture.input} is not in the program`);
  let output: string | undefined;
  const emitted = program.emit(sourceFile, (fileName, text) => {
    if (fileName.endsWith(".js")) output = text;
  });
  if (output === undefined) throw new Error(`${fixture.name}: nothing emitted`);
  const diagnostics = emitted.diagnostics
    // File-less diagnostics (plugin options) belong to every case built with those options.
    .filter(
      (d) => d.source === "adaptive-array-pools" && (d.file === sourceFile || d.file === undefined),
    )
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || a.code - b.code)
    .map((d) => formatPoolDiagnostic(ts, d, (fileName) => path.relative(fixture.dir, fileName)));
  return {
    output,
    diagnostics: diagnostics.length === 0 ? "" : `${diagnostics.join("\n")}\n`,
  };
}

/** Compare with the committed file; under UPDATE=1 the first pairing writes it instead. */
function expectFile(file: string, actual: string, writes: boolean, optional: boolean): void {
  if (writes) {
    if (optional && actual === "") rmSync(file, { force: true });
    else writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    if (optional && actual === "") return;
    assert.unreachable(`${path.relative(REPO_ROOT, file)} is missing (run UPDATE=1 to create it)`);
  }
  assert.fixture(actual, readFileSync(file, "utf8"), `${path.relative(REPO_ROOT, file)} differs`);
}

const cases = readCases();

test("the fixture folder holds cases", () => {
  assert.ok(cases.length > 0, "no fixtures/<case>/input.ts found");
});

PAIRINGS.forEach((pairing, index) => {
  let results: Map<string, CaseResult> | undefined;
  const resultOf = (name: string): CaseResult => {
    results ??= runPairing(pairing, cases);
    return results.get(name)!;
  };
  for (const fixture of cases) {
    test(`${pairing.label}: ${fixture.name}`, () => {
      const result = resultOf(fixture.name);
      const writes = UPDATE && index === 0;
      expectFile(path.join(fixture.dir, "output.js"), result.output, writes, false);
      expectFile(path.join(fixture.dir, "diagnostics.txt"), result.diagnostics, writes, true);
    });
  }
});

test.run();
