/**
 * Worker-thread body of scale.test.ts's overflow case: the test starts it with a small stack
 * (`resourceLimits.stackSizeMb`), so a few thousand terms overflow TypeScript's emitter. It compiles
 * `scaleProgram(1, terms)` with plain `transpileModule`, then with `transformSource`, and posts what
 * each did. If `transformSource` throws, the worker fails and so does the test.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as ts from "typescript";
import { transformSource } from "../../transformer/index.js";
import { scaleProgram } from "./support-differential.js";

export interface OverflowReport {
  /** What plain `transpileModule` threw (`String(error)`), or undefined if it compiled the file. */
  readonly plainError: string | undefined;
  /** `transformSource`'s code and its diagnostics' message text. */
  readonly code: string;
  readonly messages: readonly string[];
}

function plainTranspileError(code: string): string | undefined {
  try {
    ts.transpileModule(code, { compilerOptions: {} });
    return undefined;
  } catch (error) {
    return String(error);
  }
}

function report(terms: number): OverflowReport {
  const code = scaleProgram(1, terms);
  const plainError = plainTranspileError(code);
  const result = transformSource(code, { ts });
  const messages = result.diagnostics.map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
  return { plainError, code: result.code, messages };
}

if (parentPort === null) throw new Error("overflow-worker runs on the thread scale.test.ts starts");
const { terms } = workerData as { terms: number };
parentPort.postMessage(report(terms));
