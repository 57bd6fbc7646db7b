/**
 * Which expressions hold pool memory: acquire-family results, aliases of them, views of the same
 * memory (`fill`, `sort`, `reverse`, `copyWithin`, `subarray`, `.buffer`, `new X(v.buffer)`), literals
 * containing them and closures capturing them. Copies (`slice`, `map`, `Array.from`, `new X(v)`,
 * `X.from(v)`) and scalars (`v[0]`, `v.length`, `sum(v)`) do not.
 */
import type * as TS from "typescript";
import type { BindingResolver } from "../names.js";
import { walkPreOrder } from "../walk.js";
import type { SafetyContext } from "./index.js";
import { isAcquireFamily } from "../runtime-exports.js";
import { skipOuterExpressions } from "../syntax.js";
import { isValueReference } from "../value-reference.js";
import { elementOf, joinOrigins, listOf, objectOf, propertyOf } from "./origin.js";
import type { Origin } from "./origin.js";
import { declaredInside } from "./scope.js";
import type { PoolScope } from "../pool-scopes.js";

/** What evaluating an expression needs: the scope, name resolution and the current variable facts. */
export interface Environment {
  readonly context: SafetyContext;
  readonly resolver: BindingResolver;
  readonly scope: PoolScope;
  /** What an in-scope variable holds at the current point of the walk. */
  originOfVariable(declaration: TS.Identifier): Origin | undefined;
}

/** Typed-array methods that return the array itself or a view of its memory. */
const SAME_MEMORY_METHODS: ReadonlySet<string> = new Set([
  "fill",
  "sort",
  "reverse",
  "copyWithin",
  "subarray",
]);
/** Array methods that return one of the array's elements. */
const ELEMENT_METHODS: ReadonlySet<string> = new Set(["at", "pop", "shift", "find", "findLast"]);
/** Array methods that return an array still holding the same elements. */
const ELEMENT_KEEPING_METHODS: ReadonlySet<string> = new Set([
  "slice",
  "concat",
  "filter",
  "reverse",
  "sort",
  "flat",
  "toReversed",
  "toSorted",
  "toSpliced",
  "with",
  "copyWithin",
  "fill",
  "splice",
]);

/** The pool memory `expression` holds, or undefined when it holds none (as far as syntax shows). */
export function originOfExpression(
  expression: TS.Expression,
  env: Environment,
): Origin | undefined {
  const { ts } = env.context;
  const node = skipOuterExpressions(ts, expression);
  if (ts.isIdentifier(node)) return originOfIdentifier(node, env);
  if (ts.isCallExpression(node)) return originOfCall(node, env);
  if (ts.isNewExpression(node)) return originOfNew(node, env);
  if (ts.isPropertyAccessExpression(node)) {
    return originOfMember(originOfExpression(node.expression, env), node.name.text);
  }
  if (ts.isElementAccessExpression(node)) {
    return originOfElement(node, env);
  }
  if (ts.isConditionalExpression(node)) {
    return joinOrigins(
      originOfExpression(node.whenTrue, env),
      originOfExpression(node.whenFalse, env),
    );
  }
  if (ts.isBinaryExpression(node)) return originOfBinary(node, env);
  if (ts.isArrayLiteralExpression(node)) return originOfArrayLiteral(node, env);
  if (ts.isObjectLiteralExpression(node)) return originOfObjectLiteral(node, env);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) {
    return closureOrigin(node, env);
  }
  if (ts.isAwaitExpression(node)) return originOfExpression(node.expression, env);
  return undefined;
}

function originOfIdentifier(identifier: TS.Identifier, env: Environment): Origin | undefined {
  const { ts } = env.context;
  const declaration = env.resolver.declarationOf(identifier);
  // Arrays from outside the scope are the caller's business: the scope does not rewind them.
  if (declaration === undefined || !declaredInside(env.scope, declaration)) return undefined;
  const declared = declaration.parent;
  if (ts.isFunctionDeclaration(declared) && declared.name === declaration) {
    return closureOrigin(declared, env);
  }
  return env.originOfVariable(declaration);
}

