/**
 * Scale: sizes TypeScript itself compiles must go through the plugin without a crash, a stack
 * overflow or a diagnostic, on both routes: 700 `using _ = poolScope(pool)` in one block, and a
 * 2,000-term expression in a pooled body. How compile time grows with N is measured, not asserted:
 * bench/scale/compile-scale.ts.
 *
 * Past TypeScript's own limit, transformSource must still return, not throw. That case runs on a
 * worker thread with a small stack (SCALE_OVERFLOW_STACK_MB, default 0.4 MB, of which Node keeps
 * 192 KB in reserve), where 3,000 terms (SCALE_OVERFLOW_TERMS) overflow TypeScript's emitter: on the
 * default stack it takes some 20,000 terms, and half a minute of compiling, to get there. The test
 * first checks that plain TypeScript does overflow there, so it fails loudly, rather than passing
 * without testing anything, if an engine's frames ever shrink enough to fit.
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import * as ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { transformSource } from "../../transformer/index.js";
import type { OverflowReport } from "./overflow-worker.js";
import { scaleProgram } from "./support-differential.js";
import { syntaxErrorsIn } from "./support-parse-check.js";

const USINGS = Number(process.env["SCALE_USINGS"] ?? "700");
const TERMS = Number(process.env["SCALE_TERMS"] ?? "2000");
const OVERFLOW_TERMS = Number(process.env["SCALE_OVERFLOW_TERMS"] ?? "3000");
const OVERFLOW_STACK_MB = Number(process.env["SCALE_OVERFLOW_STACK_MB"] ?? "0.4");

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

/** overflow-worker.js on a thread whose stack is OVERFLOW_STACK_MB; rejects if it throws or dies. */
function overflowOnSmallStack(): Promise<OverflowReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "overflow-worker.js"), {
      workerData: { terms: OVERFLOW_TERMS },
      resourceLimits: { stackSizeMb: OVERFLOW_STACK_MB },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`overflow worker exited ${code}, no report`)));
  });
}

test(`transformSource never throws, even where TypeScript's own emitter overflows (${OVERFLOW_TERMS} terms, ${OVERFLOW_STACK_MB} MB stack)`, async () => {
  // Past the stack's depth TypeScript's printer overflows (plain transpileModule throws):
  // transformSource returns AAP1098 instead of throwing. At this depth parts of the plugin may
  // give up as well (AAP1099 on the marker); the file's verdict is TypeScript's own failure.
  const { plainError, code, messages } = await overflowOnSmallStack();
  assert.ok(
    plainError !== undefined,
    `plain transpileModule compiled ${OVERFLOW_TERMS} terms on a ${OVERFLOW_STACK_MB} MB stack: ` +
      "raise SCALE_OVERFLOW_TERMS or lower SCALE_OVERFLOW_STACK_MB until TypeScript overflows",
  );
  assert.match(plainError, /Maximum call stack size exceeded/);
  assert.is(code, "");
  assert.ok(
    messages.some((m) => m.startsWith("AAP1098: TypeScript could not compile this file")),
    messages.join("\n"),
  );
});

test.run();
