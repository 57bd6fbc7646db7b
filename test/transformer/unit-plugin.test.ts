/**
 * The plugin entry itself: a TypeScript without the transformer API gets one clear message and no
 * crash; bad options are reported once per program; a second emit does not repeat diagnostics.
 */
import type * as TS from "typescript";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import plugin from "../../transformer/index.js";
import { createPackageFileTest } from "../../transformer/resolve-markers.js";

/** A TypeScript 7-like module: it has a version and a few functions, but no transformer API. */
function typeScriptWithoutTransformers(): typeof TS {
  return { version: "7.0.0-dev", sys: ts.sys } as unknown as typeof TS;
}

const messageText = (d: TS.Diagnostic): string =>
  ts.flattenDiagnosticMessageText(d.messageText, "\n");

test("without the transformer API: one AAP1001 diagnostic, no transformers, no throw", () => {
  const fakeTs = typeScriptWithoutTransformers();
  const diagnostics: TS.Diagnostic[] = [];
  const extras = { ts: fakeTs, addDiagnostic: (d: TS.Diagnostic) => diagnostics.push(d) };
  const program = {} as TS.Program;
  const first = plugin(program, {}, extras);
  const second = plugin(program, {}, extras);
  assert.equal(first.before, []);
  assert.equal(second.before, []);
  assert.is(diagnostics.length, 1, "reported once per TypeScript instance");
  const text = messageText(diagnostics[0]!);
  assert.match(text, /^AAP1001: TypeScript 7\.0\.0-dev has no transformer API/);
  assert.match(text, /runtime fallbacks/);
  assert.is(diagnostics[0]!.category, ts.DiagnosticCategory.Warning);
});

test("without the transformer API and without addDiagnostic: one line on stderr", () => {
  const fakeTs = typeScriptWithoutTransformers();
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (line: string) => lines.push(line);
  try {
    plugin({} as TS.Program, undefined, { ts: fakeTs });
    plugin({} as TS.Program, undefined, { ts: fakeTs });
  } finally {
    console.warn = original;
  }
  assert.is(lines.length, 1);
  assert.match(lines[0]!, /^warning AAP1001: TypeScript 7\.0\.0-dev has no transformer API/);
});

test("without extras at all (a loader that passes nothing): no throw", () => {
  const original = console.warn;
  console.warn = () => undefined;
  try {
    const result = plugin({} as TS.Program, {}, undefined as unknown as { ts: typeof TS });
    assert.equal(result.before, []);
  } finally {
    console.warn = original;
  }
});

/** A program whose one in-memory file sits in the repository, so it can import the runtime's source. */
function programOf(code: string): { program: TS.Program; fileName: string } {
  const fileName = path.join(REPO_ROOT, "test", "transformer", "virtual-input.ts");
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    noLib: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fileName ? code : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion) =>
    name === fileName
      ? ts.createSourceFile(name, code, languageVersion, true)
      : getSourceFile(name, languageVersion);
  return { program: ts.createProgram([fileName], options, host), fileName };
}

function emitWith(
  { program, fileName }: { program: TS.Program; fileName: string },
  config: Record<string, unknown>,
  diagnostics: TS.Diagnostic[],
): string {
  let output = "";
  const { before } = plugin(program, config, { ts, addDiagnostic: (d) => diagnostics.push(d) });
  program.emit(
    program.getSourceFile(fileName),
    (name, text) => {
      if (name.endsWith(".js")) output = text;
    },
    undefined,
    false,
    { before },
  );
  return output;
}

test("without a Program (a loader that passes none): markers are recognised by imports", () => {
  const { before } = plugin(undefined as unknown as TS.Program, {}, { ts });
  const output = ts.transpileModule(
    'import { withPool } from "adaptive-array-pools";\nexport const f = withPool(() => 1);\n',
    { compilerOptions: { target: ts.ScriptTarget.ES2022 }, transformers: { before } },
  ).outputText;
  assert.match(output, /getTaskLocalPool\(\)/);
});

test("invalid options: reported once per program, defaults used", () => {
  const built = programOf("export const x = 1;\n");
  const diagnostics: TS.Diagnostic[] = [];
  emitWith(built, { pooling: "no", runtimeModule: "" }, diagnostics);
  emitWith(built, { pooling: "no", runtimeModule: "" }, diagnostics);
  const texts = diagnostics.map(messageText);
  assert.is(texts.length, 2);
  assert.ok(
    texts[0]!.startsWith('AAP1002: Plugin option "pooling" must be true or false, got "no"'),
  );
  assert.ok(texts[1]!.startsWith('AAP1002: Plugin option "runtimeModule" must be a non-empty'));
});

