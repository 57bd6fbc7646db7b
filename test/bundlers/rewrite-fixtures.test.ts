/**
 * The bundler package's rewrite against the tspc route on every fixture (fixtures/<case>/input.ts,
 * with its options.json plugin options): the TypeScript it hands the bundler parses, and stripped of
 * types by TypeScript's own emit it is the same code as the plugin's output through transformSource
 * (the tspc plugin's rewrite without a type checker, which is what a bundler has), with the same
 * diagnostics. Compared as ES modules (the format bundlers take) without comments; import lists are
 * compared as the names each program still uses (none beyond tspc's), since an import the rewrite made
 * unused is elided by the bundler's own TypeScript step but kept by tspc's.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";
import { transformSource } from "../../transformer/transform-source.js";

const ts = createRequire(__filename)("typescript") as typeof TS;
const FIXTURES = path.join(REPO_ROOT, "fixtures");

function compilerOptions(): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    useDefineForClassFields: true,
    esModuleInterop: true,
    alwaysStrict: true,
    newLine: ts.NewLineKind.LineFeed,
    removeComments: true,
  };
}

/** The program without its import declarations, and the imported names it still uses. */
function normalise(code: string): { body: string; usedImports: string[] } {
  const lines = code.split("\n");
  const imports = lines.filter((line) => line.startsWith("import "));
  const body = lines.filter((line) => !line.startsWith("import ") && line.trim() !== "").join("\n");
  const names = imports.flatMap((line) => {
    const named = /\{([^}]*)\}/.exec(line)?.[1]?.split(",") ?? [];
    const namespace = /\* as (\w+)/.exec(line)?.[1];
    return [
      ...named.map((name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      ),
      namespace ?? "",
    ];
  });
  const usedImports = names.filter((name) => name !== "" && new RegExp(`\\b${name}\\b`).test(body));
  return { body, usedImports: [...new Set(usedImports)].sort() };
}

function pluginOptions(dir: string): Record<string, unknown> {
  const file = path.join(dir, "options.json");
  if (!existsSync(file)) return {};
  return (
    (JSON.parse(readFileSync(file, "utf8")) as { plugin?: Record<string, unknown> }).plugin ?? {}
  );
}

const cases = readdirSync(FIXTURES).filter((name) =>
  existsSync(path.join(FIXTURES, name, "input.ts")),
);

test("there are fixtures to compare", () =>
  assert.ok(cases.length >= 100, `${cases.length} cases`));

test("every fixture: same code and same diagnostics as the tspc route's rewrite", async () => {
  const { rewriteModule } = await import("unplugin-adaptive-array-pools/api");
  const failures: string[] = [];
  for (const name of cases) {
    const dir = path.join(FIXTURES, name);
    const fileName = path.join(dir, "input.ts");
    const input = readFileSync(fileName, "utf8");
    const plugin = pluginOptions(dir);
    const ours = rewriteModule(input, fileName, plugin);
    const typescript = ours?.code ?? input;
    const reparsed = ts.createSourceFile(fileName, typescript, ts.ScriptTarget.Latest, true);
    const syntax = (reparsed as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
    if (syntax.length > 0) failures.push(`${name}: the TypeScript handed on does not parse`);
    const stripped = ts.transpileModule(typescript, {
      fileName,
      compilerOptions: compilerOptions(),
    });
    const expected = transformSource(input, {
      ts,
      fileName,
      compilerOptions: compilerOptions(),
      plugin,
    });
    const [a, b] = [normalise(stripped.outputText), normalise(expected.code)];
    if (a.body !== b.body)
      failures.push(`${name}: code differs\n${a.body}\n---- tspc route:\n${b.body}`);
    // Names the rewrite made unused are elided by TypeScript here; tspc's emit keeps the import.
    const extra = a.usedImports.filter((imported) => !b.usedImports.includes(imported));
    if (extra.length > 0) failures.push(`${name}: imports ${extra} that the tspc route does not`);
    const ourDiagnostics = (ours?.diagnostics ?? []).map(
      (d) => `${d.line}:${d.column} ${d.message}`,
    );
    const theirs = expected.diagnostics
      .filter((d) => String(d.messageText).startsWith("AAP"))
      .map((d) => {
        const at = d.file?.getLineAndCharacterOfPosition(d.start!);
        return `${at === undefined ? undefined : at.line + 1}:${at === undefined ? undefined : at.character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    if (ourDiagnostics.join("\n") !== theirs.join("\n")) {
      failures.push(
        `${name}: diagnostics\n${ourDiagnostics.join("\n")}\n---- tspc route:\n${theirs.join("\n")}`,
      );
    }
  }
  assert.equal(failures, []);
});

test("types and the user's text are kept: only rewritten ranges change", async () => {
  const { rewriteModule } = await import("unplugin-adaptive-array-pools/api");
  const fileName = path.join(FIXTURES, "with-pool-function-expression", "input.ts");
  const input = readFileSync(fileName, "utf8");
  const output = rewriteModule(input, fileName)!.code;
  assert.ok(
    output.includes("function sumOnes(n: number): number {"),
    "the signature keeps its types",
  );
  // The marker's own lines and the acquire with a literal element type (a per-type pool method) change.
  const rewritten = /withPool|zeros\(|^\}\);/;
  assert.ok(
    output.includes("  scratch.fill(1);\n  let total = 0;"),
    "the body keeps its indentation",
  );
  for (const line of input.split("\n").filter((line) => !rewritten.test(line))) {
    assert.ok(output.includes(line), `kept verbatim: '${line}'`);
  }
});

test("a file that does not name the runtime module is not parsed", async () => {
  const { rewriteModule } = await import("unplugin-adaptive-array-pools/api");
  assert.is(rewriteModule("export const x: number = withPool(1);", "plain.ts"), undefined);
  assert.is(rewriteModule("this is not TypeScript {{{", "broken.ts"), undefined);
});

test.run();
