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
  POOLING_OFF_NEEDS_NAME,
  THENABLE_RESULT,
} from "./diagnostic-registry.js";
import { createBindingResolver, functionScopeNames, isAssignedIn } from "./names.js";
import { isConstPoolName } from "./pool-binding.js";
import { isTaskLocalPool } from "./pool-scopes.js";
import type { FunctionMarker, FunctionPoolScope, MarkerRefusal } from "./pool-scopes.js";
import { isAcquireFamily } from "./runtime-exports.js";
import {
  copyLeadingComments,
  copyTrailingComments,
  openScope,
  taskLocalPool,
} from "./scope-code.js";
import type { PoolSource } from "./scope-code.js";
import { prologueLength, skipOuterExpressions } from "./syntax.js";
import { returnsThenable } from "./thenable.js";
import { walkPreOrder } from "./walk.js";

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
  if (returnsThenable(file, fn)) return fail(file, fn, THENABLE_RESULT(marker));
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

/**
 * True if `node` acquires when it runs: it calls the acquire family outside nested functions, or
 * calls a function of this file (by name) whose body does, however deep. Parameter defaults run
 * before the rewritten body opens its scope (in the fallback they run inside it), so such a default
 * would acquire outside the scope. Calls the analysis cannot follow (imports, methods) are not
 * counted: docs/transformer.md lists this limit.
 */
function acquiresOutsideFunctions(
  file: FileContext,
  node: TS.Node,
  followed: Set<TS.Node> = new Set(),
): boolean {
  const { ts } = file;
  const resolver = createBindingResolver(ts, file.safety.checker);
  return walkPreOrder(ts, node, (current) => {
    if (ts.isFunctionLike(current)) return "skip";
    if (!ts.isCallExpression(current)) return undefined;
    if (isAcquireFamily(file.resolve(current))) return "stop";
    const callee = skipOuterExpressions(ts, current.expression);
    if (!ts.isIdentifier(callee)) return undefined;
    const body = calledFunctionBody(ts, resolver.declarationOf(callee));
    if (body === undefined || followed.has(body)) return undefined;
    followed.add(body);
    return acquiresOutsideFunctions(file, body, followed) ? "stop" : undefined;
  });
}

/** The body of the function a name declares (a declaration, or a const initialised with one). */
function calledFunctionBody(ts: typeof TS, name: TS.Identifier | undefined): TS.Node | undefined {
  const declaration = name?.parent;
  if (declaration === undefined) return undefined;
  if (ts.isFunctionDeclaration(declaration)) return declaration.body;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined) {
    const init = skipOuterExpressions(ts, declaration.initializer);
    if (ts.isFunctionExpression(init) || ts.isArrowFunction(init)) return init.body;
  }
  return undefined;
}

/**
 * The function with `const depth = P.checkpoint(); try { body } finally { P.rewind(depth); }`. A
 * `const` pool the function does not shadow is read where the scope opens and again at the rewind;
 * any other pool expression is
 * evaluated once, where the marker is, exactly as the fallback's argument is: into the parameter of
 * an arrow called on the spot, `((pool) => function f() {...})(P)`, so each evaluation of the marker
 * (in a loop, in a function called many times) holds its own pool and a call costs no closure.
 */
function pooledFunction(
  file: FileContext,
  call: TS.CallExpression,
  fn: InlineFunction,
  poolArgument: TS.Expression | undefined,
  maybe: boolean,
): TS.Expression {
  const { ts, factory } = file;
  const pool = poolArgument === undefined ? undefined : skipOuterExpressions(ts, poolArgument);
  const held = factory.createUniqueName("pool");
  const source: PoolSource =
    pool === undefined
      ? { kind: "expression", expression: taskLocalPool(file) }
      : ts.isIdentifier(pool) &&
          isConstPoolName(file, pool) &&
          !functionScopeNames(ts, fn).has(pool.text)
        ? { kind: "name", name: pool }
        : { kind: "held", name: held };
  const scope = openScope(file, source, maybe, call);
  const rewritten = rewrittenFunction(file, call, fn, (statements) => [
    ...scope.open,
    scope.wrap(statements),
  ]);
  if (source.kind !== "held") return inPlaceOfCall(file, call, rewritten);
  // The arrow's own range would print the call's comments a second time.
  ts.setEmitFlags(rewritten, ts.EmitFlags.NoComments);
  const holder = factory.createArrowFunction(
    undefined,
    undefined,
    [factory.createParameterDeclaration(undefined, undefined, held)],
    undefined,
    factory.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    rewritten,
  );
  const evaluated = factory.createCallExpression(
    factory.createParenthesizedExpression(holder),
    undefined,
    [file.visit(poolArgument!)],
  );
  ts.setTextRange(evaluated, call);
  ts.setOriginalNode(evaluated, call);
  return inPlaceOfCall(file, call, evaluated);
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
  const unchanged = (): TS.Expression =>
    inPlaceOfCall(file, call, rewrittenFunction(file, call, fn, undefined));
  if (poolArgument === undefined || isTaskLocalPool(ts, file.resolve, poolArgument))
    return unchanged();
  if (!ts.isIdentifier(poolArgument) || isAssignedIn(file.ts, fn.body, poolArgument.text)) {
    return fail(file, poolArgument, POOLING_OFF_NEEDS_NAME(marker));
  }
  return file.withPoolDisabled(poolArgument, unchanged);
}

/**
 * The visited function with its body statements replaced by `wrap(statements)`; prologue directives
 * stay first. `wrap` undefined keeps the body as it is (an expression body stays an expression).
 */
function rewrittenFunction(
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
  return result;
}

/**
 * `result` where the call was. Comments around the function argument would be lost with the call,
 * so they move onto the result; one that breaks the line must not follow `return` or `throw` bare
 * (the line break would end the statement), so there the result goes in parentheses.
 */
function inPlaceOfCall(
  file: FileContext,
  call: TS.CallExpression,
  result: TS.Expression,
): TS.Expression {
  const { ts, factory } = file;
  const argument = call.arguments[call.arguments.length - 1]!;
  const breaksLine = copyLeadingComments(file, argument, result, true);
  copyTrailingComments(file, argument, result);
  const alone = standsAlone(ts, call) && !(breaksLine && followsRestrictedToken(ts, call));
  return alone ? result : factory.createParenthesizedExpression(result);
}

/** `return E`, `throw E`, `yield E`: a line break right after the keyword ends the statement. */
function followsRestrictedToken(ts: typeof TS, call: TS.CallExpression): boolean {
  const parent = call.parent;
  return (
    parent !== undefined &&
    (ts.isReturnStatement(parent) || ts.isThrowStatement(parent) || ts.isYieldExpression(parent))
  );
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
