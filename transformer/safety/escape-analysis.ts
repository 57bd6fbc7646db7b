/**
 * Escapes: pool-backed values leaving the scope. Returned or thrown ones (AAP2001-2003) are definite
 * escapes;
 * values stored where code after the scope may read them (outer variables, outer objects and
 * containers, postMessage) are possible escapes (AAP2010-2013), since the analysis cannot see whether
 * anything reads them after the scope ends.
 */
import type * as TS from "typescript";
import type { FlowHooks } from "./flow.js";
import { STORING_METHODS } from "./flow.js";
import {
  ASSIGNED_TO_OUTER_VARIABLE,
  POSTED_MESSAGE,
  RETURNED_ARRAY,
  RETURNED_CLOSURE,
  RETURNED_IN_LITERAL,
  STORED_IN_OUTER_CONTAINER,
  STORED_IN_OUTER_OBJECT,
} from "../diagnostic-registry.js";
import type { PoolMessage } from "../diagnostic-registry.js";
import {
  acquisitionPlace,
  copyFix,
  describeSubject,
  describeSubjectCapitalised,
  positionOf,
  subjectName,
} from "./subject.js";
import type { Subject } from "./subject.js";
import { acquisitionOf } from "./origin.js";
import type { Origin } from "./origin.js";
import { skipOuterExpressions } from "../syntax.js";
import { originOfExpression } from "./pool-backed.js";
import type { Environment } from "./pool-backed.js";
import { reportSafety } from "./report.js";
import { declaredInside } from "./scope.js";

/** The pool memory `expression` holds if it was acquired by this scope (nested scopes report their own). */
export function ownOrigin(expression: TS.Expression, env: Environment): Origin | undefined {
  const origin = currentOrigin(originOfExpression(expression, env), env);
  if (origin === undefined) return undefined;
  const scopes = env.context.scopes;
  const owner = scopes.owningScope(acquisitionOf(origin).call);
  // A later `using poolScope` of the same list is covered by this scope's walk (see checkBlockScope).
  const covered =
    owner === env.scope || (owner !== undefined && scopes.leaderOf(owner) === env.scope);
  return covered ? origin : undefined;
}

/**
 * A closure reads its variable when it is called, not when it was made: if the variable holds fresh
 * memory by now (`v = new Float64Array(n)` after `const g = () => v`), the closure holds none.
 */
function currentOrigin(origin: Origin | undefined, env: Environment): Origin | undefined {
  if (origin?.kind !== "closure") return origin;
  const now = env.originOfVariable(origin.capturedVariable);
  return now === undefined ? undefined : { ...origin, captured: now };
}

/** How messages refer to the memory `expression` holds: by the name it is used under, if any. */
export function subjectOf(expression: TS.Expression, origin: Origin, env: Environment): Subject {
  const { ts } = env.context;
  if (origin.kind === "closure") {
    const captured = subjectOf(expression, origin.captured, env);
    return { ...captured, usedName: origin.capturedName, inClosure: true };
  }
  if (origin.kind === "container") {
    // The literal itself has no name worth showing: name the array inside it.
    return { ...subjectOf(expression, origin.inner, env), usedName: undefined };
  }
  const node = skipOuterExpressions(ts, expression);
  const usedName = ts.isIdentifier(node) ? node.text : undefined;
  const isBuffer = origin.kind === "buffer";
  return { usedName, acquisition: origin.acquisition, isBuffer, inClosure: false };
}

export const escapeHooks: FlowHooks = {
  onReturn(value, env) {
    const origin = ownOrigin(value, env);
    if (origin === undefined) return;
    const { ts, sourceFile } = env.context;
    const exit = ts.isReturnStatement(value.parent)
      ? `returned at ${positionOf(value.parent, sourceFile)}`
      : ts.isThrowStatement(value.parent)
        ? `thrown at ${positionOf(value.parent, sourceFile)}`
        : `returned by the arrow function's expression body at ${positionOf(value, sourceFile)}`;
    const subject = subjectOf(value, origin, env);
    const name = subjectName(subject, sourceFile);
    let message: PoolMessage;
    if (origin.kind === "closure") {
      const captured = describeSubject({ ...subject, inClosure: false }, sourceFile);
      message = RETURNED_CLOSURE(captured, exit, name);
    } else if (origin.kind === "container") {
      message = RETURNED_IN_LITERAL(describeSubjectCapitalised(subject, sourceFile), exit, name);
    } else {
      const fix = copyFix(subject, env.context);
      message = RETURNED_ARRAY(describeSubjectCapitalised(subject, sourceFile), exit, fix);
    }
    reportSafety(env.context, message, value, [acquisitionPlace(subject)]);
  },
  onExpression(node, env) {
    const { ts } = env.context;
    if (ts.isBinaryExpression(node) && isStoringAssignment(ts, node.operatorToken.kind)) {
      checkAssignment(node, env);
    } else if (ts.isCallExpression(node)) {
      checkStoringCall(node, env);
      checkPostMessage(node, env);
    }
  },
};

