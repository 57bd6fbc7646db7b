/**
 * Real builds: `tspc -p examples/<project>` with each TypeScript / ts-patch pairing,
 * the plugin listed in the project's tsconfig as a user would list it. Checks the exit code, the emitted
 * files, the exact diagnostics text, and runs the emitted program.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import * as os from "node:os";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import * as path from "node:path";
import type * as TS from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  DIST_TRANSFORMER,
  PAIRINGS,
  REPO_ROOT,
  runNode,
  runTspcAsync,
} from "../support/compilers.js";
import type { BuildResult, CompilerPairing } from "../support/compilers.js";
import { transformSource } from "../../transformer/index.js";
import {
  NOT_INLINE_FUNCTION,
  POOL_SCOPE_OUTSIDE_USING,
  SPREAD_ARGUMENT,
} from "../../transformer/diagnostic-registry.js";
import type { PoolMessage } from "../../transformer/diagnostic-registry.js";
import { defaultSeverity } from "../../transformer/diagnostics.js";
import { patchedTypeScript } from "./support-compile.js";
import { markerCallsIn } from "./support-marker-calls.js";

const requireHere = createRequire(__filename);

/** The example projects this test builds, and the transformSource snippet's folder under test/support. */
const PROJECT_FOLDERS: Readonly<Record<string, string>> = {
  pipeline: path.join("examples", "pipeline"),
  unrewritable: path.join("examples", "unrewritable"),
  "transform-source": path.join("test", "support", "transform-source"),
  "warnings-only": path.join("test", "support", "warnings-only"),
};

function projectPath(project: string, ...parts: string[]): string {
  return path.join(REPO_ROOT, PROJECT_FOLDERS[project]!, ...parts);
}

/**
 * This run's output folders for a project: under its out/ (gitignored), named by process, so two test
 * runs in one checkout do not build into each other's files, and within that by build, as the builds
 * run side by side.
 */
function runOutDir(project: string): string {
  return projectPath(project, "out", `test-${process.pid}`);
}

function outDir(project: string, build: string): string {
  return path.join(runOutDir(project), build);
}

/** The folder of one pairing's build of a project, e.g. `ts5.9.3` or `ts5.9.3-errors`. */
function buildName(pairing: CompilerPairing, variant = ""): string {
  return `ts${pairing.typescriptVersion}${variant === "" ? "" : `-${variant}`}`;
}

/** Throwaway projects made for the installed-dependency builds, removed after the file. */
const throwaway: string[] = [];

test.after(() => {
  for (const project of Object.keys(PROJECT_FOLDERS)) {
    rmSync(runOutDir(project), { recursive: true, force: true });
  }
  for (const dir of throwaway) rmSync(dir, { recursive: true, force: true });
});

/** A clean build: stale output from an earlier run must not pass for this one. */
function buildClean(
  pairing: CompilerPairing,
  project: string,
  config = PROJECT_FOLDERS[project]!,
  variant = "",
): Promise<BuildResult> {
  const out = outDir(project, buildName(pairing, variant));
  rmSync(out, { recursive: true, force: true });
  return runTspcAsync(pairing, config, ["--outDir", out]);
}

function emitted(project: string, build: string, file: string): string {
  const full = path.join(outDir(project, build), file);
  assert.ok(existsSync(full), `${file} was emitted`);
  return readFileSync(full, "utf8");
}

function runScript(script: string): string {
  const run = spawnSync(process.execPath, [script], { encoding: "utf8" });
  assert.is(run.stderr, "", `${script} writes nothing to stderr`);
  assert.is(run.status, 0, `${script} exits 0`);
  return run.stdout;
}

function runEmitted(project: string, build: string, entry: string): string {
  return runScript(path.join(outDir(project, build), entry));
}

/**
 * A throwaway project outside this repository that depends on the package the way users do: through
 * node_modules/adaptive-array-pools (a symlink to this checkout), with the plugin named by package.
 * What it adds to examples/pipeline's builds is that route; it leaves out @types/node, whose
 * interplay with the package's declarations (the same files by either route) the examples/pipeline
 * builds check, and whose parsing was most of each of these four builds: console is declared as
 * examples/unrewritable declares it.
 */
