/**
 * Small syntactic facts every part of the transformer agrees on: which wrappers leave an expression's
 * value unchanged, and where a statement list's directive prologue ends.
 */
import type * as TS from "typescript";

/**
 * The expression under parentheses, `as`, `!`, `<T>x` and `satisfies`, which change nothing about
 * its value. `(0, withPool)(...)` is not unwrapped: a comma expression is a different call.
 */
export function skipOuterExpressions(ts: typeof TS, node: TS.Expression): TS.Expression {
  const kinds = wrapperKinds(ts);
  let current = node;
  while (kinds.has(current.kind)) current = (current as TS.ParenthesizedExpression).expression;
  return current;
}

/**
 * The kinds of those wrappers, per TypeScript instance: the transformer asks this of almost every
 * node it looks at, and each `ts.isX` of the compiler's exports is a getter call before the test.
 */
const wrapperKindsByInstance = new WeakMap<typeof TS, ReadonlySet<TS.SyntaxKind>>();

function wrapperKinds(ts: typeof TS): ReadonlySet<TS.SyntaxKind> {
  let kinds = wrapperKindsByInstance.get(ts);
  if (kinds === undefined) {
    const { SyntaxKind } = ts;
    kinds = new Set([
      SyntaxKind.ParenthesizedExpression,
      SyntaxKind.NonNullExpression,
      SyntaxKind.AsExpression,
      SyntaxKind.TypeAssertionExpression,
      SyntaxKind.SatisfiesExpression,
    ]);
    wrapperKindsByInstance.set(ts, kinds);
  }
  return kinds;
}

/** `"use strict";` and other directives at the start of a body (TypeScript's own test is internal). */
export function isPrologueDirective(ts: typeof TS, statement: TS.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** How many statements at the start of the list pass `test`. */
export function leadingCount(
  statements: readonly TS.Statement[],
  test: (statement: TS.Statement) => boolean,
): number {
  let count = 0;
  while (count < statements.length && test(statements[count]!)) count++;
  return count;
}

/** How many directives open the list: they only count there, so rewrites keep them first. */
export function prologueLength(ts: typeof TS, statements: readonly TS.Statement[]): number {
  return leadingCount(statements, (statement) => isPrologueDirective(ts, statement));
}
