/**
 * Real builds with every bundler (compat/bundlers, from the lockfile), each driven through its JS API
 * with no port opened, on examples/pipeline and the seed patterns: the bundle holds the inline scopes
 * and no marker call, the built program prints what the tspc build prints, source maps lead back into
 * the .ts, AAP errors fail the build with file, line and column, warnings are the tool's warnings,
 * and `pooling: false` compiles pooling out. One build per tool and variant, shared by its assertions.
 * `BUNDLERS=vite,esbuild` limits the tools.
 */
import * as path from "node:path";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type * as TS from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { transformSource } from "../../transformer/transform-source.js";
import {
  assertNoMarkerCall,
  assertPipelineMapsBack,
  countScopes,
  countScopesIn,
} from "./support-checks.js";
import {
  buildReferences,
  runProgram,
  writeDiagnosticsProject,
  writeProject,
} from "./support-project.js";
import type { Project, ProjectFiles } from "./support-project.js";
import { runVitest, startViteDev } from "./support-dev.js";
import { TOOLS, vite } from "./support-tools.js";
import type { BuildOutput, BuildRequest, Tool } from "./support-tools.js";

const requireHere = createRequire(__filename);
const ts = requireHere("typescript") as typeof TS;

function versionOfVitest(): string {
  return (requireHere("vitest/package.json") as { version: string }).version;
}
const ONLY = process.env["BUNDLERS"]?.toLowerCase().split(",");
const SELECTED_TOOLS = TOOLS.filter(
  (tool) => ONLY === undefined || ONLY.some((name) => tool.name.toLowerCase().startsWith(name)),
);
let files!: ProjectFiles;
let project!: Project;
let diagnostics!: ReturnType<typeof writeDiagnosticsProject>;
let tspcScopes = 0;

/**
 * The tspc reference builds run in children; the bundler builds (each tool and variant once, in the
 * order the tests ask for them) are queued while they run, so the bundlers work while tspc does.
 */
test.before(async () => {
  files = writeProject();
  diagnostics = writeDiagnosticsProject(files.dir);
  const references = buildReferences(files);
  for (const tool of SELECTED_TOOLS) {
    for (const variant of variantsOf(tool)) void buildOnce(tool, variant);
  }
  project = await references;
  tspcScopes = countScopesIn(path.join(project.dir, "out-tspc"));
});

/** `file(line,col): severity AAPnnnn` for each diagnostic the tspc route reports for `file`. */
function expectedDiagnostics(file: string): string[] {
  const result = transformSource(readFileSync(file, "utf8"), { ts, fileName: file });
  return result.diagnostics.map((diagnostic) => {
    const position = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start!);
    const severity = diagnostic.category === ts.DiagnosticCategory.Error ? "error" : "warning";
    const code = /^AAP\d+/.exec(String(diagnostic.messageText))![0];
    return `${path.basename(file)}(${position.line + 1},${position.character + 1}): ${severity} ${code}`;
  });
}

/** The builds each tool makes: the scenario (Vite also minified), the diagnostics files, pooling off. */
type Variant = "build" | "minified" | "error" | "warning" | "unpooled";

function variantsOf(tool: Tool): readonly Variant[] {
  const scenario: Variant[] = tool.name === "Vite" ? ["build", "minified"] : ["build"];
  return [...scenario, "error", "warning", "unpooled"];
}

function requestFor(variant: Variant): Omit<BuildRequest, "root" | "outDir"> {
  switch (variant) {
    case "build":
      return { entry: files.entry, minify: false };
    case "minified":
      return { entry: files.entry, minify: true };
    case "error":
      return { entry: diagnostics.errorEntry };
    case "warning":
      return { entry: diagnostics.warningEntry };
    case "unpooled":
      return { entry: files.unpooledEntry, plugin: { pooling: false } };
  }
}

const builds = new Map<string, Promise<BuildOutput>>();
/**
 * The last build queued. Builds run one after another, never side by side: they share this thread,
 * and one build's JavaScript would stretch another's plugin callbacks (Rolldown warns when those take
 * a large share of its build time, and the tests require no warnings).
 */
let lastQueued: Promise<unknown> = Promise.resolve();

function buildOnce(tool: Tool, variant: Variant): Promise<BuildOutput> {
  const key = `${tool.name}/${variant}`;
  let build = builds.get(key);
  if (build === undefined) {
    const outDir = path.join(files.dir, `dist-${tool.name.replace(/\W+/g, "-")}-${variant}`);
    const request = { root: files.dir, outDir, ...requestFor(variant) };
    build = lastQueued.then(() => tool.build(request));
    // A failure is the asking test's to report, however long after the start that test runs.
    lastQueued = build.catch(() => undefined);
    builds.set(key, build);
  }
  return build;
}

