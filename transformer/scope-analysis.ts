/**
 * Syntactic questions the rewrite asks before moving code across a scope boundary: which names a
 * function or block declares, which names code mentions or assigns, whether an expression uses
 * `this`-like bindings or await/yield. Conservative by design: names are compared as text.
 */
import type * as TS from "typescript";

/** Every identifier text a binding name (identifier or destructuring pattern) binds. */
export function bindingNames(ts: typeof TS, name: TS.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) bindingNames(ts, element.name, into);
  }
}

/** Names declared at the top level of a statement list: let/const/using/var, function, class, enum. */
export function topLevelDeclaredNames(
  ts: typeof TS,
  statements: readonly TS.Statement[],
  into: Set<string> = new Set(),
): Set<string> {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        bindingNames(ts, declaration.name, into);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      into.add(statement.name.text);
    }
  }
  return into;
}

/** `var` names anywhere in a function body (they are function-scoped), not inside nested functions. */
function collectVarNames(ts: typeof TS, node: TS.Node, into: Set<string>): void {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
  if (ts.isVariableDeclarationList(node) && !(node.flags & ts.NodeFlags.BlockScoped)) {
    for (const declaration of node.declarations) bindingNames(ts, declaration.name, into);
  }
  ts.forEachChild(node, (child) => collectVarNames(ts, child, into));
}

/** Names a function's own scope declares: its name (expressions), parameters, vars, top-level lexicals. */
export function functionScopeNames(
  ts: typeof TS,
  fn: TS.FunctionExpression | TS.ArrowFunction,
): Set<string> {
  const names = new Set<string>();
  if (ts.isFunctionExpression(fn) && fn.name !== undefined) names.add(fn.name.text);
  for (const parameter of fn.parameters) bindingNames(ts, parameter.name, names);
  if (ts.isBlock(fn.body)) {
    topLevelDeclaredNames(ts, fn.body.statements, names);
    for (const statement of fn.body.statements) collectVarNames(ts, statement, names);
  }
  return names;
}

/** Code to analyse: one node or a statement list. */
export type Code = TS.Node | readonly TS.Node[];

function forEachIn(code: Code, visit: (node: TS.Node) => void): void {
  if (Array.isArray(code)) (code as readonly TS.Node[]).forEach(visit);
  else visit(code as TS.Node);
}

/** Identifier texts an expression reads as names (property names after `.` are not names). */
export function referencedNames(
  ts: typeof TS,
  node: Code,
  into: Set<string> = new Set(),
): Set<string> {
  const visit = (current: TS.Node): void => {
    if (ts.isIdentifier(current)) {
      into.add(current.text);
      return;
    }
    if (ts.isPropertyAccessExpression(current)) {
      visit(current.expression);
      return;
    }
    if (ts.isPropertyAssignment(current)) {
      if (ts.isComputedPropertyName(current.name)) visit(current.name);
      visit(current.initializer);
      return;
    }
    ts.forEachChild(current, visit);
  };
  forEachIn(node, visit);
  return into;
}

/** True if `name` is the target of an assignment, ++/-- or for-in/of binding anywhere under `node`. */
export function isAssignedIn(ts: typeof TS, node: Code, name: string): boolean {
  let found = false;
  const targets = (target: TS.Node): boolean => referencedNames(ts, target).has(name);
  const visit = (current: TS.Node): void => {
    if (found) return;
    if (
      ts.isBinaryExpression(current) &&
      current.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      current.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      targets(current.left)
    ) {
      found = true;
    } else if (
      (ts.isPrefixUnaryExpression(current) || ts.isPostfixUnaryExpression(current)) &&
      (current.operator === ts.SyntaxKind.PlusPlusToken ||
        current.operator === ts.SyntaxKind.MinusMinusToken) &&
      targets(current.operand)
    ) {
      found = true;
    } else if (
      (ts.isForOfStatement(current) || ts.isForInStatement(current)) &&
      !ts.isVariableDeclarationList(current.initializer) &&
      targets(current.initializer)
    ) {
      found = true;
    }
    if (!found) ts.forEachChild(current, visit);
  };
  forEachIn(node, visit);
  return found;
}

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

/** `"use strict";` and other directives at the start of a body (TypeScript's own test is internal). */
export function isPrologueDirective(ts: typeof TS, statement: TS.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}
