/**
 * Interleaving: an `await` or `yield` while a `using poolScope` block is open suspends the function
 * with the scope still open; other tasks then run on the same pool and rewind out of order (AAP3001,
 * AAP3002). Async and generator functions handed to withPool directly are the rewrite's diagnostic
 * (AAP1xxx), so only block scopes are checked here.
 */
import type * as TS from "typescript";
import { createBindingResolver } from "../names.js";
import { enclosingFunctionOf } from "../pool-scopes.js";
import type { BlockPoolScope, PoolScope } from "../pool-scopes.js";
import { skipOuterExpressions } from "../syntax.js";
import { walkPreOrder } from "../walk.js";
import type { SafetyContext } from "./index.js";
import { AWAIT_IN_SCOPE, YIELD_IN_SCOPE } from "../diagnostic-registry.js";
import { reportSafety } from "./report.js";

/**
 * Suspensions in `scope` (the first block scope of its statement list) and in the later block scopes
 * of the same list, which its walk covers: each is reported once, naming the innermost open scope of
 * the list whose pool other tasks may share.
 */
export function checkInterleaving(scope: BlockPoolScope, context: SafetyContext): void {
  const { ts } = context;
  walkPreOrder(ts, scope.statements, (node) => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return "skip";
    const suspension = suspensionOf(node, ts);
    if (suspension === undefined) return undefined;
    const owner = context.scopes.owningScope(node);
    if (owner === undefined || owner.kind !== "block") return undefined;
    if (owner !== scope && context.scopes.leaderOf(owner) !== scope) return undefined;
    const pool = innermostSharedPool(owner, scope, context);
    if (pool !== undefined) {
      reportSafety(context, suspension.code(suspension.keyword, pool), suspension.node, []);
    }
    return undefined;
  });
}

/** How messages name the innermost pool other tasks may share, open from `scope` to `owner`. */
function innermostSharedPool(
  owner: BlockPoolScope,
  scope: BlockPoolScope,
  context: SafetyContext,
): string | undefined {
  for (let open: PoolScope | undefined = owner; open?.kind === "block";) {
    const current: BlockPoolScope = open;
    const shared = [...current.pools]
      .reverse()
      .find((pool) => pool === undefined || !isPrivatePool(pool, current, context));
    if (shared !== undefined || current.pools.includes(undefined)) {
      return shared === undefined
        ? "the task-local pool"
        : `\`${shared.getText(context.sourceFile)}\``;
    }
    // The scope governing this `using` is the previous one of the list, until the first.
    open = current === scope ? undefined : context.scopes.owningScope(current.using);
  }
  return undefined;
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
