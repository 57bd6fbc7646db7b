/**
 * The function forms: `withPool(P, function f(...) {...})`, `withPool(P, (...) => ...)`,
 * `withPool(function f() {...})` and the same for `maybeWithPool`. The call becomes the function
 * itself with its body wrapped in checkpoint / try / finally rewind: no wrapper, no closure, no apply.
 */
import type * as TS from "typescript";
import type { FileContext } from "./file-context.js";
import {
  ACQUIRE_IN_PARAMETER_DEFAULT,
  ASYNC_OR_GENERATOR,
  NEW_POOL_PER_CALL,
  POOL_EXPRESSION_NOT_MOVABLE,
  POOLING_OFF_NEEDS_NAME,
} from "./diagnostic-registry.js";
import { isTaskLocalPool } from "./pool-scopes.js";
import type { FunctionMarker, FunctionPoolScope, MarkerRefusal } from "./pool-scopes.js";
import {
  copyLeadingComments,
  copyTrailingComments,
  openScope,
  poolSourceOf,
} from "./scope-code.js";
import { functionBoundUse, suspendingUse } from "./scope-analysis.js";
import { functionScopeNames, isAssignedIn, referencedNames } from "./names.js";
import { isAcquireFamily } from "./runtime-exports.js";
import { prologueLength, skipOuterExpressions } from "./syntax.js";

type InlineFunction = TS.FunctionExpression | TS.ArrowFunction;

/** The rewritten function, or undefined (after a diagnostic) to leave the call untouched. */
export function rewriteFunctionMarker(
  scope: FunctionPoolScope | MarkerRefusal,
  file: FileContext,
): TS.Expression | undefined {
  const { ts } = file;
  if (!("kind" in scope)) return fail(file, scope.node, scope.message);
  const { call, fn, marker, pool: poolArgument } = scope;
  const kind = suspendingKind(ts, fn);
  if (kind !== undefined) return fail(file, fn, ASYNC_OR_GENERATOR(marker, kind));
  const acquiring = file.options.pooling
    ? fn.parameters.find((parameter) => acquiresOutsideFunctions(file, parameter))
    : undefined;
  if (acquiring !== undefined) return fail(file, acquiring, ACQUIRE_IN_PARAMETER_DEFAULT(marker));
  if (poolArgument !== undefined) {
    const problem = unmovablePool(ts, poolArgument, fn);
    if (problem !== undefined)
      return fail(file, poolArgument, POOL_EXPRESSION_NOT_MOVABLE(marker, problem));
    if (ts.isNewExpression(skipOuterExpressions(ts, poolArgument))) {
      file.report(poolArgument, NEW_POOL_PER_CALL(marker));
    }
  }
  return file.options.pooling
    ? pooledFunction(file, call, fn, poolArgument, marker === "maybeWithPool")
    : unpooledFunction(file, call, fn, poolArgument, marker);
}

function fail(
  file: FileContext,
  node: TS.Node,
  message: Parameters<FileContext["report"]>[1],
): undefined {
  file.report(node, message);
  return undefined;
}

function suspendingKind(ts: typeof TS, fn: InlineFunction): string | undefined {
  const isAsync = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ?? false;
  const isGenerator = ts.isFunctionExpression(fn) && fn.asteriskToken !== undefined;
  if (isAsync && isGenerator) return "an async generator";
  if (isAsync) return "an async function";
  return isGenerator ? "a generator" : undefined;
}

/** True if `node` calls the acquire family outside nested functions (which run later, if at all). */
function acquiresOutsideFunctions(file: FileContext, node: TS.Node): boolean {
  const { ts } = file;
  if (ts.isFunctionLike(node)) return false;
  if (ts.isCallExpression(node) && isAcquireFamily(file.resolve(node))) return true;
  return (
    ts.forEachChild(node, (child) => acquiresOutsideFunctions(file, child) || undefined) ?? false
  );
}

/** Why the pool expression cannot move into the function body, if it cannot. */
function unmovablePool(ts: typeof TS, pool: TS.Expression, fn: InlineFunction): string | undefined {
  const suspending = suspendingUse(ts, pool);
  if (suspending !== undefined) return `it contains '${suspending}', which the function cannot run`;
  if (ts.isFunctionExpression(fn)) {
    const bound = functionBoundUse(ts, pool);
    if (bound !== undefined)
      return `it uses '${bound}', which means something else inside a 'function'`;
  }
  const declared = functionScopeNames(ts, fn);
  for (const name of referencedNames(ts, pool)) {
    if (declared.has(name)) return `it refers to '${name}', which the function itself declares`;
  }
  return undefined;
}

