/**
 * Compile-time safety checks on pool scopes: escapes of pool-backed arrays (AAP2xxx), and
 * interleaving (await / yield inside a scope) and buffer detachment (AAP3xxx).
 *
 * The rewrite (transformer/) calls these once per scope it finds; they only report, never change code,
 * and never throw: an internal failure is dropped rather than breaking the user's build.
 */
import type * as TS from "typescript";
import { detachHooks } from "./detach.js";
import { escapeHooks } from "./escape-analysis.js";
import { walkScope } from "./flow.js";
import type { FlowHooks } from "./flow.js";
import { createPoolDiagnostic } from "../diagnostics.js";
import { checkInterleaving } from "./interleaving.js";
import { SafetyCode, analysisFailedMessage } from "./messages.js";
import { blockScope, functionScope } from "./scope.js";

import type { RuntimeExportName } from "../runtime-exports.js";

export type { RuntimeExportName };

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

/** Every check that follows the flow of values through a scope. */
const flowHooks: FlowHooks = {
  onReturn(value, env) {
    escapeHooks.onReturn(value, env);
    detachHooks.onReturn(value, env);
  },
  onExpression(node, env) {
    escapeHooks.onExpression(node, env);
    detachHooks.onExpression(node, env);
  },
};

/** Check the function of a function-form marker (`withPool(P, function f() {...})`, arrows too). */
export function checkFunctionScope(fn: TS.FunctionLikeDeclaration, context: SafetyContext): void {
  if (fn.body === undefined) return;
  runChecks(context, fn, () => walkScope(functionScope(fn, context.ts), context, flowHooks));
}

/** Check the statements a `using _ = poolScope(P);` governs (the rest of its block). */
export function checkBlockScope(
  usingStatement: TS.VariableStatement,
  rest: readonly TS.Statement[],
  context: SafetyContext,
): void {
  const scope = blockScope(usingStatement, rest);
  runChecks(context, usingStatement, () => {
    walkScope(scope, context, flowHooks);
    checkInterleaving(scope, poolArgument(usingStatement, context), context);
  });
}

/** `P` of `using _ = poolScope(P)`; undefined for the task-local pool (`poolScope()`). */
function poolArgument(
  statement: TS.VariableStatement,
  context: SafetyContext,
): TS.Expression | undefined {
  const { ts } = context;
  for (const declaration of statement.declarationList.declarations) {
    const init = declaration.initializer;
    if (
      init !== undefined &&
      ts.isCallExpression(init) &&
      context.resolveRuntimeCall(init) === "poolScope"
    ) {
      return init.arguments[0];
    }
  }
  return undefined;
}

/**
 * The transformer must never throw: a check that fails on code it did not foresee becomes a warning
 * on the scope (AAP2099) instead, and the rewrite itself is unaffected.
 */
function runChecks(context: SafetyContext, scopeNode: TS.Node, checks: () => void): void {
  try {
    checks();
  } catch (error) {
    const message = analysisFailedMessage(error);
    context.report(
      createPoolDiagnostic(context.ts, context.sourceFile, {
        code: SafetyCode.AnalysisFailed,
        severity: "warning",
        node: scopeNode,
        message,
      }),
    );
  }
}
