/**
 * Compile-time safety checks on pool scopes: escapes of pool-backed arrays (AAP2xxx), and
 * interleaving (await / yield inside a scope) and buffer detachment (AAP3xxx).
 *
 * The file visitor calls `checkPoolScope` once per scope that discovery (pool-scopes.ts) finds; the
 * checks only report, never change code, and never throw: an internal failure becomes a warning
 * rather than breaking the user's build.
 */
import type * as TS from "typescript";
import { detachHooks } from "./detach.js";
import { escapeHooks } from "./escape-analysis.js";
import { walkScope } from "./flow.js";
import type { FlowHooks } from "./flow.js";
import { createPoolDiagnostic } from "../diagnostics.js";
import { checkInterleaving } from "./interleaving.js";
import { ANALYSIS_FAILED } from "../diagnostic-registry.js";
import type { PoolScope, PoolScopes } from "../pool-scopes.js";
import type { RuntimeExportName } from "../runtime-exports.js";

export type { RuntimeExportName };

/** Severity of the compile-time safety checks: AAP2xxx / AAP3xxx as errors, as warnings, or off. */
export type EscapeLint = "error" | "warn" | "off";

export interface SafetyContext {
  readonly ts: typeof TS;
  readonly sourceFile: TS.SourceFile;
  /** Absent under isolated transpileModule: checks then work from syntax alone. */
  readonly checker: TS.TypeChecker | undefined;
  /** The file's pool scopes: which scope governs a node (nested scopes report their own problems). */
  readonly scopes: PoolScopes;
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

/**
 * Check one pool scope: every flow check, and interleaving for a block scope. A later block scope of
 * a statement list is checked by the walk of the list's first one (they all end where the list
 * ends): one walk per list keeps many `using`s in one block linear.
 */
export function checkPoolScope(scope: PoolScope, context: SafetyContext): void {
  if (context.scopes.leaderOf(scope) !== scope) return;
  runChecks(context, scope.owner, () => {
    walkScope(scope, context, flowHooks);
    if (scope.kind === "block") checkInterleaving(scope, context);
  });
}

/**
 * The transformer must never throw: a check that fails on code it did not foresee becomes a warning
 * on the scope (AAP2099) instead, and the rewrite itself is unaffected.
 */
function runChecks(context: SafetyContext, scopeNode: TS.Node, checks: () => void): void {
  try {
    checks();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const place = { sourceFile: context.sourceFile, node: scopeNode };
    context.report(createPoolDiagnostic(context.ts, ANALYSIS_FAILED(reason), place));
  }
}
