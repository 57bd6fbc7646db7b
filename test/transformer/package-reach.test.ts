/**
 * The per-file early exit (package-reach.ts): a file is passed over without a walk only when no
 * module it reaches, and no file that adds to the global scope or augments a module, is a package
 * file. Every way a symbol of the package can get into a file must keep the file walked.
 */
import type * as TS from "typescript";
import * as path from "node:path";
import * as ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import plugin from "../../transformer/index.js";
import { createMarkerReach } from "../../transformer/package-reach.js";
import { createPackageFileTest } from "../../transformer/resolve-markers.js";

/** The files live (in memory) in an existing directory: module resolution looks for it on disk. */
const DIRECTORY = path.join(REPO_ROOT, "test", "transformer");
const RUNTIME = "../../runtime/index.js";

/** A program of in-memory files (name → code) next to each other, able to import the runtime. */
function programOf(files: Readonly<Record<string, string>>): TS.Program {
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noLib: true,
    types: [],
  };
  const inMemory = new Map(Object.entries(files).map(([name, code]) => [at(name), code]));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => inMemory.get(name) ?? readFile(name);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => inMemory.has(name) || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion) => {
    const code = inMemory.get(name);
    return code === undefined
      ? getSourceFile(name, languageVersion)
      : ts.createSourceFile(name, code, languageVersion, true);
  };
  return ts.createProgram([...inMemory.keys()], options, host);
}

const at = (name: string): string => path.join(DIRECTORY, `virtual-reach-${name}`);

/** Which of `names` may hold markers, by the reach test the plugin uses. */
function reachOf(files: Readonly<Record<string, string>>, names: readonly string[]): boolean[] {
  const program = programOf(files);
  const reach = createMarkerReach(ts, program, program.getTypeChecker(), createPackageFileTest(ts));
  return names.map((name) => reach(program.getSourceFile(at(name))!));
}

test("files that reach no package file are passed over, however they import each other", () => {
  const files = {
    "a.ts": 'import { b } from "./virtual-reach-b.js";\nexport const a = () => b();\n',
    "b.ts": 'import { a } from "./virtual-reach-a.js";\nexport function b() { return a; }\n',
    "c.ts": "export const c = 1;\n",
  };
  assert.equal(reachOf(files, ["a.ts", "b.ts", "c.ts"]), [false, false, false]);
});

test("an import of the package, directly or through re-exports and import types, is followed", () => {
  const files = {
    "direct.ts": `import { withPool } from "${RUNTIME}";\nexport const w = withPool;\n`,
    "reexport.ts": `export { withPool as scoped } from "${RUNTIME}";\n`,
    "star.ts": 'export * from "./virtual-reach-reexport.js";\n',
    "user.ts":
      'import { scoped } from "./virtual-reach-star.js";\nexport const f = scoped(() => 1);\n',
    "typed.ts": `export declare function lib(): typeof import("${RUNTIME}");\n`,
    "uses-typed.ts": 'import { lib } from "./virtual-reach-typed.js";\nexport const g = lib();\n',
    "dynamic.ts": `export const h = () => import("${RUNTIME}");\n`,
    "plain.ts": "export const x = 1;\n",
  };
  const names = Object.keys(files);
  assert.equal(reachOf(files, names), [true, true, true, true, true, true, true, false]);
});

test("a script, a global augmentation or a module augmentation that reaches the package counts for every file", () => {
  const plain = { "plain.ts": "export const x = 1;\n" };
  const script = `declare var lib: typeof import("${RUNTIME}");\n`;
  const global = `export {};\ndeclare global { var lib: typeof import("${RUNTIME}"); }\n`;
  const augmentation =
    `import type * as pools from "${RUNTIME}";\n` +
    'declare module "./virtual-reach-plain.js" { export const lib: typeof pools; }\n';
  const unrelatedScript = "declare var nothing: number;\n";
  assert.equal(reachOf({ ...plain, "g.ts": script }, ["plain.ts"]), [true]);
  assert.equal(reachOf({ ...plain, "g.ts": global }, ["plain.ts"]), [true]);
  assert.equal(reachOf({ ...plain, "g.ts": augmentation }, ["plain.ts"]), [true]);
  assert.equal(reachOf({ ...plain, "g.ts": unrelatedScript }, ["plain.ts"]), [false]);
});

test("a module reference the checker cannot resolve keeps the file walked", () => {
  const files = {
    "a.ts": 'import { withPool } from "#unresolvable";\nexport const w = withPool;\n',
  };
  assert.equal(reachOf(files, ["a.ts"]), [true]);
});

test("the plugin emits a passed-over file exactly as TypeScript alone does", () => {
  const files = {
    "a.ts":
      'import { b } from "./virtual-reach-b.js";\nexport const a = (n: number) => new Float64Array(b(n));\n',
    "b.ts": "export function b(n: number) { return n + 1; }\n",
  };
  const program = programOf(files);
  const emit = (transformers: TS.CustomTransformers | undefined): string => {
    let output = "";
    program.emit(
      program.getSourceFile(at("a.ts")),
      (name, text) => {
        if (name.endsWith(".js")) output = text;
      },
      undefined,
      false,
      transformers,
    );
    return output;
  };
  const { before } = plugin(program, {}, { ts });
  assert.is(emit({ before }), emit(undefined));
});

test.run();
