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
import { createProject, runProgram, writeDiagnosticsProject } from "./support-project.js";
import type { Project } from "./support-project.js";
import { runVitest, startViteDev } from "./support-dev.js";
import { TOOLS, vite } from "./support-tools.js";
import type { BuildOutput, BuildRequest, Tool } from "./support-tools.js";

const requireHere = createRequire(__filename);
const ts = requireHere("typescript") as typeof TS;

function versionOfVitest(): string {
  return (requireHere("vitest/package.json") as { version: string }).version;
}
const ONLY = process.env["BUNDLERS"]?.toLowerCase().split(",");
let project!: Project;
let diagnostics!: ReturnType<typeof writeDiagnosticsProject>;
let tspcScopes = 0;

test.before(async () => {
  project = await createProject();
  diagnostics = writeDiagnosticsProject(project.dir);
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

const builds = new Map<string, Promise<BuildOutput>>();
function buildOnce(tool: Tool, variant: string, request: Omit<BuildRequest, "root" | "outDir">) {
  const key = `${tool.name}/${variant}`;
  let build = builds.get(key);
  if (build === undefined) {
    const outDir = path.join(project.dir, `dist-${tool.name.replace(/\W+/g, "-")}-${variant}`);
    build = tool.build({ root: project.dir, outDir, ...request });
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

const variants: { readonly name: string; readonly minify: boolean }[] = [
  { name: "build", minify: false },
];

for (const tool of TOOLS) {
  if (ONLY !== undefined && !ONLY.some((name) => tool.name.toLowerCase().startsWith(name)))
    continue;
  const label = `${tool.name} ${tool.version()}`;
  const toolVariants =
    tool.name === "Vite" ? [...variants, { name: "minified", minify: true }] : variants;
  for (const variant of toolVariants) {
    test(`${label} ${variant.name}: inline scopes, no marker call, prints what the tspc build prints`, async () => {
      const build = await buildOnce(tool, variant.name, {
        entry: project.entry,
        minify: variant.minify,
      });
      assertBuilt(build, label);
      assert.is(
        countScopes(build.code),
        tspcScopes,
        `${label}: one inline scope per marker, as tspc emits`,
      );
      assertNoMarkerCall(build.code, label);
      assert.is(runProgram(build.file), project.tspcOutput);
      assert.equal(build.warnings, [], `${label}: no warnings`);
    });
  }

  test(`${label}: every line of a rewritten function maps back into its .ts source`, async () => {
    const build = await buildOnce(tool, "build", { entry: project.entry });
    assertBuilt(build, label);
    assertPipelineMapsBack(build.code, build.map, label);
  });

  test(`${label}: an AAP error fails the build with file, line and column`, async () => {
    const build = await buildOnce(tool, "error", { entry: diagnostics.errorEntry });
    assert.ok(build.error !== undefined, `${label}: the build failed`);
    const expected = expectedDiagnostics(diagnostics.errorEntry);
    assert.ok(expected.length > 0 && expected.every((line) => line.includes(": error ")));
    for (const line of expected)
      assert.ok(build.error.includes(line), `${label}: '${line}' in:\n${build.error}`);
  });

  test(`${label}: an AAP warning is the tool's warning and the build succeeds`, async () => {
    const build = await buildOnce(tool, "warning", { entry: diagnostics.warningEntry });
    assertBuilt(build, label);
    const expected = expectedDiagnostics(diagnostics.warningEntry);
    assert.ok(expected.length > 0 && expected.every((line) => line.includes(": warning ")));
    for (const line of expected) {
      assert.ok(
        build.warnings.some((warning) => warning.includes(line)),
        `${label}: '${line}' in ${JSON.stringify(build.warnings)}`,
      );
    }
    assert.is(runProgram(build.file), "byReference(3) = 3\n");
  });

  test(`${label}: pooling: false compiles pooling out, and prints what tspc's pooling: false build prints`, async () => {
    const build = await buildOnce(tool, "unpooled", {
      entry: project.unpooledEntry,
      plugin: { pooling: false },
    });
    assertBuilt(build, label);
    assert.is(countScopes(build.code), 0, `${label}: no scope left`);
    assert.ok(build.code.includes("DISABLED_POOL"), `${label}: bodies see DISABLED_POOL`);
    assertNoMarkerCall(build.code, label);
    assert.is(runProgram(build.file), project.tspcUnpooledOutput);
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
