/**
 * Interleaving: an `await` or `yield` while a `using poolScope` block is open suspends the function
 * with the scope still open; other tasks then run on the same pool and rewind out of order (AAP3001,
 * AAP3002). Async and generator functions handed to withPool directly are the rewrite's diagnostic
 * (AAP1xxx), so only block scopes are checked here.
 */
import type * as TS from "typescript";
import type { SafetyContext } from "./index.js";
import { SafetyCode, interleavingMessage } from "./messages.js";
import { reportSafety } from "./report.js";
import { owningScope } from "./scope.js";
import type { PoolScope } from "./scope.js";

export function checkInterleaving(
  scope: PoolScope,
  poolExpression: TS.Expression | undefined,
  context: SafetyContext,
): void {
  if (poolExpression !== undefined && isPrivatePool(poolExpression, context)) return;
  const pool =
    poolExpression === undefined
      ? "the task-local pool"
      : `\`${poolExpression.getText(context.sourceFile)}\``;
  const { ts } = context;
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    const suspension = suspensionOf(node, ts);
    if (suspension !== undefined && owningScope(node, scope, context) === scope.owner) {
      const message = interleavingMessage(suspension.code, suspension.keyword, pool);
      reportSafety(context, suspension.code, "corrupts-pool", suspension.node, message);
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of scope.statements) visit(statement);
}

interface Suspension {
  readonly code: SafetyCode;
  readonly keyword: string;
  readonly node: TS.Node;
}

function suspensionOf(node: TS.Node, ts: typeof TS): Suspension | undefined {
  if (ts.isAwaitExpression(node)) return { code: SafetyCode.AwaitInScope, keyword: "await", node };
  if (ts.isYieldExpression(node)) return { code: SafetyCode.YieldInScope, keyword: "yield", node };
  if (ts.isForOfStatement(node) && node.awaitModifier !== undefined) {
    return { code: SafetyCode.AwaitInScope, keyword: "for await", node: node.awaitModifier };
  }
  // `await using` awaits its disposal when the block ends, before the pool scope closes.
  if (
    ts.isVariableDeclarationList(node) &&
    ((node.flags & ts.NodeFlags.AwaitUsing) as TS.NodeFlags) === ts.NodeFlags.AwaitUsing
  ) {
    return { code: SafetyCode.AwaitInScope, keyword: "await using", node };
  }
  return undefined;
}

/**
 * A pool no other task can reach: `poolScope(new AdaptiveArrayPool())`, or a `const` initialised so in
 * the same function. Awaiting with its scope open is safe; every other pool may be shared.
 */
function isPrivatePool(pool: TS.Expression, context: SafetyContext): boolean {
  const { ts } = context;
  if (isNewPool(pool, ts)) return true;
  if (!ts.isIdentifier(pool)) return false;
  const declaration = findLocalConst(pool, ts);
  return declaration?.initializer !== undefined && isNewPool(declaration.initializer, ts);
}

function isNewPool(expression: TS.Expression, ts: typeof TS): boolean {
  if (!ts.isNewExpression(expression)) return false;
  const callee = expression.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  return ts.isIdentifier(name) && name.text === "AdaptiveArrayPool";
}

/** A `const` of that name declared directly in a block of the function enclosing `reference`. */
function findLocalConst(
  reference: TS.Identifier,
  ts: typeof TS,
): TS.VariableDeclaration | undefined {
  for (let node: TS.Node = reference; node.parent !== undefined; node = node.parent) {
    const parent = node.parent;
    if (ts.isFunctionLike(parent) || ts.isSourceFile(parent)) return undefined;
    if (!ts.isBlock(parent)) continue;
    for (const statement of parent.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      if ((statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      const match = statement.declarationList.declarations.find(
        (declaration) =>
          ts.isIdentifier(declaration.name) && declaration.name.text === reference.text,
      );
      if (match !== undefined) return match;
    }
  }
  return undefined;
}
