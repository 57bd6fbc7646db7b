/**
 * The pool scope under analysis: which nodes it governs, which declarations are its own, and which
 * scope (it, or a nested `using poolScope` block) owns a given node, so nested scopes never report the
 * same problem twice.
 */
import type * as TS from "typescript";
import type { SafetyContext } from "./index.js";

export interface PoolScope {
  /** The marker's function, or the `using _ = poolScope(P)` statement of a block scope. */
  readonly owner: TS.FunctionLikeDeclaration | TS.VariableStatement;
  /** Source range of everything the scope governs. */
  readonly start: number;
  readonly end: number;
  /** The statements run inside the scope (a function's body statements, or a block's rest). */
  readonly statements: readonly TS.Statement[];
  /** An arrow function's expression body, returned from inside the scope. */
  readonly expressionBody: TS.Expression | undefined;
}

export function functionScope(fn: TS.FunctionLikeDeclaration, ts: typeof TS): PoolScope {
  const body = fn.body;
  return {
    owner: fn,
    start: fn.getStart(),
    end: fn.getEnd(),
    statements: body !== undefined && ts.isBlock(body) ? body.statements : [],
    expressionBody: body !== undefined && !ts.isBlock(body) ? body : undefined,
  };
}

export function blockScope(
  usingStatement: TS.VariableStatement,
  rest: readonly TS.Statement[],
): PoolScope {
  const last = rest[rest.length - 1];
  return {
    owner: usingStatement,
    start: usingStatement.getStart(),
    end: (last ?? usingStatement).getEnd(),
    statements: rest,
    expressionBody: undefined,
  };
}

/** Whether a declaration (its declaring identifier) lives inside the scope. */
export function declaredInside(scope: PoolScope, declaration: TS.Node): boolean {
  // The checker may resolve a name to another file (a global in a lib file): never inside.
  if (declaration.getSourceFile() !== scope.owner.getSourceFile()) return false;
  const position = declaration.getStart();
  return position >= scope.start && position < scope.end;
}

/** `using _ = poolScope(P)` (or `await using`): the statement that opens a block scope. */
export function isPoolScopeStatement(
  statement: TS.Statement,
  context: SafetyContext,
): statement is TS.VariableStatement {
  const { ts } = context;
  if (!ts.isVariableStatement(statement)) return false;
  if ((statement.declarationList.flags & ts.NodeFlags.Using) === 0) return false;
  return statement.declarationList.declarations.some((declaration) => {
    const init = declaration.initializer;
    return (
      init !== undefined &&
      ts.isCallExpression(init) &&
      context.resolveRuntimeCall(init) === "poolScope"
    );
  });
}

/**
 * The innermost scope that owns `node` when walking up to `scope`'s own root: `scope.owner` itself,
 * or the `using poolScope` statement of a nested block that precedes `node` in its block.
 */
export function owningScope(node: TS.Node, scope: PoolScope, context: SafetyContext): TS.Node {
  for (let child = node; child.parent !== undefined; child = child.parent) {
    if (child === scope.owner) return scope.owner;
    if (isMarkerFunction(child, context)) return child;
    const opener = precedingPoolScope(child, context);
    if (opener !== undefined) return opener;
  }
  return scope.owner;
}

/** The `using poolScope` statement before `child` in its statement list, if any. */
function precedingPoolScope(child: TS.Node, context: SafetyContext): TS.Node | undefined {
  const { ts } = context;
  const parent = child.parent;
  if (!(
    ts.isBlock(parent) ||
    ts.isSourceFile(parent) ||
    ts.isModuleBlock(parent) ||
    ts.isCaseClause(parent) ||
    ts.isDefaultClause(parent)
  )) {
    return undefined;
  }
  const statements: readonly TS.Statement[] = parent.statements;
  const index = statements.indexOf(child as TS.Statement);
  for (let i = index - 1; i >= 0; i--) {
    const statement = statements[i]!;
    if (isPoolScopeStatement(statement, context)) return statement;
  }
  return undefined;
}

/** A function given to withPool / maybeWithPool: a pool scope of its own. */
function isMarkerFunction(node: TS.Node, context: SafetyContext): boolean {
  const { ts } = context;
  if (!ts.isFunctionExpression(node) && !ts.isArrowFunction(node)) return false;
  const call = node.parent;
  if (call === undefined || !ts.isCallExpression(call)) return false;
  const marker = context.resolveRuntimeCall(call);
  return marker === "withPool" || marker === "maybeWithPool";
}
