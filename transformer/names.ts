/**
 * Names: which identifiers a binding, a statement or a function declares, and the two questions asked
 * of them. The rewrite compares names as text (conservative: moving code across a scope boundary must
 * not change what any same-named variable means); the safety checks resolve a reference to its
 * declaration, by the checker's symbols when there is a checker and by a lexical walk without one, so
 * shadowing and same-named variables of nested functions are told apart either way. Both read the
 * same declaration facts below.
 */
import type * as TS from "typescript";
import { childrenOf, walkPreOrder } from "./walk.js";
import type { WalkRoots } from "./walk.js";

/** Every identifier a binding name (identifier or destructuring pattern) binds. */
export function bindingIdentifiers(ts: typeof TS, name: TS.BindingName): TS.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingIdentifiers(ts, element.name),
  );
}

function listIdentifiers(ts: typeof TS, list: TS.VariableDeclarationList): TS.Identifier[] {
  return list.declarations.flatMap((declaration) => bindingIdentifiers(ts, declaration.name));
}

/** What a statement declares in its statement list: variables, function, class, enum, imports. */
function statementIdentifiers(ts: typeof TS, statement: TS.Statement): TS.Identifier[] {
  if (ts.isVariableStatement(statement)) return listIdentifiers(ts, statement.declarationList);
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement)) &&
    statement.name !== undefined
  ) {
    return [statement.name];
  }
  if (ts.isImportDeclaration(statement)) return importIdentifiers(ts, statement);
  return [];
}

function importIdentifiers(ts: typeof TS, statement: TS.ImportDeclaration): TS.Identifier[] {
  const clause = statement.importClause;
  if (clause === undefined) return [];
  const names = clause.name === undefined ? [] : [clause.name];
  const bindings = clause.namedBindings;
  if (bindings === undefined) return names;
  if (ts.isNamespaceImport(bindings)) return [...names, bindings.name];
  return [...names, ...bindings.elements.map((element) => element.name)];
}

/** What a function body holds outside its nested functions and classes, found in one walk. */
interface BodyFacts {
  /** `var` declarations anywhere (they are function-scoped). */
  readonly vars: readonly TS.Identifier[];
  /** The expressions of its `return` statements, in source order. */
  readonly returned: readonly TS.Expression[];
}

/**
 * `var` declarations anywhere under `node` (they are function-scoped), not in nested functions.
 * Computed once per node: every name resolved inside a long function body asks for them.
 */
function varIdentifiers(ts: typeof TS, node: TS.Node): readonly TS.Identifier[] {
  return bodyFacts(ts, node).vars;
}

/** The expressions a function body returns (not those of nested functions). */
export function returnedExpressions(ts: typeof TS, body: TS.Block): readonly TS.Expression[] {
  return bodyFacts(ts, body).returned;
}

const factsByBody = new WeakMap<TS.Node, BodyFacts>();

function bodyFacts(ts: typeof TS, node: TS.Node): BodyFacts {
  let known = factsByBody.get(node);
  if (known === undefined) {
    known = collectBodyFacts(ts, node);
    factsByBody.set(node, known);
  }
  return known;
}

/** The rewrite asks a pooled function's body for both: one walk serves them. */
function collectBodyFacts(ts: typeof TS, node: TS.Node): BodyFacts {
  const vars: TS.Identifier[] = [];
  const returned: TS.Expression[] = [];
  walkPreOrder(ts, childrenOf(ts, node), (child) => {
    if (ts.isFunctionLike(child) || ts.isClassLike(child)) return "skip";
    if (ts.isVariableDeclarationList(child) && (child.flags & ts.NodeFlags.BlockScoped) === 0) {
      vars.push(...listIdentifiers(ts, child));
    } else if (ts.isReturnStatement(child) && child.expression !== undefined) {
      returned.push(child.expression);
    }
    return undefined;
  });
  return { vars, returned };
}

const textsOf = (identifiers: readonly TS.Identifier[], into: Set<string>): Set<string> => {
  for (const identifier of identifiers) into.add(identifier.text);
  return into;
};

