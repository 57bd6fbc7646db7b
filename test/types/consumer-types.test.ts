/**
 * The published declarations type-check under the tsconfigs users have, with each
 * TypeScript major pinned in compat/types: a browser project on lib ES2022 + DOM with neither
 * @types/node nor skipLibCheck (ESM and CommonJS declarations), one that writes `using` with
 * lib.esnext.disposable, and a Node project whose Symbol.dispose comes from @types/node. The version
 * is in each test's name; the test fails if the workspace holds another.
 */
import { readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  checkWithApiInChild,
  checkWithCli,
  consumerProject,
  reachableDeclarations,
  typescriptFolder,
} from "./support-type-check.js";
import type { TypeCheck } from "./support-type-check.js";

interface Consumer {
  readonly config: string;
  readonly declarations: "esm" | "cjs";
  /** `using` and lib.esnext.disposable arrived in TypeScript 5.2; 5.0 projects cannot write either. */
  readonly writesUsing: boolean;
}

const CONSUMERS: readonly Consumer[] = [
  { config: "tsconfig.browser.json", declarations: "esm", writesUsing: false },
  { config: "tsconfig.browser-cjs.json", declarations: "cjs", writesUsing: false },
  { config: "tsconfig.using.json", declarations: "esm", writesUsing: true },
  { config: "tsconfig.node.json", declarations: "cjs", writesUsing: true },
];

interface Compiler {
  readonly version: string;
  /** The workspace that pins this TypeScript exactly. */
  readonly workspace: string;
  readonly hasUsing: boolean;
  /** TypeScript 7 has no JavaScript API: its `tsc` runs instead. */
  readonly native: boolean;
}

const COMPILERS: readonly Compiler[] = [
  { version: "5.0", workspace: "compat/types/ts5.0", hasUsing: false, native: false },
  { version: "5.9", workspace: "compat/types/ts5.9", hasUsing: true, native: false },
  { version: "6.0", workspace: "compat/ts6", hasUsing: true, native: false },
  { version: "7", workspace: "compat/ts7", hasUsing: true, native: true },
];

function consumersOf(compiler: Compiler): Consumer[] {
  return CONSUMERS.filter((consumer) => compiler.hasUsing || !consumer.writesUsing);
}

const project = consumerProject();
test.after(() => rmSync(project, { recursive: true, force: true }));

/**
 * Every check starts when this file is loaded and runs in child processes one after another: they use
 * the machine's other core while the rest of the suite runs, instead of adding their time to it.
 */
function startChecks(): Map<string, Promise<TypeCheck>> {
  const results = new Map<string, Promise<TypeCheck>>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const compiler of COMPILERS) {
    const typescriptDir = typescriptFolder(compiler.workspace);
    const consumers = consumersOf(compiler);
    const configs = consumers.map((consumer) => path.join(project, consumer.config));
    const batch: Promise<readonly TypeCheck[]> = compiler.native
      ? configs.reduce<Promise<TypeCheck[]>>(
          (done, config) =>
            done.then(async (checks) => [...checks, await checkWithCli(typescriptDir, config)]),
          previous.then(() => []),
        )
      : previous.then(() => checkWithApiInChild(typescriptDir, configs));
    previous = batch.catch(() => undefined);
    consumers.forEach((consumer, index) => {
      const result = batch.then((checks) => checks[index]!);
      result.catch(() => undefined); // reported by the test that awaits it
      results.set(`${compiler.version} ${consumer.config}`, result);
    });
  }
  return results;
}

const checks = startChecks();

for (const compiler of COMPILERS) {
  test(`${compiler.workspace} holds TypeScript ${compiler.version}`, () => {
    const manifest = path.join(typescriptFolder(compiler.workspace), "package.json");
    const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
    assert.ok(version.startsWith(`${compiler.version}.`), `found ${version}`);
  });
  for (const consumer of consumersOf(compiler)) {
    const name = `TypeScript ${compiler.version}: ${consumer.config} type-checks against the ${consumer.declarations} declarations`;
    test(name, async () => {
      const result = await checks.get(`${compiler.version} ${consumer.config}`)!;
      assert.equal(result.diagnostics, [], "no diagnostics");
      assert.equal(
        result.packageDeclarations,
        reachableDeclarations(consumer.declarations),
        "the program loaded (and so checked) the package's declarations of that format",
      );
    });
  }
}

test.run();
