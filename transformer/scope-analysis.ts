/**
 * What an expression uses that changes meaning when it moves into a function body: `this`-like
 * bindings, or await / yield. (Which names it reads or assigns: names.ts.)
 */
import type * as TS from "typescript";

/** What in an expression changes meaning when the expression moves into a `function` body. */
export function functionBoundUse(ts: typeof TS, node: TS.Node): string | undefined {
  let use: string | undefined;
  const visit = (current: TS.Node): void => {
    if (use !== undefined) return;
    if (current.kind === ts.SyntaxKind.ThisKeyword) use = "this";
    else if (current.kind === ts.SyntaxKind.SuperKeyword) use = "super";
    else if (ts.isMetaProperty(current)) use = "new.target";
    else if (ts.isIdentifier(current) && current.text === "arguments") use = "arguments";
    else if (!(ts.isFunctionLike(current) && !ts.isArrowFunction(current))) {
      ts.forEachChild(current, visit);
    }
  };
  visit(node);
  return use;
}

/** await / yield outside nested functions: they cannot move into a non-async, non-generator body. */
export function suspendingUse(ts: typeof TS, node: TS.Node): string | undefined {
  let use: string | undefined;
  const visit = (current: TS.Node): void => {
    if (use !== undefined || ts.isFunctionLike(current)) return;
    if (ts.isAwaitExpression(current)) use = "await";
    else if (ts.isYieldExpression(current)) use = "yield";
    else ts.forEachChild(current, visit);
  };
  visit(node);
  return use;
}