function originOfCall(call: TS.CallExpression, env: Environment): Origin | undefined {
  const { ts } = env.context;
  const runtime = env.context.resolveRuntimeCall(call);
  if (isAcquireFamily(runtime)) {
    return { kind: "array", acquisition: { call, name: undefined, runtime } };
  }
  const callee = skipOuterExpressions(ts, call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const receiver = originOfExpression(callee.expression, env);
  if (receiver === undefined) return undefined;
  const method = callee.name.text;
  if (receiver.kind === "array" && SAME_MEMORY_METHODS.has(method)) return receiver;
  if (receiver.kind === "container") {
    if (ELEMENT_METHODS.has(method)) return elementOf(receiver, undefined);
    if (ELEMENT_KEEPING_METHODS.has(method)) return receiver;
  }
  return undefined;
}

/**
 * `new X(v.buffer, ...)` views the same memory; `new X(v)` copies it. `new Set(list)` /
 * `new Map(entries)` (and the weak ones) hold the elements themselves; `new Proxy(v, handler)` reads
 * and writes `v`'s own memory.
 */
function originOfNew(expression: TS.NewExpression, env: Environment): Origin | undefined {
  const { ts } = env.context;
  const first = expression.arguments?.[0];
  if (first === undefined) return undefined;
  const origin = originOfExpression(first, env);
  if (origin === undefined) return undefined;
  const callee = skipOuterExpressions(ts, expression.expression);
  const constructorName = ts.isIdentifier(callee) ? callee.text : undefined;
  if (constructorName === "Proxy") return origin;
  if (constructorName !== undefined && HOLDING_COLLECTIONS.has(constructorName)) {
    return origin.kind === "container" ? origin : undefined;
  }
  return origin.kind === "buffer" ? { kind: "array", acquisition: origin.acquisition } : undefined;
}

const HOLDING_COLLECTIONS: ReadonlySet<string> = new Set(["Set", "Map", "WeakSet", "WeakMap"]);

function originOfMember(receiver: Origin | undefined, name: string): Origin | undefined {
  if (receiver === undefined) return undefined;
  if (receiver.kind === "array" && name === "buffer") {
    return { kind: "buffer", acquisition: receiver.acquisition };
  }
  if (receiver.kind === "container") return propertyOf(receiver, name);
  return undefined;
}

function originOfElement(access: TS.ElementAccessExpression, env: Environment): Origin | undefined {
  const { ts } = env.context;
  const receiver = originOfExpression(access.expression, env);
  const key = access.argumentExpression;
  const literalKey = ts.isStringLiteralLike(key) || ts.isNumericLiteral(key) ? key.text : undefined;
  // `v[0]` of a typed array is a number; only a literal container yields an array element.
  if (receiver?.kind === "array" && literalKey === "buffer")
    return originOfMember(receiver, "buffer");
  return receiver?.kind === "container" ? elementOf(receiver, literalKey) : undefined;
}

function originOfBinary(expression: TS.BinaryExpression, env: Environment): Origin | undefined {
  const { ts } = env.context;
  switch (expression.operatorToken.kind) {
    case ts.SyntaxKind.EqualsToken:
    case ts.SyntaxKind.CommaToken:
      return originOfExpression(expression.right, env);
    case ts.SyntaxKind.BarBarToken:
    case ts.SyntaxKind.AmpersandAmpersandToken:
    case ts.SyntaxKind.QuestionQuestionToken:
    case ts.SyntaxKind.BarBarEqualsToken:
    case ts.SyntaxKind.AmpersandAmpersandEqualsToken:
    case ts.SyntaxKind.QuestionQuestionEqualsToken:
      return joinOrigins(
        originOfExpression(expression.left, env),
        originOfExpression(expression.right, env),
      );
    default:
      return undefined;
  }
}

function originOfArrayLiteral(
  literal: TS.ArrayLiteralExpression,
  env: Environment,
): Origin | undefined {
  const { ts } = env.context;
  for (const element of literal.elements) {
    const inner = ts.isSpreadElement(element)
      ? spreadOrigin(originOfExpression(element.expression, env))
      : originOfExpression(element, env);
    if (inner !== undefined) return listOf(inner);
  }
  return undefined;
}

/** `[...x]` / `{...x}` keep the elements of a literal container but copy a typed array's numbers. */
function spreadOrigin(origin: Origin | undefined): Origin | undefined {
  return origin?.kind === "container" ? origin.inner : undefined;
}

function originOfObjectLiteral(
  literal: TS.ObjectLiteralExpression,
  env: Environment,
): Origin | undefined {
  const { ts } = env.context;
  const fields = new Map<string, Origin>();
  let inner: Origin | undefined;
  let fieldsKnown = true;
  for (const property of literal.properties) {
    const value = originOfProperty(property, env);
    if (value === undefined) continue;
    inner ??= value;
    const key = ts.isSpreadAssignment(property) ? undefined : propertyKey(ts, property.name);
    if (key === undefined) fieldsKnown = false;
    else fields.set(key, value);
  }
  return inner === undefined ? undefined : objectOf(inner, fieldsKnown ? fields : undefined);
}

function originOfProperty(
  property: TS.ObjectLiteralElementLike,
  env: Environment,
): Origin | undefined {
  const { ts } = env.context;
  if (ts.isPropertyAssignment(property)) return originOfExpression(property.initializer, env);
  if (ts.isShorthandPropertyAssignment(property)) return originOfIdentifier(property.name, env);
  if (ts.isSpreadAssignment(property)) {
    return spreadOrigin(originOfExpression(property.expression, env));
  }
  // Methods and accessors: a function that may read the scope's arrays.
  return closureOrigin(property, env);
}

/** The static name of a property, when it has one. */
export function propertyKey(ts: typeof TS, name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** A function defined in the scope that reads a pool-backed variable of the scope. */
export function closureOrigin(
  fn: TS.FunctionLikeDeclaration | TS.ClassExpression,
  env: Environment,
): Origin | undefined {
  const { ts } = env.context;
  const fnStart = fn.getStart();
  const fnEnd = fn.getEnd();
  let found: Origin | undefined;
  // A class expression's methods and fields are its closures.
  const body = ts.isClassExpression(fn) ? fn : fn.body;
  if (body === undefined) return undefined;
  walkPreOrder(ts, body, (node) => {
    if (ts.isTypeNode(node)) return "skip";
    if (ts.isIdentifier(node) && isValueReference(ts, node)) {
      const declaration = env.resolver.declarationOf(node);
      const position = declaration?.getStart();
      const outsideClosure = position !== undefined && (position < fnStart || position >= fnEnd);
      if (declaration !== undefined && outsideClosure && declaredInside(env.scope, declaration)) {
        const captured = env.originOfVariable(declaration);
        if (captured !== undefined) {
          found = {
            kind: "closure",
            captured,
            capturedName: node.text,
            capturedVariable: declaration,
          };
          return "stop";
        }
      }
    }
    return undefined;
  });
  return found;
}