function assertBuilt(
  build: BuildOutput,
  label: string,
): asserts build is BuildOutput & { file: string } {
  assert.is(build.error, undefined, `${label} failed: ${build.error}`);
}

for (const tool of SELECTED_TOOLS) {
  const label = `${tool.name} ${tool.version()}`;
  const scenarioVariants = variantsOf(tool).filter((v) => v === "build" || v === "minified");
  for (const variant of scenarioVariants) {
    test(`${label} ${variant}: inline scopes, no marker call, prints what the tspc build prints`, async () => {
      const build = await buildOnce(tool, variant);
      assertBuilt(build, label);
      assert.is(
        countScopes(build.code),
        tspcScopes,
        `${label}: one inline scope per marker, as tspc emits`,
      );
      assertNoMarkerCall(build.code, label);
      assert.is(await runProgram(build.file), project.tspcOutput);
      assert.equal(build.warnings, [], `${label}: no warnings`);
    });
  }

  test(`${label}: every line of a rewritten function maps back into its .ts source`, async () => {
    const build = await buildOnce(tool, "build");
    assertBuilt(build, label);
    assertPipelineMapsBack(build.code, build.map, label);
  });

  test(`${label}: an AAP error fails the build with file, line and column`, async () => {
    const build = await buildOnce(tool, "error");
    assert.ok(build.error !== undefined, `${label}: the build failed`);
    const expected = expectedDiagnostics(diagnostics.errorEntry);
    assert.ok(expected.length > 0 && expected.every((line) => line.includes(": error ")));
    for (const line of expected)
      assert.ok(build.error.includes(line), `${label}: '${line}' in:\n${build.error}`);
  });

  test(`${label}: an AAP warning is the tool's warning and the build succeeds`, async () => {
    const build = await buildOnce(tool, "warning");
    assertBuilt(build, label);
    const expected = expectedDiagnostics(diagnostics.warningEntry);
    assert.ok(expected.length > 0 && expected.every((line) => line.includes(": warning ")));
    for (const line of expected) {
      assert.ok(
        build.warnings.some((warning) => warning.includes(line)),
        `${label}: '${line}' in ${JSON.stringify(build.warnings)}`,
      );
    }
    assert.is(await runProgram(build.file), "byReference(3) = 3\n");
  });

  test(`${label}: pooling: false compiles pooling out, and prints what tspc's pooling: false build prints`, async () => {
    const build = await buildOnce(tool, "unpooled");
    assertBuilt(build, label);
    assert.is(countScopes(build.code), 0, `${label}: no scope left`);
    assert.ok(build.code.includes("DISABLED_POOL"), `${label}: bodies see DISABLED_POOL`);
    assertNoMarkerCall(build.code, label);
    assert.is(await runProgram(build.file), project.tspcUnpooledOutput);
  });
}

const runDev = ONLY === undefined || ONLY.includes("vite");

if (runDev) {
  test(`Vite ${vite.version()} dev transform (middleware mode, no listen): rewritten, mapped, diagnostics`, async () => {
    const server = await startViteDev(project.dir);
    try {
      const steps = await server.transform("/src/steps.ts");
      assert.is(
        countScopes(steps.code),
        countScopes(readFileSync(path.join(project.dir, "out-tspc", "steps.js"), "utf8")),
      );
      assertNoMarkerCall(steps.code, "Vite dev");
      assertPipelineMapsBack(steps.code, steps.map, "Vite dev");
      const error = await server.transform("/diag/escape.ts").then(
        () => "",
        (failure: unknown) => String((failure as { message?: unknown }).message ?? failure),
      );
      for (const line of expectedDiagnostics(diagnostics.errorEntry)) {
        assert.ok(error.includes(line), `Vite dev: '${line}' in:\n${error}`);
      }
      await server.transform("/diag/by-reference.ts");
      for (const line of expectedDiagnostics(diagnostics.warningEntry)) {
        assert.ok(
          server.warnings.some((warning) => warning.includes(line)),
          `Vite dev: warning '${line}'`,
        );
      }
    } finally {
      await server.close();
    }
  });
}

if (ONLY === undefined || ONLY.includes("vitest")) {
  test(`Vitest ${versionOfVitest()} (programmatic): the scenario runs rewritten and prints what tspc's build prints`, async () => {
    const run = await runVitest(project.dir);
    assert.equal({ passed: run.passed, failed: run.failed }, { passed: 1, failed: 0 });
    assert.is(run.output, project.tspcOutput);
  });
}

test("the tspc reference builds differ (pooling on and off), so the comparisons can fail", () => {
  assert.ok(tspcScopes >= 8, `tspc emitted ${tspcScopes} scopes`);
  assert.is.not(project.tspcOutput, project.tspcUnpooledOutput);
});

test.after(() => project.remove());

test.run();
