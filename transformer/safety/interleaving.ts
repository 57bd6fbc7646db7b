/**
 * Interleaving: an `await` or `yield` while a `using poolScope` block is open suspends the function
 * with the scope still open; other tasks then run on the same pool and rewind out of order (AAP3001,
 * AAP3002). Async and generator functions handed to withPool directly are the rewrite's diagnostic
 * (AAP1xxx), so only block scopes are checked here.
 */
import type * as TS from "typescript";
import { createBindingResolver } from "../names.js";
import { enclosingFunctionOf } from "../pool-scopes.js";
import type { BlockPoolScope } from "../pool-scopes.js";
import { skipOuterExpressions } from "../syntax.js";
import type { SafetyContext } from "./index.js";
import { AWAIT_IN_SCOPE, YIELD_IN_SCOPE } from "../diagnostic-registry.js";
import { reportSafety } from "./report.js";

export function checkInterleaving(scope: BlockPoolScope, context: SafetyContext): void {
  // The first pool other tasks may share (undefined: the task-local pool) is the one to name.
  const sharedIndex = scope.pools.findIndex(
    (pool) => pool === undefined || !isPrivatePool(pool, scope, context),
  );
  if (sharedIndex < 0) return;
  const shared = scope.pools[sharedIndex];
  const pool =
    shared === undefined ? "the task-local pool" : `\`${shared.getText(context.sourceFile)}\``;
  const { ts } = context;
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    const suspension = suspensionOf(node, ts);
    if (suspension !== undefined && context.scopes.owningScope(node) === scope) {
      const message = suspension.code(suspension.keyword, pool);
      reportSafety(context, message, suspension.node, []);
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of scope.statements) visit(statement);
}

interface Suspension {
  readonly code: typeof AWAIT_IN_SCOPE | typeof YIELD_IN_SCOPE;
  readonly keyword: string;
  readonly node: TS.Node;
}

function suspensionOf(node: TS.Node, ts: typeof TS): Suspension | undefined {
  if (ts.isAwaitExpression(node)) return { code: AWAIT_IN_SCOPE, keyword: "await", node };
  if (ts.isYieldExpression(node)) return { code: YIELD_IN_SCOPE, keyword: "yield", node };
  if (ts.isForOfStatement(node) && node.awaitModifier !== undefined) {
    return { code: AWAIT_IN_SCOPE, keyword: "for await", node: node.awaitModifier };
  }
  // `await using` awaits its disposal when the block ends, before the pool scope closes.
  if (
    ts.isVariableDeclarationList(node) &&
    ((node.flags & ts.NodeFlags.AwaitUsing) as TS.NodeFlags) === ts.NodeFlags.AwaitUsing
  ) {
    return { code: AWAIT_IN_SCOPE, keyword: "await using", node };
  }
  return undefined;
}

/**
 * A pool no other task can reach: `poolScope(new AdaptiveArrayPool())`, or a `const` initialised so in
 * a block of the function the scope runs in. Awaiting with its scope open is safe; every other pool
 * may be shared.
 */
function isPrivatePool(
  pool: TS.Expression,
  scope: BlockPoolScope,
  context: SafetyContext,
): boolean {
  const { ts } = context;
  const expression = skipOuterExpressions(ts, pool);
  if (isNewPool(expression, ts)) return true;
  if (!ts.isIdentifier(expression)) return false;
  const name = createBindingResolver(ts, context.checker).declarationOf(expression);
  const declaration = name?.parent;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration)) return false;
  const list = declaration.parent;
  const statement = list.parent;
  return (
    declaration.name === name &&
    ts.isVariableDeclarationList(list) &&
    (list.flags & ts.NodeFlags.Const) !== 0 &&
    ts.isVariableStatement(statement) &&
    ts.isBlock(statement.parent) &&
    enclosingFunctionOf(ts, statement) === scope.enclosingFunction &&
    declaration.initializer !== undefined &&
    isNewPool(skipOuterExpressions(ts, declaration.initializer), ts)
  );
}

function isNewPool(expression: TS.Expression, ts: typeof TS): boolean {
  if (!ts.isNewExpression(expression)) return false;
  const callee = expression.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  return ts.isIdentifier(name) && name.text === "AdaptiveArrayPool";
}
