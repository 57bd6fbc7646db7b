/**
 * Scale: sizes TypeScript itself compiles must go through the plugin without a crash, a stack
 * overflow or a diagnostic, on both routes: 700 `using _ = poolScope(pool)` in one block, and a
 * 2,000-term expression in a pooled body. How compile time grows with N is measured, not asserted:
 * bench/scale/compile-scale.ts.
 */
import * as ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { transformSource } from "../../transformer/index.js";
import { scaleProgram } from "./support-differential.js";
import { syntaxErrorsIn } from "./support-parse-check.js";

const USINGS = Number(process.env["SCALE_USINGS"] ?? "700");
const TERMS = Number(process.env["SCALE_TERMS"] ?? "2000");

test(`TypeScript itself compiles ${USINGS} usings and a ${TERMS}-term expression (the sizes are fair)`, () => {
  const plain = ts.transpileModule(scaleProgram(USINGS, TERMS), {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  assert.equal(plain.diagnostics ?? [], []);
});

test(`transformSource: ${USINGS} usings in one block and a ${TERMS}-term expression, no diagnostic`, () => {
  const result = transformSource(scaleProgram(USINGS, TERMS), { ts });
  const messages = result.diagnostics.map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
  assert.equal(messages, []);
  assert.equal(syntaxErrorsIn(result.code), []);
  const checkpoints = result.code.match(/\.checkpoint\(\)/g)?.length ?? 0;
  assert.is(checkpoints, USINGS + 1, "every scope rewritten");
});

test("transformSource never throws, even where TypeScript's own emitter overflows", () => {
  // 20,000 terms after `return` overflow TypeScript's printer (plain transpileModule throws too):
  // transformSource returns AAP1098 instead of throwing. At this depth parts of the plugin may
  // give up as well (AAP1099 on the marker); the file's verdict is TypeScript's own failure.
  const code = scaleProgram(1, 20000);
  assert.throws(() => ts.transpileModule(code, { compilerOptions: {} }));
  const result = transformSource(code, { ts });
  assert.is(result.code, "");
  const messages = result.diagnostics.map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
  assert.ok(
    messages.some((m) => m.startsWith("AAP1098: TypeScript could not compile this file")),
    messages.join("\n"),
  );
});

test.run();
