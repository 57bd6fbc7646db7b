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
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
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
