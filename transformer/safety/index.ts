/**
 * Compile-time safety checks on pool scopes: escapes of pool-backed arrays (AAP2xxx), and
 * interleaving (await / yield inside a scope) and buffer detachment (AAP3xxx).
 *
 * The rewrite (transformer/) calls these once per scope it finds; they only report, never change code.
 */
import type * as TS from "typescript";

/** The runtime exports the transformer recognises by symbol (or by import, without a checker). */
export type RuntimeExportName =
  | "withPool"
  | "maybeWithPool"
  | "poolScope"
  | "acquire"
  | "zeros"
  | "ones"
  | "similar"
  | "rand"
  | "randn"
  | "getTaskLocalPool";

export type EscapeLint = "error" | "warn" | "off";

export interface SafetyContext {
  readonly ts: typeof TS;
  readonly sourceFile: TS.SourceFile;
  /** Absent under isolated transpileModule: checks then work from syntax alone. */
  readonly checker: TS.TypeChecker | undefined;
  /** Which of this package's exports a call's callee resolves to, if any. */
  resolveRuntimeCall(call: TS.CallExpression): RuntimeExportName | undefined;
  readonly escapeLint: EscapeLint;
  report(diagnostic: TS.Diagnostic): void;
}

/** Check the function of a function-form marker (`withPool(P, function f() {...})`, arrows too). */
export function checkFunctionScope(
  _fn: TS.FunctionLikeDeclaration,
  _context: SafetyContext,
): void {}

/** Check the statements a `using _ = poolScope(P);` governs (the rest of its block). */
export function checkBlockScope(
  _usingStatement: TS.VariableStatement,
  _rest: readonly TS.Statement[],
  _context: SafetyContext,
): void {}