test("option values JSON cannot show (a bigint, a function) are reported, not thrown", () => {
  const built = programOf("export const x = 1;\n");
  const diagnostics: TS.Diagnostic[] = [];
  emitWith(built, { pooling: 10n, escapeLint: () => "off" }, diagnostics);
  const texts = diagnostics.map(messageText);
  assert.is(texts.length, 2);
  assert.ok(texts[0]!.includes('"pooling" must be true or false, got 10'), texts[0]);
  assert.ok(texts[1]!.includes('"escapeLint"') && texts[1]!.includes("got a function"), texts[1]);
});

test("a second emit of the same program does not repeat a diagnostic", () => {
  const built = programOf(
    'import { poolScope, withPool } from "../../runtime/index.js";\n' +
      "export const leak = () => poolScope();\n" +
      "export const f = withPool((n: number) => n);\n",
  );
  const diagnostics: TS.Diagnostic[] = [];
  const first = emitWith(built, {}, diagnostics);
  const second = emitWith(built, {}, diagnostics);
  assert.is(first, second);
  assert.equal(
    diagnostics.map((d) => messageText(d).slice(0, 8)),
    ["AAP1020:"],
  );
  assert.match(first, /getTaskLocalPool\(\)/, "the marker resolved through the runtime's source");
});

test("imports the checker cannot resolve (transpile-only Programs) are recognised by specifier", () => {
  const built = programOf(
    'import { withPool } from "#unresolvable-pools";\n' +
      'import { withPool as other } from "#other-pools";\n' +
      "export const f = withPool(() => 1);\n" +
      "export const g = other(() => 2);\n",
  );
  const diagnostics: TS.Diagnostic[] = [];
  const output = emitWith(built, { runtimeModule: "#unresolvable-pools" }, diagnostics);
  assert.is(diagnostics.length, 0);
  assert.is(output.match(/\.checkpoint\(\)/g)?.length, 1, output);
  assert.match(output, /other\(\(\) => 2\)/);
});

test("a user's own withPool is not the package's export", () => {
  const built = programOf(
    "function withPool(_p: unknown, f: () => number) { return f; }\n" +
      "export const f = withPool(1, () => 2);\n",
  );
  const diagnostics: TS.Diagnostic[] = [];
  const output = emitWith(built, {}, diagnostics);
  assert.is(diagnostics.length, 0);
  assert.match(output, /withPool\(1, \(\) => 2\)/);
});

test("the runtime is the named package's runtime/ or dist/ files, past unnamed package.json files", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "aap-package-"));
  try {
    const write = (relative: string, text: string): void => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    };
    write("node_modules/adaptive-array-pools/package.json", '{ "name": "adaptive-array-pools" }');
    write("node_modules/adaptive-array-pools/dist/cjs/package.json", '{ "type": "commonjs" }');
    write("node_modules/adaptive-array-pools/dist/cjs/markers.d.ts", "");
    write("node_modules/adaptive-array-pools/runtime/markers.ts", "");
    write("node_modules/adaptive-array-pools/examples/own.ts", "");
    write("node_modules/other/package.json", '{ "name": "other" }');
    write("node_modules/other/dist/markers.d.ts", "");
    write("package.json", '{ "name": "app" }');
    write("src/markers.ts", "");
    const isRuntime = createPackageFileTest(ts);
    const at = (relative: string): boolean => isRuntime(path.join(root, relative));
    assert.ok(at("node_modules/adaptive-array-pools/dist/cjs/markers.d.ts"));
    assert.ok(at("node_modules/adaptive-array-pools/runtime/markers.ts"));
    assert.not.ok(at("node_modules/adaptive-array-pools/examples/own.ts"));
    assert.not.ok(at("node_modules/other/dist/markers.d.ts"));
    assert.not.ok(at("src/markers.ts"));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an exception inside the transformer becomes AAP1099 and the code is emitted untouched", () => {
  const { program, fileName } = programOf(
    'import { withPool } from "../../runtime/index.js";\nexport const f = withPool((n: number) => n);\n',
  );
  const broken = Object.create(program) as TS.Program;
  broken.getTypeChecker = () =>
    ({
      getSymbolAtLocation: () => {
        throw new Error("checker exploded");
      },
    }) as unknown as TS.TypeChecker;
  const diagnostics: TS.Diagnostic[] = [];
  let output = "";
  const { before } = plugin(broken, {}, { ts, addDiagnostic: (d) => diagnostics.push(d) });
  program.emit(
    program.getSourceFile(fileName),
    (name, text) => {
      if (name.endsWith(".js")) output = text;
    },
    undefined,
    false,
    { before },
  );
  assert.equal(diagnostics.map(messageText), [
    "AAP1099: Internal error in the adaptive-array-pools transformer (checker exploded); this file " +
      "was left untouched so the runtime fallback runs. Please report it with the code that triggered it.",
  ]);
  assert.match(output, /withPool\(\(n\) => n\)/);
});

test.run();
