/**
 * A failure inside the safety analysis never escapes the transformer: the scope it failed on gets one
 * AAP2099 warning, the other scopes of the file are still checked, and nothing throws.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type * as TS from "typescript";
import { formatPoolDiagnostic } from "../../transformer/diagnostics.js";
import { findPoolScopes } from "../../transformer/pool-scopes.js";
import { createImportResolver } from "../../transformer/resolve-markers.js";
import { checkPoolScope } from "../../transformer/safety/index.js";
import type { SafetyContext } from "../../transformer/safety/index.js";
import { compilers } from "./analyse.js";

const SOURCE = [
  `import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";`,
  `const pool = new AdaptiveArrayPool();`,
  `export const broken = withPool(pool, function broken() {`,
  `  const v = acquire(pool, 3);`,
  `  return v;`,
  `});`,
  `export const checked = withPool(pool, function checked() {`,
  `  const w = acquire(pool, 3);`,
  `  return w;`,
  `});`,
].join("\n");

test("a throwing check becomes AAP2099 on its scope; the next scope is still checked", () => {
  const [compiler] = compilers();
  const ts = compiler!.ts;
  const sourceFile = ts.createSourceFile("input.ts", SOURCE, ts.ScriptTarget.ES2022, true);
  const resolve = createImportResolver(ts, sourceFile, "adaptive-array-pools");
  const scopes = findPoolScopes(ts, sourceFile, resolve);
  const [broken] = scopes.all;
  const reported: TS.Diagnostic[] = [];
  const context: SafetyContext = {
    ts,
    sourceFile,
    checker: undefined,
    escapeLint: "error",
    resolveRuntimeCall: resolve,
    report: (diagnostic) => reported.push(diagnostic),
    // The lookup every escape check makes fails for the first scope only.
    scopes: {
      ...scopes,
      owningScope(node) {
        const owner = scopes.owningScope(node);
        if (owner === broken) throw new Error("lookup exploded");
        return owner;
      },
    },
  };
  for (const scope of scopes.all) checkPoolScope(scope, context);
  const lines = reported.map((d) => formatPoolDiagnostic(ts, d, (name) => name));
  assert.is(lines.length, 2);
  assert.is(
    lines[0],
    "input.ts(3,38): warning AAP2099: The safety analysis failed on this pool scope and did not " +
      "check it (lookup exploded). The code is still rewritten; please report this with the " +
      "scope's source.",
  );
  assert.match(lines[1]!, /^input\.ts\(9,10\): error AAP2001: `w` escapes its pool scope/);
});

test.run();