// ---- Names as text: what the rewrite asks before moving code across a scope boundary. ----

/** Names declared at the top level of a statement list. */
export function topLevelDeclaredNames(
  ts: typeof TS,
  statements: readonly TS.Statement[],
  into: Set<string> = new Set(),
): Set<string> {
  for (const statement of statements) textsOf(statementIdentifiers(ts, statement), into);
  return into;
}

/** Names a function's own scope declares: its name (expressions), parameters, vars, top-level lexicals. */
export function functionScopeNames(
  ts: typeof TS,
  fn: TS.FunctionExpression | TS.ArrowFunction,
): Set<string> {
  const names = new Set<string>();
  if (ts.isFunctionExpression(fn) && fn.name !== undefined) names.add(fn.name.text);
  for (const parameter of fn.parameters) textsOf(bindingIdentifiers(ts, parameter.name), names);
  if (ts.isBlock(fn.body)) {
    topLevelDeclaredNames(ts, fn.body.statements, names);
    textsOf(varIdentifiers(ts, fn.body), names);
  }
  return names;
}

/** Code to analyse: one node or a statement list. */
export type Code = WalkRoots;

/** Identifier texts an expression reads as names (property names after `.` are not names). */
export function referencedNames(
  ts: typeof TS,
  node: Code,
  into: Set<string> = new Set(),
): Set<string> {
  walkPreOrder(ts, node, (current) => {
    if (ts.isIdentifier(current)) {
      into.add(current.text);
      return "skip";
    }
    if (ts.isPropertyAccessExpression(current)) {
      let object: TS.Expression = current.expression;
      while (ts.isPropertyAccessExpression(object)) object = object.expression;
      referencedNames(ts, object, into);
      return "skip";
    }
    if (ts.isPropertyAssignment(current)) {
      if (ts.isComputedPropertyName(current.name)) referencedNames(ts, current.name, into);
      referencedNames(ts, current.initializer, into);
      return "skip";
    }
    return undefined;
  });
  return into;
}

/** True if `name` is the target of an assignment, ++/-- or for-in/of binding anywhere under `node`. */
export function isAssignedIn(ts: typeof TS, node: Code, name: string): boolean {
  return walkPreOrder(ts, node, (current) => {
    const target = assignmentTarget(ts, current);
    return target !== undefined && referencedNames(ts, target).has(name) ? "stop" : undefined;
  });
}

/** The expression `node` assigns to: an assignment's left side, ++/--'s operand, a for-in/of target. */
function assignmentTarget(ts: typeof TS, node: TS.Node): TS.Node | undefined {
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  ) {
    return node.left;
  }
  if (
    (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
    (node.operator === ts.SyntaxKind.PlusPlusToken ||
      node.operator === ts.SyntaxKind.MinusMinusToken)
  ) {
    return node.operand;
  }
  if (
    (ts.isForOfStatement(node) || ts.isForInStatement(node)) &&
    !ts.isVariableDeclarationList(node.initializer)
  ) {
    return node.initializer;
  }
  return undefined;
}

// ---- Names resolved to declarations: what the safety checks ask. ----

/**
 * Which declaration an identifier refers to. A declaration is identified by the identifier it
 * declares (`v` in `const v = ...`, in a parameter or in a destructuring pattern), the same node with
 * and without a checker.
 */
export interface BindingResolver {
  /** The declaring identifier `reference` refers to; undefined for globals and unresolvable names. */
  declarationOf(reference: TS.Identifier): TS.Identifier | undefined;
}

/**
 * Answers already given, shared by every resolver on one checker: the safety checks, the rewrites
 * and the flow walk's repeated passes over loop bodies ask about the same identifiers, and the answer
 * never changes for a node of the program.
 */
const declarationsByChecker = new WeakMap<
  TS.TypeChecker,
  Map<TS.Identifier, TS.Identifier | undefined>
>();