function installedCopyOfPipeline(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aap-installed-"));
  throwaway.push(dir);
  cpSync(projectPath("pipeline", "src"), path.join(dir, "src"), { recursive: true });
  cpSync(projectPath("unrewritable", "src", "console.d.ts"), path.join(dir, "src", "console.d.ts"));
  const config = JSON.parse(readFileSync(projectPath("pipeline", "tsconfig.json"), "utf8")) as {
    compilerOptions: { plugins: { transform: string }[]; types: string[] };
  };
  config.compilerOptions.plugins = [{ transform: "adaptive-array-pools/transformer" }];
  config.compilerOptions.types = [];
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(config, null, 2));
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "adaptive-array-pools"), "dir");
  return dir;
}

function count(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, "g"))?.length ?? 0;
}

const PIPELINE_OUTPUT = [
  "pipeline(4) = 48",
  "pipeline(10) = 300",
  "sumOfSquares(3) = 14",
  "sumOfSquares(0) = 0",
  "after: depth=0 activeBytes=0 slots=Int32Array:1",
  "",
].join("\n");

const UNREWRITABLE_OUTPUT = [
  "byReference(4) = 6",
  "bySpread(2) = 3",
  "insideHandle = 4.5",
  "depth after = 0",
  "",
].join("\n");

/**
 * What tspc prints for examples/unrewritable: position, severity, TypeScript's code and the plugin's
 * own message for each case (the message text itself is defined once, in transformer/diagnostic-registry.ts).
 * The path is relative to tspc's working directory, the repository root.
 */
function diagnosticLine(position: string, message: PoolMessage): string {
  const codes = `TS${90000 + message.code}: AAP${message.code}`;
  return `examples/unrewritable/src/main.ts${position}: ${defaultSeverity(message.category)} ${codes}: ${message.message}`;
}

const UNREWRITABLE_DIAGNOSTICS = [
  diagnosticLine("(16,42)", NOT_INLINE_FUNCTION("withPool")),
  diagnosticLine("(20,24)", SPREAD_ARGUMENT("withPool")),
  diagnosticLine("(23,16)", POOL_SCOPE_OUTSIDE_USING()),
  "",
].join("\n");

/**
 * Each build of this file runs once, started by the first to ask for it: the tests' own requests, and
 * before them all of them in the order the tests read them, so the compilers run side by side (as many
 * as there are cores) while earlier tests check their output. No build depends on another's output.
 */
const started = new Map<string, Promise<unknown>>();

function once<T>(key: string, start: () => Promise<T>): Promise<T> {
  let build = started.get(key) as Promise<T> | undefined;
  if (build === undefined) {
    build = start();
    // A failure is the asking test's to report, however long after the start that test runs.
    build.catch(() => undefined);
    started.set(key, build);
  }
  return build;
}

const pipelineBuild = (pairing: CompilerPairing) =>
  once(`pipeline ${pairing.label}`, () => buildClean(pairing, "pipeline"));
const unrewritableBuild = (pairing: CompilerPairing) =>
  once(`unrewritable ${pairing.label}`, () => buildClean(pairing, "unrewritable"));
const warningsBuild = (pairing: CompilerPairing) =>
  once(`warnings ${pairing.label}`, () => buildClean(pairing, "warnings-only"));
const warningsAsErrorsBuild = (pairing: CompilerPairing) =>
  once(`warnings as errors ${pairing.label}`, () => {
    const config = path.join(PROJECT_FOLDERS["warnings-only"]!, "tsconfig.errors.json");
    return buildClean(pairing, "warnings-only", config, "errors");
  });

interface InstalledBuild {
  readonly dir: string;
  readonly build: BuildResult;
}

/** The installed copy built by tspc; the ts-patch install route builds a copy of its own. */
const installedBuild = (pairing: CompilerPairing) =>
  once(`installed ${pairing.label}`, async (): Promise<InstalledBuild> => {
    const dir = installedCopyOfPipeline();
    return { dir, build: await runTspcAsync(pairing, dir) };
  });
const installedPatchedBuild = (pairing: CompilerPairing) =>
  once(`installed, ts-patch install ${pairing.label}`, async (): Promise<InstalledBuild> => {
    const dir = installedCopyOfPipeline();
    return { dir, build: await buildWithPatchedTsc(pairing, dir) };
  });

test.before(() => {
  for (const pairing of PAIRINGS) {
    void pipelineBuild(pairing);
    void unrewritableBuild(pairing);
  }
  for (const pairing of PAIRINGS) {
    void warningsBuild(pairing);
    void warningsAsErrorsBuild(pairing);
  }
  for (const pairing of PAIRINGS) {
    void installedBuild(pairing);
    void installedPatchedBuild(pairing);
  }
});