function checkAssignment(assignment: TS.BinaryExpression, env: Environment): void {
  const { ts } = env.context;
  const target = skipOuterExpressions(ts, assignment.left);
  let code: PossibleEscape;
  if (ts.isIdentifier(target)) {
    if (!isOutside(target, env)) return;
    code = ASSIGNED_TO_OUTER_VARIABLE;
  } else if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    if (!isOutsideObject(target.expression, env)) return;
    code = STORED_IN_OUTER_OBJECT;
  } else if (ts.isArrayLiteralExpression(target) || ts.isObjectLiteralExpression(target)) {
    // `[outer] = [v]`, `({ a: outer.x } = o)`: any target may take the pool memory.
    const outside = destructuredTargets(ts, target).find(
      (name) =>
        (ts.isIdentifier(name) && isOutside(name, env)) ||
        ((ts.isPropertyAccessExpression(name) || ts.isElementAccessExpression(name)) &&
          isOutsideObject(name.expression, env)),
    );
    if (outside === undefined) return;
    code = ts.isIdentifier(outside) ? ASSIGNED_TO_OUTER_VARIABLE : STORED_IN_OUTER_OBJECT;
  } else {
    return;
  }
  reportPossibleEscape(code, assignment.right, assignment, env);
}

/** `=`, and `??=` / `||=` / `&&=`, which may store their right side too (asked of every binary). */
function isStoringAssignment(ts: typeof TS, operator: TS.SyntaxKind): boolean {
  return (
    operator === ts.SyntaxKind.EqualsToken ||
    operator === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    operator === ts.SyntaxKind.BarBarEqualsToken ||
    operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken
  );
}

/** The expressions a destructuring assignment pattern assigns to, however deep. */
function destructuredTargets(
  ts: typeof TS,
  pattern: TS.ArrayLiteralExpression | TS.ObjectLiteralExpression,
): TS.Expression[] {
  const targets: TS.Expression[] = [];
  const add = (element: TS.Expression): void => {
    const inner = skipOuterExpressions(ts, element);
    const target =
      ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken
        ? skipOuterExpressions(ts, inner.left)
        : inner;
    if (ts.isArrayLiteralExpression(target) || ts.isObjectLiteralExpression(target)) {
      targets.push(...destructuredTargets(ts, target));
    } else {
      targets.push(target);
    }
  };
  const elements: readonly TS.Node[] = ts.isArrayLiteralExpression(pattern)
    ? pattern.elements
    : pattern.properties;
  for (const element of elements) {
    if (ts.isSpreadElement(element) || ts.isSpreadAssignment(element)) add(element.expression);
    else if (ts.isPropertyAssignment(element)) add(element.initializer);
    else if (ts.isShorthandPropertyAssignment(element)) add(element.name);
    else if (ts.isExpression(element) && !ts.isOmittedExpression(element)) add(element);
  }
  return targets;
}

/** `outer.push(v)`, `outer.add(v)`, `outerMap.set(k, v)`: but `typed.set(v)` copies, so not that. */
function checkStoringCall(call: TS.CallExpression, env: Environment): void {
  const { ts } = env.context;
  const callee = skipOuterExpressions(ts, call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !STORING_METHODS.has(callee.name.text)) return;
  if (!isOutsideObject(callee.expression, env)) return;
  const stored = callee.name.text === "set" ? call.arguments.slice(1, 2) : call.arguments;
  for (const argument of stored) {
    if (reportPossibleEscape(STORED_IN_OUTER_CONTAINER, argument, call, env)) return;
  }
}

function checkPostMessage(call: TS.CallExpression, env: Environment): void {
  const message = call.arguments[0];
  if (message === undefined || calleeName(call, env.context.ts) !== "postMessage") return;
  reportPossibleEscape(POSTED_MESSAGE, message, call, env);
}