/** The function with `const depth = P.checkpoint(); try { body } finally { P.rewind(depth); }`. */
function pooledFunction(
  file: FileContext,
  call: TS.CallExpression,
  fn: InlineFunction,
  poolArgument: TS.Expression | undefined,
  maybe: boolean,
): TS.Expression {
  const source = poolSourceOf(file, poolArgument, fn.body);
  const scope = openScope(file, source, maybe, call);
  return replaceBody(file, call, fn, (statements) => [...scope.open, scope.wrap(statements)]);
}

/**
 * pooling: false. The body runs with no checkpoint or rewind; references to a pool passed by name are
 * compiled to DISABLED_POOL inside it, and getTaskLocalPool() calls (the scope-only form's pool) are
 * compiled to DISABLED_POOL everywhere by the file visitor.
 */
function unpooledFunction(
  file: FileContext,
  call: TS.CallExpression,
  fn: InlineFunction,
  poolArgument: TS.Expression | undefined,
  marker: FunctionMarker,
): TS.Expression | undefined {
  const { ts } = file;
  if (poolArgument === undefined || isTaskLocalPool(ts, file.resolve, poolArgument)) {
    return replaceBody(file, call, fn, undefined);
  }
  if (!ts.isIdentifier(poolArgument) || isAssignedIn(file.ts, fn.body, poolArgument.text)) {
    return fail(file, poolArgument, POOLING_OFF_NEEDS_NAME(marker));
  }
  return file.withPoolDisabled(poolArgument, () => replaceBody(file, call, fn, undefined));
}

/**
 * The visited function with its body statements replaced by `wrap(statements)`; prologue directives
 * stay first. `wrap` undefined keeps the body as it is (an expression body stays an expression).
 */
function replaceBody(
  file: FileContext,
  call: TS.CallExpression,
  fn: InlineFunction,
  wrap: ((statements: readonly TS.Statement[]) => TS.Statement[]) | undefined,
): TS.Expression {
  const { ts, factory } = file;
  const visited = file.visit(fn);
  let body: TS.ConciseBody = visited.body;
  if (wrap !== undefined) {
    const { prologue, statements } = bodyStatements(file, visited.body);
    const wrapped = factory.createNodeArray([...prologue, ...wrap(statements)]);
    // The original list's range keeps the comments between the last statement and the closing brace.
    if (ts.isBlock(fn.body)) ts.setTextRange(wrapped, fn.body.statements);
    body = factory.createBlock(wrapped, true);
    ts.setTextRange(body, fn.body);
    ts.setOriginalNode(body, fn.body);
  }
  const result = ts.isArrowFunction(visited)
    ? factory.updateArrowFunction(
        visited,
        visited.modifiers,
        visited.typeParameters,
        visited.parameters,
        visited.type,
        visited.equalsGreaterThanToken,
        body,
      )
    : factory.updateFunctionExpression(
        visited,
        visited.modifiers,
        visited.asteriskToken,
        visited.name,
        visited.typeParameters,
        visited.parameters,
        visited.type,
        body as TS.Block,
      );
  ts.setTextRange(result, call);
  ts.setOriginalNode(result, call);
  // The result takes the call's place, so comments around the function argument would be lost.
  const argument = call.arguments[call.arguments.length - 1]!;
  copyLeadingComments(file, argument, result, true);
  copyTrailingComments(file, argument, result);
  return standsAlone(ts, call) ? result : factory.createParenthesizedExpression(result);
}

/**
 * True where a function expression can replace the call without parentheses. Elsewhere (an operand,
 * a callee, a member access) the result is parenthesized: TypeScript's printer does not add the
 * parentheses an arrow needs as the left operand of a binary expression.
 */
function standsAlone(ts: typeof TS, call: TS.CallExpression): boolean {
  const parent = call.parent;
  if (parent === undefined) return false;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.expression !== call;
  if (ts.isBinaryExpression(parent)) {
    return parent.right === call && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  }
  if (ts.isConditionalExpression(parent)) return parent.condition !== call;
  return (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isReturnStatement(parent) ||
    ts.isParenthesizedExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isArrowFunction(parent)
  );
}

function bodyStatements(
  file: FileContext,
  body: TS.ConciseBody,
): { readonly prologue: TS.Statement[]; readonly statements: TS.Statement[] } {
  const { ts, factory } = file;
  if (!ts.isBlock(body)) {
    const returned = factory.createReturnStatement(body);
    ts.setTextRange(returned, body);
    return { prologue: [], statements: [returned] };
  }
  const split = prologueLength(ts, body.statements);
  return {
    prologue: body.statements.slice(0, split),
    statements: body.statements.slice(split),
  };
}
