/**
 * The typed-array type an acquire-family call returns, for fix suggestions (`Int32Array.from(v)`):
 * from the checker when there is one, else from the call's syntax.
 */
import type * as TS from "typescript";
import type { RuntimeExportName, SafetyContext } from "./index.js";

const TYPED_ARRAY_NAME = /^(?:Big)?(?:Int|Uint|Float)(?:8|16|32|64)(?:Clamped)?Array$/;

export function acquiredTypeName(
  call: TS.CallExpression,
  runtime: RuntimeExportName,
  context: SafetyContext,
): string | undefined {
  return context.checker === undefined
    ? typeNameFromSyntax(call, runtime, context.ts)
    : typeNameFromChecker(call, context.checker);
}

function typeNameFromChecker(call: TS.CallExpression, checker: TS.TypeChecker): string | undefined {
  const symbol = checker.getTypeAtLocation(call).getSymbol();
  const name = symbol?.getName();
  return name !== undefined && TYPED_ARRAY_NAME.test(name) ? name : undefined;
}

/**
 * `acquire(pool, Int32Array, n)` names its type; dims right after the pool mean Float64Array.
 * `similar(pool, a)` keeps the type of `a`, which syntax alone cannot see.
 */
function typeNameFromSyntax(
  call: TS.CallExpression,
  runtime: RuntimeExportName,
  ts: typeof TS,
): string | undefined {
  const typeArgument = runtime === "similar" ? call.arguments[2] : call.arguments[1];
  if (typeArgument === undefined) return undefined;
  if (ts.isIdentifier(typeArgument) && TYPED_ARRAY_NAME.test(typeArgument.text)) {
    return typeArgument.text;
  }
  if (runtime === "similar") return undefined;
  // Dims (`n`, `3`, `[r, c]`, `a.length`) are far more common than templates here: an identifier is
  // read as dims. A template's type then shows only with a checker.
  return "Float64Array";
}