/** The possible escapes whose message ends in "keep a copy". */
type PossibleEscape =
  | typeof ASSIGNED_TO_OUTER_VARIABLE
  | typeof STORED_IN_OUTER_OBJECT
  | typeof STORED_IN_OUTER_CONTAINER;

/** Report `value` as a possible escape at `sink` if it is this scope's pool memory. */
function reportPossibleEscape(
  code: PossibleEscape | typeof POSTED_MESSAGE,
  value: TS.Expression,
  sink: TS.Node,
  env: Environment,
): boolean {
  const origin = ownOrigin(value, env);
  if (origin === undefined) return false;
  const { sourceFile } = env.context;
  const subject = subjectOf(value, origin, env);
  const described = describeSubjectCapitalised(subject, sourceFile);
  const at = positionOf(sink, sourceFile);
  const name = subjectName(subject, sourceFile);
  const message =
    code === POSTED_MESSAGE
      ? code(described, at, name)
      : code(described, at, keepCopy(subject, name));
  reportSafety(env.context, message, sink, [acquisitionPlace(subject)]);
  return true;
}

function keepCopy(subject: Subject, name: string): string {
  return subject.inClosure
    ? `Capture a copy (\`const copy = ${name}.slice()\`) if the function runs after the scope.`
    : `Keep a copy (\`${name}.slice()\`) if it is read after the scope.`;
}

/** The called function's name: `f` of `f(...)` and of `a.b.f(...)`. */
export function calleeName(call: TS.CallExpression, ts: typeof TS): string | undefined {
  const callee = skipOuterExpressions(ts, call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** A variable declared outside the scope (or a global). */
function isOutside(identifier: TS.Identifier, env: Environment): boolean {
  const declaration = env.resolver.declarationOf(identifier);
  return declaration === undefined || !declaredInside(env.scope, declaration);
}

/** An object expression rooted in `this` or in a variable from outside the scope. */
function isOutsideObject(object: TS.Expression, env: Environment, depth = 0): boolean {
  const { ts } = env.context;
  let root = skipOuterExpressions(ts, object);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) {
    root = skipOuterExpressions(ts, root.expression);
  }
  if (root.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (!ts.isIdentifier(root)) return false;
  if (isOutside(root, env) || isParameterOfScope(root, env)) return true;
  // A local name for an outer object: an alias (`const s = store`), a loop variable over an outer
  // container (`for (const s of store)`), a callback parameter (`store.forEach((s) => ...)`).
  const source = depth < MAX_ALIAS_DEPTH ? aliasedObject(root, env) : undefined;
  return source !== undefined && isOutsideObject(source, env, depth + 1);
}

const MAX_ALIAS_DEPTH = 8;

/** What a local name stands for, when it is bound to (part of) another object expression. */
function aliasedObject(identifier: TS.Identifier, env: Environment): TS.Expression | undefined {
  const { ts } = env.context;
  const declaration = env.resolver.declarationOf(identifier);
  const parent = declaration?.parent;
  if (parent === undefined) return undefined;
  if (ts.isVariableDeclaration(parent) && parent.name === declaration) {
    const list = parent.parent;
    const loop = list.parent;
    if ((ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && loop.initializer === list) {
      return ts.isForOfStatement(loop) ? loop.expression : undefined;
    }
    const scope: TS.NodeFlags = list.flags & ts.NodeFlags.BlockScoped;
    const isConst = scope === ts.NodeFlags.Const;
    return isConst ? parent.initializer : undefined;
  }
  if (ts.isParameter(parent) && parent.name === declaration) {
    const callback = parent.parent;
    const call = callback.parent;
    if (
      (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) &&
      call !== undefined &&
      ts.isCallExpression(call) &&
      call.arguments.includes(callback)
    ) {
      const callee = skipOuterExpressions(ts, call.expression);
      return ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    }
  }
  return undefined;
}

/** A parameter of the marker's function: the object it names belongs to the caller. */
function isParameterOfScope(identifier: TS.Identifier, env: Environment): boolean {
  const { ts } = env.context;
  const owner = env.scope.owner;
  if (!ts.isFunctionLike(owner)) return false;
  let node: TS.Node | undefined = env.resolver.declarationOf(identifier);
  while (node !== undefined && !ts.isParameter(node) && !ts.isFunctionLike(node))
    node = node.parent;
  return node !== undefined && ts.isParameter(node) && node.parent === owner;
}
