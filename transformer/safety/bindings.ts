/**
 * Which declaration an identifier refers to. With a type checker the symbol decides; without one
 * (transpileModule) a lexical walk up the tree finds the nearest declaration of the name, so shadowing
 * and same-named variables of nested functions are told apart either way.
 *
 * A declaration is identified by the identifier it declares (`v` in `const v = ...`, in a parameter or
 * in a destructuring pattern), the same node on both paths.
 */
import type * as TS from "typescript";

export interface BindingResolver {
  /** The declaring identifier `reference` refers to; undefined for globals and unresolvable names. */
  declarationOf(reference: TS.Identifier): TS.Identifier | undefined;
}

export function createBindingResolver(
  ts: typeof TS,
  checker: TS.TypeChecker | undefined,
): BindingResolver {
  return {
    declarationOf(reference) {
      const fromChecker =
        checker === undefined ? undefined : checkerDeclaration(ts, checker, reference);
      return fromChecker ?? lexicalDeclaration(ts, reference);
    },
  };
}

function checkerDeclaration(
  ts: typeof TS,
  checker: TS.TypeChecker,
  reference: TS.Identifier,
): TS.Identifier | undefined {
  const parent = reference.parent;
  const symbol =
    parent !== undefined && ts.isShorthandPropertyAssignment(parent) && parent.name === reference
      ? checker.getShorthandAssignmentValueSymbol(parent)
      : checker.getSymbolAtLocation(reference);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (declaration === undefined) return undefined;
  const name = ts.getNameOfDeclaration(declaration);
  return name !== undefined && ts.isIdentifier(name) ? name : undefined;
}

function lexicalDeclaration(ts: typeof TS, reference: TS.Identifier): TS.Identifier | undefined {
  const name = reference.text;
  for (let node: TS.Node = reference; node.parent !== undefined; node = node.parent) {
    const found = declaredIn(ts, node.parent, node, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A declaration of `name` that `container` makes visible to its child `from`. */
function declaredIn(
  ts: typeof TS,
  container: TS.Node,
  from: TS.Node,
  name: string,
): TS.Identifier | undefined {
  if (ts.isBlock(container) || ts.isSourceFile(container) || ts.isModuleBlock(container)) {
    return declaredInStatements(ts, container.statements, name);
  }
  if (ts.isCaseBlock(container)) {
    for (const clause of container.clauses) {
      const found = declaredInStatements(ts, clause.statements, name);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (ts.isFunctionLike(container)) return declaredInFunction(ts, container, from, name);
  if (
    ts.isForStatement(container) ||
    ts.isForOfStatement(container) ||
    ts.isForInStatement(container)
  ) {
    const init = container.initializer;
    return init !== undefined && ts.isVariableDeclarationList(init)
      ? declaredInList(ts, init, name)
      : undefined;
  }
  if (ts.isCatchClause(container) && container.variableDeclaration !== undefined) {
    return boundName(ts, container.variableDeclaration.name, name);
  }
  if (ts.isClassExpression(container) && container.name?.text === name) return container.name;
  return undefined;
}

function declaredInStatements(
  ts: typeof TS,
  statements: readonly TS.Statement[],
  name: string,
): TS.Identifier | undefined {
  for (const statement of statements) {
    const found = declaredByStatement(ts, statement, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function declaredByStatement(
  ts: typeof TS,
  statement: TS.Statement,
  name: string,
): TS.Identifier | undefined {
  if (ts.isVariableStatement(statement)) return declaredInList(ts, statement.declarationList, name);
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement)) &&
    statement.name?.text === name
  ) {
    return statement.name;
  }
  if (ts.isImportDeclaration(statement)) return declaredByImport(ts, statement, name);
  return undefined;
}

function declaredByImport(
  ts: typeof TS,
  statement: TS.ImportDeclaration,
  name: string,
): TS.Identifier | undefined {
  const clause = statement.importClause;
  if (clause === undefined) return undefined;
  if (clause.name?.text === name) return clause.name;
  const bindings = clause.namedBindings;
  if (bindings === undefined) return undefined;
  if (ts.isNamespaceImport(bindings))
    return bindings.name.text === name ? bindings.name : undefined;
  return bindings.elements.find((element) => element.name.text === name)?.name;
}

function declaredInList(
  ts: typeof TS,
  list: TS.VariableDeclarationList,
  name: string,
): TS.Identifier | undefined {
  for (const declaration of list.declarations) {
    const found = boundName(ts, declaration.name, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The identifier binding `name` inside a binding name or destructuring pattern. */
export function boundName(
  ts: typeof TS,
  binding: TS.BindingName,
  name: string,
): TS.Identifier | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? binding : undefined;
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = boundName(ts, element.name, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function declaredInFunction(
  ts: typeof TS,
  fn: TS.SignatureDeclaration,
  from: TS.Node,
  name: string,
): TS.Identifier | undefined {
  for (const parameter of fn.parameters) {
    const found = boundName(ts, parameter.name, name);
    if (found !== undefined) return found;
  }
  // `var` is function-scoped: a declaration in any nested block (not nested function) is visible.
  const body = (fn as TS.FunctionLikeDeclaration).body;
  if (body !== undefined && from === body) {
    const hoisted = hoistedVar(ts, body, name);
    if (hoisted !== undefined) return hoisted;
  }
  if (ts.isFunctionExpression(fn) && fn.name?.text === name) {
    return fn.name;
  }
  return undefined;
}

function hoistedVar(ts: typeof TS, node: TS.Node, name: string): TS.Identifier | undefined {
  let found: TS.Identifier | undefined;
  const visit = (child: TS.Node): void => {
    if (found !== undefined || ts.isFunctionLike(child) || ts.isClassLike(child)) return;
    if (ts.isVariableDeclarationList(child) && (child.flags & ts.NodeFlags.BlockScoped) === 0) {
      found = declaredInList(ts, child, name);
      if (found !== undefined) return;
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}