for (const pairing of PAIRINGS) {
  test(`${pairing.label}: examples/pipeline builds clean, is rewritten inline, and runs`, async () => {
    const build = await pipelineBuild(pairing);
    const name = buildName(pairing);
    assert.is(build.stdout + build.stderr, "", "no diagnostics");
    assert.is(build.status, 0);

    const steps = emitted("pipeline", name, "steps.js");
    assert.is(count(steps, /\.checkpoint\(\)/), 3, "one inline checkpoint per pooled function");
    assert.is(count(steps, /\.rewind\(/), 3, "one inline rewind per pooled function");
    assert.equal(markerCallsIn(steps), [], "no withPool call left in steps.js");
    const blocks = emitted("pipeline", name, "blocks.js");
    assert.is(count(blocks, /\.checkpoint\(\)/), 1, "the using declaration became a checkpoint");
    assert.equal(markerCallsIn(blocks), [], "no poolScope call left in blocks.js");
    // The project has @types/node, which augments the typed-array interfaces: the constructors are
    // still the engine's own, so acquires with them are specialised.
    assert.match(steps, /pool\.acquireFloat64\(n\)/, "acquire(pool, Float64Array, n) specialised");
    assert.match(blocks, /\.acquireInt32\(n\)/, "acquire(pool, Int32Array, n) specialised");

    const map = JSON.parse(emitted("pipeline", name, "steps.js.map")) as { sources: string[] };
    const input = path.relative(
      outDir("pipeline", name),
      projectPath("pipeline", "src", "steps.ts"),
    );
    assert.equal(
      map.sources,
      [input.split(path.sep).join("/")],
      "the source map points back to the input",
    );

    assert.is(runEmitted("pipeline", name, "main.js"), PIPELINE_OUTPUT);
  });

  test(`${pairing.label}: examples/unrewritable gets numbered diagnostics, still emits, and runs the fallback`, async () => {
    const build = await unrewritableBuild(pairing);
    const name = buildName(pairing);
    assert.is(build.stderr, "");
    assert.fixture(build.stdout, UNREWRITABLE_DIAGNOSTICS);
    assert.is(build.status, 2, "exit 2: errors reported, output generated");
    assert.equal(
      markerCallsIn(emitted("unrewritable", name, "main.js")),
      ["withPool", "withPool", "poolScope"],
      "the markers were left as calls",
    );
    assert.is(runEmitted("unrewritable", name, "main.js"), UNREWRITABLE_OUTPUT);
  });
}

/** test/support/warnings-only: one possible escape (AAP2012) and one function passed by name (AAP1010). */
function warningsOnlyLines(severity: "warning" | "error"): RegExp[] {
  const file = "test/support/warnings-only/src/main.ts";
  const byName = NOT_INLINE_FUNCTION("withPool");
  const escape = new RegExp(
    `^${escapeRegExp(`${file}(14,3): ${severity} TS92012: AAP2012: \`scratch\``)}`,
  );
  const notInline = new RegExp(
    `^${escapeRegExp(`${file}(23,32): ${severity} TS91010: AAP1010: ${byName.message}`)}$`,
  );
  return [escape, notInline];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function assertLines(output: string, expected: readonly RegExp[]): void {
  const lines = output.split("\n").filter((line) => line !== "");
  assert.is(lines.length, expected.length, output);
  expected.forEach((pattern, i) => assert.match(lines[i]!, pattern));
}

for (const pairing of PAIRINGS) {
  test(`${pairing.label}: a build with plugin warnings only succeeds and prints them in TypeScript's format`, async () => {
    const build = await warningsBuild(pairing);
    assert.is(build.stderr, "");
    assertLines(build.stdout, warningsOnlyLines("warning"));
    assert.is(build.status, 0, "warnings do not fail the build");
    assert.is(
      runEmitted("warnings-only", buildName(pairing), "main.js"),
      "remember(3) = 3\ndoubled(2) = 4\n",
    );
  });

  test(`${pairing.label}: "warnings": "error" makes the same warnings fail the build`, async () => {
    const build = await warningsAsErrorsBuild(pairing);
    assert.is(build.stderr, "");
    assertLines(build.stdout, warningsOnlyLines("error"));
    assert.is(build.status, 2, "exit 2: errors reported, output generated");
  });
}

function assertPipelineBuiltAndRuns(dir: string, build: BuildResult, route: string): void {
  assert.is(build.stdout + build.stderr, "", `no diagnostics (${route})`);
  assert.is(build.status, 0, route);
  const steps = readFileSync(path.join(dir, "out", "steps.js"), "utf8");
  assert.is(count(steps, /\.checkpoint\(\)/), 3, `rewritten (${route})`);
  assert.is(runScript(path.join(dir, "out", "main.js")), PIPELINE_OUTPUT, route);
}