function knownDeclarations(
  checker: TS.TypeChecker | undefined,
): Map<TS.Identifier, TS.Identifier | undefined> {
  if (checker === undefined) return new Map();
  let known = declarationsByChecker.get(checker);
  if (known === undefined) {
    known = new Map();
    declarationsByChecker.set(checker, known);
  }
  return known;
}

export function createBindingResolver(
  ts: typeof TS,
  checker: TS.TypeChecker | undefined,
): BindingResolver {
  const known = knownDeclarations(checker);
  return {
    declarationOf(reference) {
      if (known.has(reference)) return known.get(reference);
      const fromChecker =
        checker === undefined ? undefined : checkerDeclaration(ts, checker, reference);
      const declaration = fromChecker ?? lexicalDeclaration(ts, reference);
      known.set(reference, declaration);
      return declaration;
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
  const named = (identifiers: readonly TS.Identifier[]): TS.Identifier | undefined =>
    identifiers.find((identifier) => identifier.text === reference.text);
  for (let node: TS.Node = reference; node.parent !== undefined; node = node.parent) {
    const container = node.parent;
    const found = isStatementList(ts, container)
      ? statementListDeclarations(ts, container).get(reference.text)
      : named(visibleDeclarations(ts, container, node));
    if (found !== undefined) return found;
  }
  return undefined;
}

function isStatementList(
  ts: typeof TS,
  node: TS.Node,
): node is TS.Block | TS.SourceFile | TS.ModuleBlock {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node);
}

/**
 * A block's declarations by name (the first of each), computed once per block: resolving every name
 * of a long block by scanning its statements each time was quadratic. Keyed by the syntax node, so
 * the cache lives exactly as long as the program's trees.
 */
const declarationsByList = new WeakMap<TS.Node, ReadonlyMap<string, TS.Identifier>>();

function statementListDeclarations(
  ts: typeof TS,
  list: TS.Block | TS.SourceFile | TS.ModuleBlock,
): ReadonlyMap<string, TS.Identifier> {
  let known = declarationsByList.get(list);
  if (known === undefined) {
    const byName = new Map<string, TS.Identifier>();
    for (const identifier of visibleDeclarations(ts, list, list)) {
      if (!byName.has(identifier.text)) byName.set(identifier.text, identifier);
    }
    known = byName;
    declarationsByList.set(list, known);
  }
  return known;
}

/** The declarations `container` makes visible to its child `from`, in the order they shadow. */
function visibleDeclarations(ts: typeof TS, container: TS.Node, from: TS.Node): TS.Identifier[] {
  if (ts.isBlock(container) || ts.isSourceFile(container) || ts.isModuleBlock(container)) {
    return container.statements.flatMap((statement) => statementIdentifiers(ts, statement));
  }
  if (ts.isCaseBlock(container)) {
    return container.clauses.flatMap((clause) =>
      clause.statements.flatMap((statement) => statementIdentifiers(ts, statement)),
    );
  }
  if (ts.isFunctionLike(container)) {
    const parameters = container.parameters.flatMap((parameter) =>
      bindingIdentifiers(ts, parameter.name),
    );
    // `var` is function-scoped: a declaration in any nested block (not nested function) is visible.
    const body = (container as TS.FunctionLikeDeclaration).body;
    const vars = body !== undefined && from === body ? varIdentifiers(ts, body) : [];
    const ownName =
      ts.isFunctionExpression(container) && container.name !== undefined ? [container.name] : [];
    return [...parameters, ...vars, ...ownName];
  }
  if (
    ts.isForStatement(container) ||
    ts.isForOfStatement(container) ||
    ts.isForInStatement(container)
  ) {
    const init = container.initializer;
    return init !== undefined && ts.isVariableDeclarationList(init)
      ? listIdentifiers(ts, init)
      : [];
  }
  if (ts.isCatchClause(container) && container.variableDeclaration !== undefined) {
    return bindingIdentifiers(ts, container.variableDeclaration.name);
  }
  if (ts.isClassExpression(container) && container.name !== undefined) return [container.name];
  return [];
}
