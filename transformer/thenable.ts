/**
 * Whether a pooled function returns a thenable. The runtime fallback throws for such a result (its
 * scope would close before the promise's work runs); the rewrite cannot check results without a
 * cost on every call, so it refuses these functions at compile time (AAP1017) and leaves them to the
 * fallback. With a checker the declared or inferred return type decides; without one (and with one,
 * for `any`) the returned expressions' syntax: an object literal with `then`, `new Promise(...)`,
 * `Promise.resolve(...)` and friends, or a `.then` / `.catch` / `.finally` call.
 */
import type * as TS from "typescript";
import type { FileContext } from "./file-context.js";
import { skipOuterExpressions } from "./syntax.js";
import { returnedExpressions } from "./names.js";

export function returnsThenable(
  file: FileContext,
  fn: TS.FunctionExpression | TS.ArrowFunction,
): boolean {
  return (
    returnTypeIsThenable(file, fn) || returnedBy(file.ts, fn).some((e) => looksThenable(file.ts, e))
  );
}

function returnTypeIsThenable(
  file: FileContext,
  fn: TS.FunctionExpression | TS.ArrowFunction,
): boolean {
  const { ts } = file;
  const checker = file.safety.checker;
  const signature = checker?.getSignatureFromDeclaration(fn);
  if (checker === undefined || signature === undefined) return false;
  const returned = checker.getReturnTypeOfSignature(signature);
  const parts = returned.isUnion() ? returned.types : [returned];
  return parts.some((part) => {
    if ((part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0) return false;
    const then = part.getProperty("then");
    if (then === undefined) return false;
    return checker.getTypeOfSymbolAtLocation(then, fn).getCallSignatures().length > 0;
  });
}

/** The expressions the function itself returns (not those of nested functions). */
function returnedBy(
  ts: typeof TS,
  fn: TS.FunctionExpression | TS.ArrowFunction,
): readonly TS.Expression[] {
  return ts.isBlock(fn.body) ? returnedExpressions(ts, fn.body) : [fn.body];
}

const PROMISE_STATICS: ReadonlySet<string> = new Set([
  "resolve",
  "reject",
  "all",
  "allSettled",
  "any",
  "race",
  "withResolvers",
  "try",
]);
const PROMISE_METHODS: ReadonlySet<string> = new Set(["then", "catch", "finally"]);

function looksThenable(ts: typeof TS, returned: TS.Expression): boolean {
  const node = skipOuterExpressions(ts, returned);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.some((property) => {
      const name = property.name;
      return (
        name !== undefined &&
        (ts.isIdentifier(name) || ts.isStringLiteral(name)) &&
        name.text === "then"
      );
    });
  }
  if (ts.isNewExpression(node)) {
    return ts.isIdentifier(node.expression) && node.expression.text === "Promise";
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const { expression: receiver, name } = node.expression;
    if (PROMISE_METHODS.has(name.text)) return true;
    return (
      ts.isIdentifier(receiver) && receiver.text === "Promise" && PROMISE_STATICS.has(name.text)
    );
  }
  return false;
}