/**
 * `ts-patch install` on a private copy of the pairing's TypeScript (patching the shared one would
 * change the compiler under every other test), then that copy's plain `tsc`. A failed install is
 * reported as the build's result.
 */
async function buildWithPatchedTsc(pairing: CompilerPairing, dir: string): Promise<BuildResult> {
  const typescript = path.join(dir, "node_modules", "typescript");
  rmSync(typescript, { recursive: true, force: true });
  cpSync(path.join(pairing.root, "node_modules", "typescript"), typescript, { recursive: true });
  const cli = [pairing.tsPatchCli, "install", "--dir", typescript, "--no-cache", "-s"];
  const install = await runNode(cli, dir);
  if (install.status !== 0) {
    return { ...install, stderr: `ts-patch install: ${install.stdout}${install.stderr}` };
  }
  return runNode([path.join(typescript, "bin", "tsc"), "-p", dir, "--pretty", "false"], dir);
}

for (const pairing of PAIRINGS) {
  test(`${pairing.label}, installed as a dependency: "adaptive-array-pools/transformer" with tspc and with ts-patch install`, async () => {
    const tspc = await installedBuild(pairing);
    assertPipelineBuiltAndRuns(tspc.dir, tspc.build, "tspc");
    const patched = await installedPatchedBuild(pairing);
    assertPipelineBuiltAndRuns(patched.dir, patched.build, "ts-patch install + tsc");
  });
}

/** The transformSource route: a pre-step for tools that only transpile, on test/support/transform-source. */
const SNIPPET = projectPath("transform-source", "pooled-norms.ts");

for (const pairing of PAIRINGS) {
  test(`${pairing.label}: transformSource rewrites a snippet by its imports and the result runs`, () => {
    const ts = requireHere(path.join(pairing.root, "node_modules", "typescript")) as typeof TS;
    const result = transformSource(readFileSync(SNIPPET, "utf8"), {
      ts,
      fileName: "pooled-norms.ts",
      compilerOptions: { module: ts.ModuleKind.CommonJS, sourceMap: true },
    });
    assert.equal(result.diagnostics, []);
    assert.is(
      count(result.code, /\.checkpoint\(\)/),
      2,
      "renamed and namespace markers both rewritten",
    );
    assert.equal(markerCallsIn(result.code), [], "no marker call left");
    const map = JSON.parse(result.sourceMap ?? "{}") as { sources?: string[] };
    assert.equal(map.sources, ["pooled-norms.ts"]);
    const out = outDir("transform-source", buildName(pairing));
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "pooled-norms.js"), result.code);
    assert.is(runScript(path.join(out, "pooled-norms.js")), "5 1 0\n");
  });
}

/**
 * The transpile-only modes of ts-jest (isolatedModules), ts-loader and ts-node (transpileOnly) call
 * `transpileModule` of `ts-patch/compiler`, which runs the plugin on a one-file Program whose imports do
 * not resolve: recognition must then follow the imports, as it does without any checker.
 */
for (const pairing of PAIRINGS) {
  test(`${pairing.label}: ts-patch/compiler's transpileModule (transpile-only tools) rewrites by imports`, () => {
    const ts = patchedTypeScript(pairing);
    const output = ts.transpileModule(readFileSync(SNIPPET, "utf8"), {
      fileName: SNIPPET,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        // TypeScript types plugin entries as language-service plugins; ts-patch reads `transform`.
        plugins: [{ transform: DIST_TRANSFORMER }] as unknown as TS.PluginImport[],
      },
    });
    assert.is(count(output.outputText, /\.checkpoint\(\)/), 2, "both markers rewritten");
    assert.equal(markerCallsIn(output.outputText), []);
  });
}

test("transformSource reports what it cannot rewrite, with position, and leaves the call", () => {
  const code = [
    'import { withPool } from "adaptive-array-pools";',
    "declare const pool: never, body: () => number;",
    "export const f = withPool(pool, body);",
  ].join("\n");
  const result = transformSource(code, { fileName: "snippet.ts" });
  const [only, ...rest] = result.diagnostics;
  assert.equal(rest, []);
  assert.ok(only !== undefined && only.file !== undefined && only.start !== undefined);
  assert.is(only.code, 91010);
  assert.is(only.file.getLineAndCharacterOfPosition(only.start).line, 2);
  assert.equal(markerCallsIn(result.code), ["withPool"]);
});

test.run();
