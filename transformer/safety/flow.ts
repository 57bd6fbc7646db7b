/**
 * A forward walk over the statements of a scope that tracks, per variable declared in the scope, the
 * pool memory it may hold at each point: branches are walked separately and joined, loop bodies until
 * their facts stop changing, and a name reassigned to a fresh array stops being pool-backed. Each expression is offered to the
 * checks (`FlowHooks`) with the facts that hold where it runs.
 */
import type * as TS from "typescript";
import { createBindingResolver } from "../names.js";
import { walkPostOrder } from "../walk.js";
import type { SafetyContext } from "./index.js";
import { elementOf, joinOrigins, listOf, objectOf, propertyOf, withBindingName } from "./origin.js";
import type { Origin } from "./origin.js";
import { skipOuterExpressions } from "../syntax.js";
import { originOfExpression, propertyKey } from "./pool-backed.js";
import type { Environment } from "./pool-backed.js";
import { declaredInside } from "./scope.js";
import type { PoolScope } from "../pool-scopes.js";

export interface FlowHooks {
  /** A value leaving the scope: returned, thrown, or an arrow function's expression body. */
  onReturn(value: TS.Expression, env: Environment): void;
  /** Every expression node run in the scope (nested functions included), after its operands. */
  onExpression(node: TS.Node, env: Environment): void;
}

/** Variable facts: absent and undefined both mean "holds no pool memory". */
type Facts = Map<TS.Identifier, Origin | undefined>;
/** null: the point is unreachable (after return / throw). */
type FlowState = Facts | null;

/** Where a node of an expression runs: unconditionally at statement level, inside a nested function. */
interface ExpressionPosition {
  readonly strong: boolean;
  readonly nested: boolean;
}

/** The four positions, made once: the walk asks for one at every node. */
const POSITIONS: readonly ExpressionPosition[] = [
  { strong: false, nested: false },
  { strong: false, nested: true },
  { strong: true, nested: false },
  { strong: true, nested: true },
];

function expressionPosition(strong: boolean, nested: boolean): ExpressionPosition {
  return POSITIONS[(strong ? 2 : 0) + (nested ? 1 : 0)]!;
}

export function walkScope(scope: PoolScope, context: SafetyContext, hooks: FlowHooks): void {
  new ScopeWalker(scope, context, hooks).run();
}

class ScopeWalker {
  private facts: Facts = new Map();
  /** Set while walking a loop body the first time, whose facts are not final yet: nothing reports. */
  private muted = false;
  /** How many `try` blocks with a `catch` enclose the current statement inside the scope. */
  private catchingTries = 0;
  /** Reports of a loop pass whose facts may not be final yet; undefined: reports go out. */
  private heldReports: TS.Diagnostic[] | undefined;
  /** Loops entered so far: whether a pass ran a nested loop. */
  private loopsEntered = 0;
  private readonly env: Environment;
  private readonly ts: typeof TS;

  constructor(
    private readonly scope: PoolScope,
    private readonly context: SafetyContext,
    private readonly hooks: FlowHooks,
  ) {
    this.ts = context.ts;
    this.env = {
      // The checks report through the walk, which holds reports back while facts may change.
      context: { ...context, report: (diagnostic) => this.deliver(diagnostic) },
      scope,
      resolver: createBindingResolver(context.ts, context.checker),
      originOfVariable: (declaration) => this.facts.get(declaration),
    };
  }

  run(): void {
    this.walkStatements(this.scope.statements, new Map());
    const body = this.scope.expressionBody;
    if (body !== undefined) {
      this.facts = new Map();
      this.visitExpression(body, false);
      this.emitReturn(body);
    }
  }

  private deliver(diagnostic: TS.Diagnostic): void {
    if (this.heldReports === undefined) this.context.report(diagnostic);
    else this.heldReports.push(diagnostic);
  }

  private emitReturn(value: TS.Expression): void {
    if (!this.muted) this.hooks.onReturn(value, this.env);
  }

  private walkStatements(statements: readonly TS.Statement[], state: FlowState): FlowState {
    let current = state;
    for (const statement of statements) {
      // Code after a return is still checked, with the facts that held before the return.
      current = this.walkStatement(statement, current ?? new Map(state ?? []));
    }
    return current;
  }

  private walkStatement(statement: TS.Statement, state: Facts): FlowState {
    const ts = this.ts;
    this.facts = state;
    if (ts.isVariableStatement(statement)) {
      this.declareList(statement.declarationList);
      return this.facts;
    }
    if (ts.isExpressionStatement(statement)) {
      this.visitExpression(statement.expression, true);
      return this.facts;
    }
    if (ts.isReturnStatement(statement)) {
      if (statement.expression !== undefined) {
        this.visitExpression(statement.expression, true);
        this.emitReturn(statement.expression);
      }
      return null;
    }
    if (ts.isThrowStatement(statement)) {
      this.visitExpression(statement.expression, true);
      // A throw caught inside the scope does not leave it.
      if (this.catchingTries === 0) this.emitReturn(statement.expression);
      return null;
    }
    if (ts.isBlock(statement)) return this.walkStatements(statement.statements, state);
    if (ts.isIfStatement(statement)) return this.walkIf(statement);
    if (ts.isSwitchStatement(statement)) return this.walkSwitch(statement);
    if (ts.isTryStatement(statement)) return this.walkTry(statement);
    if (ts.isIterationStatement(statement, false)) return this.walkLoop(statement);
    if (ts.isLabeledStatement(statement)) return this.walkStatement(statement.statement, state);
    return state;
  }

  private walkIf(statement: TS.IfStatement): FlowState {
    this.visitExpression(statement.expression, false);
    const entry = this.facts;
    const thenState = this.walkStatement(statement.thenStatement, new Map(entry));
    const elseState =
      statement.elseStatement === undefined
        ? new Map(entry)
        : this.walkStatement(statement.elseStatement, new Map(entry));
    return joinStates(thenState, elseState);
  }

  private walkSwitch(statement: TS.SwitchStatement): FlowState {
    this.visitExpression(statement.expression, false);
    const entry = this.facts;
    let fallthrough: FlowState = null;
    let exit: FlowState = null;
    let hasDefault = false;
    for (const clause of statement.caseBlock.clauses) {
      if (this.ts.isCaseClause(clause)) {
        this.facts = new Map(entry);
        this.visitExpression(clause.expression, false);
      } else {
        hasDefault = true;
      }
      const start = joinStates(new Map(entry), fallthrough);
      fallthrough = this.walkStatements(clause.statements, start);
      exit = joinStates(exit, fallthrough);
    }
    return hasDefault ? joinStates(exit, fallthrough) : joinStates(exit, new Map(entry));
  }

  private walkTry(statement: TS.TryStatement): FlowState {
    const entry = this.facts;
    const clause = statement.catchClause;
    if (clause !== undefined) this.catchingTries++;
    const tryState = this.walkStatements(statement.tryBlock.statements, new Map(entry));
    if (clause !== undefined) this.catchingTries--;
    let after = tryState;
    if (clause !== undefined) {
      // The catch may start from any point of the try: join what held before and after it.
      const catchEntry = joinStates(new Map(entry), tryState) ?? new Map(entry);
      after = joinStates(tryState, this.walkStatements(clause.block.statements, catchEntry));
    }
    if (statement.finallyBlock === undefined) return after;
    // The finally runs on every way out of the try: checked with what held anywhere in it. Only its
    // normal completion continues after the statement, from what held when the try (or catch) ended.
    const finallyEntry = joinStates(new Map(entry), after) ?? new Map(entry);
    const finallyState = this.walkStatements(statement.finallyBlock.statements, finallyEntry);
    if (after === null) return null;
    const wasMuted = this.muted;
    this.muted = true;
    const continued = this.walkStatements(statement.finallyBlock.statements, new Map(after));
    this.muted = wasMuted;
    return continued ?? finallyState;
  }

  /**
   * Around the body until the facts stop changing (facts set late in one iteration reach the start
   * of the next, through any chain of assignments), then once more with reporting on. The join keeps
   * a fact once it is known, so each muted pass either learns a new pool-backed variable or is the
   * last: at most one pass per variable. Inside an outer loop's muted pass one pass is enough (the
   * outer loop repeats until nothing changes), so nested loops cost O(depth² · variables) walks.
   *
   * Most loops learn nothing (their first pass ends with the facts it started from), and then that
   * pass is the reporting pass: it runs with reporting on but its reports held back, and they go out
   * only if its facts turn out final. Otherwise they are dropped and the muted passes take over.
   */
  private walkLoop(statement: TS.IterationStatement): FlowState {
    this.walkLoopHead(statement);
    this.loopsEntered++;
    const entry: Facts = this.facts;
    if (this.muted) return this.loopPass(statement, entry).exit;
    const loopsBefore = this.loopsEntered;
    const outerHeld = this.heldReports;
    const held: TS.Diagnostic[] = [];
    this.heldReports = held;
    let first: { readonly head: Facts; readonly exit: Facts };
    try {
      first = this.loopPass(statement, entry);
    } finally {
      this.heldReports = outerHeld;
    }
    if (sameKnownVariables(entry, first.head)) {
      for (const diagnostic of held) this.deliver(diagnostic);
      return first.exit;
    }
    // Muting changes no fact of a pass that ran no nested loop (a nested loop's muted pass leaves
    // earlier), so the muted passes go on from where that first pass ended; else from the start.
    let state = this.loopsEntered === loopsBefore ? first.head : entry;
    this.muted = true;
    for (;;) {
      const next = this.loopPass(statement, state);
      const stable = sameKnownVariables(state, next.head);
      state = next.head;
      if (stable) break;
    }
    this.muted = false;
    return this.loopPass(statement, state).exit;
  }

  /**
   * One walk of the loop body, condition and incrementor from the loop head's facts `state`. The
   * head after it joins `state` with the body's end; the loop leaves from the head, except a
   * `do ... while`, which always runs its body first and so leaves from the body's end.
   */
  private loopPass(
    statement: TS.IterationStatement,
    state: Facts,
  ): { readonly head: Facts; readonly exit: Facts } {
    const ts = this.ts;
    this.facts = new Map(state);
    this.bindLoopVariable(statement);
    const bodyState = this.walkStatement(statement.statement, this.facts);
    if (ts.isDoStatement(statement)) {
      this.facts = bodyState ?? new Map(state);
      this.visitExpression(statement.expression, false);
      const exit = this.facts;
      return { head: joinStates(new Map(state), exit) ?? new Map(state), exit };
    }
    this.facts = joinStates(new Map(state), bodyState) ?? new Map(state);
    if (ts.isForStatement(statement)) {
      if (statement.condition !== undefined) this.visitExpression(statement.condition, false);
      if (statement.incrementor !== undefined) this.visitExpression(statement.incrementor, false);
    } else if (ts.isWhileStatement(statement)) {
      this.visitExpression(statement.expression, false);
    }
    return { head: this.facts, exit: this.facts };
  }

  private walkLoopHead(statement: TS.IterationStatement): void {
    const ts = this.ts;
    if (ts.isForStatement(statement)) {
      const init = statement.initializer;
      if (init !== undefined && ts.isVariableDeclarationList(init)) this.declareList(init);
      else if (init !== undefined) this.visitExpression(init, true);
    } else if (ts.isForOfStatement(statement) || ts.isForInStatement(statement)) {
      this.visitExpression(statement.expression, false);
    }
  }

  /** `for (const x of [v, w])` binds x to an element of the iterated literal. */
  private bindLoopVariable(statement: TS.IterationStatement): void {
    const ts = this.ts;
    if (!ts.isForOfStatement(statement) && !ts.isForInStatement(statement)) return;
    const iterated = ts.isForOfStatement(statement)
      ? originOfExpression(statement.expression, this.env)
      : undefined;
    const element = iterated?.kind === "container" ? iterated.inner : undefined;
    const init = statement.initializer;
    if (ts.isVariableDeclarationList(init)) {
      for (const declaration of init.declarations) this.bind(declaration.name, element, undefined);
    } else {
      this.assignTarget(init, element, true);
    }
  }

  private declareList(list: TS.VariableDeclarationList): void {
    for (const declaration of list.declarations) {
      const init = declaration.initializer;
      if (init === undefined) {
        this.bind(declaration.name, undefined, undefined);
        continue;
      }
      this.visitExpression(init, false);
      this.bind(declaration.name, originOfExpression(init, this.env), init);
    }
  }

  /** Record what each name of a binding (or destructuring pattern) holds. */
  private bind(
    name: TS.BindingName,
    origin: Origin | undefined,
    init: TS.Expression | undefined,
  ): void {
    const ts = this.ts;
    if (ts.isIdentifier(name)) {
      this.facts.set(name, origin === undefined ? undefined : withBindingName(origin, name.text));
      return;
    }
    const literal = init === undefined ? undefined : skipOuterExpressions(ts, init);
    name.elements.forEach((element, index) => {
      if (ts.isOmittedExpression(element)) return;
      const part = this.destructuredPart(name, element, index, origin, literal);
      this.bind(element.name, part, undefined);
    });
  }

  /** What one element of a destructuring pattern takes from the destructured value. */
  private destructuredPart(
    pattern: TS.BindingPattern,
    element: TS.BindingElement,
    index: number,
    origin: Origin | undefined,
    literal: TS.Expression | undefined,
  ): Origin | undefined {
    const ts = this.ts;
    if (origin === undefined) return undefined;
    if (ts.isArrayBindingPattern(pattern)) {
      if (element.dotDotDotToken !== undefined)
        return origin.kind === "container" ? origin : undefined;
      // `const [a, b] = [v, 1]`: each name takes its own element of the literal.
      if (literal !== undefined && ts.isArrayLiteralExpression(literal)) {
        const item = literal.elements[index];
        return item === undefined || ts.isSpreadElement(item)
          ? undefined
          : originOfExpression(item, this.env);
      }
      return origin.kind === "container" ? origin.inner : undefined;
    }
    const key = element.propertyName ?? element.name;
    const keyText =
      ts.isIdentifier(key) || ts.isStringLiteralLike(key)
        ? key.text
        : propertyKey(ts, key as TS.PropertyName);
    if (element.dotDotDotToken !== undefined)
      return origin.kind === "container" ? origin : undefined;
    if (origin.kind === "array")
      return keyText === "buffer" ? { kind: "buffer", acquisition: origin.acquisition } : undefined;
    if (origin.kind === "container") {
      if (keyText === undefined || /^\d+$/.test(keyText)) return elementOf(origin, keyText);
      return propertyOf(origin, keyText);
    }
    return undefined;
  }

  /**
   * Offer every node of an expression to the checks (operands first, nested functions included) and
   * apply its assignments to the facts. `statementLevel`: the expression always runs to completion, so
   * an assignment at its top replaces what the variable held instead of adding to it.
   */
  private visitExpression(expression: TS.Node, statementLevel: boolean): void {
    const ts = this.ts;
    walkPostOrder<ExpressionPosition>(
      ts,
      expression,
      expressionPosition(statementLevel, false),
      (node, { strong, nested }) =>
        ts.isTypeNode(node)
          ? undefined
          : expressionPosition(strong && isSequencing(ts, node), nested || ts.isFunctionLike(node)),
      (node, { strong, nested }) => {
        if (!this.muted) this.hooks.onExpression(node, this.env);
        if (!nested) this.applyEffect(node, strong);
      },
    );
  }

  private applyEffect(node: TS.Node, strong: boolean): void {
    const ts = this.ts;
    if (ts.isBinaryExpression(node) && isAssignmentOperator(ts, node.operatorToken.kind)) {
      const value =
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken
          ? originOfExpression(node.right, this.env)
          : joinOrigins(
              originOfExpression(node.left, this.env),
              originOfExpression(node.right, this.env),
            );
      this.assignTarget(
        node.left,
        value,
        strong && node.operatorToken.kind === ts.SyntaxKind.EqualsToken,
      );
      return;
    }
    if (ts.isCallExpression(node)) this.recordStoreCall(node);
  }

  /** `x = e`, `o.p = e`, `[a, b] = e`: update what the assigned variables (or objects) hold. */
  private assignTarget(target: TS.Expression, value: Origin | undefined, strong: boolean): void {
    const ts = this.ts;
    const node = skipOuterExpressions(ts, target);
    if (ts.isIdentifier(node)) {
      const declaration = this.localDeclaration(node);
      if (declaration === undefined) return;
      const named = value === undefined ? undefined : withBindingName(value, node.text);
      this.facts.set(declaration, strong ? named : joinOrigins(this.facts.get(declaration), named));
      return;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      if (value === undefined) return;
      const isList =
        ts.isElementAccessExpression(node) && !ts.isStringLiteralLike(node.argumentExpression);
      this.addToLocalContainer(
        node.expression,
        isList ? listOf(value) : objectOf(value, undefined),
      );
      return;
    }
    if (ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) {
      // A destructuring assignment: each target may take any part of the value.
      const part = value?.kind === "container" ? value.inner : undefined;
      forEachAssignedName(ts, node, (name) => this.assignTarget(name, part, false));
    }
  }

  /** `local.push(v)`, `local.set(k, v)`: the local container now holds pool memory. */
  private recordStoreCall(call: TS.CallExpression): void {
    const ts = this.ts;
    const callee = skipOuterExpressions(ts, call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !STORING_METHODS.has(callee.name.text)) return;
    for (const argument of call.arguments) {
      const value = originOfExpression(argument, this.env);
      if (value !== undefined) this.addToLocalContainer(callee.expression, listOf(value));
    }
  }

  /** `container` describes the receiver once it holds the value. */
  private addToLocalContainer(object: TS.Expression, container: Origin): void {
    const ts = this.ts;
    const root = skipOuterExpressions(ts, object);
    if (!ts.isIdentifier(root)) return;
    const declaration = this.localDeclaration(root);
    if (declaration === undefined) return;
    const held = this.facts.get(declaration);
    if (held?.kind === "array" || held?.kind === "buffer") return;
    this.facts.set(declaration, held ?? container);
  }

  private localDeclaration(identifier: TS.Identifier): TS.Identifier | undefined {
    const declaration = this.env.resolver.declarationOf(identifier);
    return declaration !== undefined && declaredInside(this.scope, declaration)
      ? declaration
      : undefined;
  }
}

/** Methods that store their arguments in the receiver (arrays, sets, maps). */
export const STORING_METHODS: ReadonlySet<string> = new Set([
  "push",
  "unshift",
  "splice",
  "add",
  "set",
]);

/** Whether `after` knows pool memory in no variable that `before` did not (the join only adds). */
function sameKnownVariables(before: Facts, after: Facts): boolean {
  for (const [declaration, origin] of after) {
    if (origin !== undefined && before.get(declaration) === undefined) return false;
  }
  return true;
}

function joinStates(a: FlowState, b: FlowState): FlowState {
  if (a === null) return b;
  if (b === null) return a;
  const joined: Facts = new Map(a);
  for (const [declaration, origin] of b)
    joined.set(declaration, joinOrigins(joined.get(declaration), origin));
  return joined;
}

/** Comma lists and parentheses run every operand: an assignment inside is still unconditional. */
function isSequencing(ts: typeof TS, node: TS.Node): boolean {
  return (
    ts.isParenthesizedExpression(node) ||
    (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken)
  );
}

function isAssignmentOperator(ts: typeof TS, kind: TS.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function forEachAssignedName(
  ts: typeof TS,
  pattern: TS.ArrayLiteralExpression | TS.ObjectLiteralExpression,
  action: (name: TS.Expression) => void,
): void {
  const elements: readonly TS.Node[] = ts.isArrayLiteralExpression(pattern)
    ? pattern.elements
    : pattern.properties;
  for (const element of elements) {
    if (ts.isSpreadElement(element) || ts.isSpreadAssignment(element)) action(element.expression);
    else if (ts.isPropertyAssignment(element)) action(element.initializer);
    else if (ts.isShorthandPropertyAssignment(element)) action(element.name);
    else if (ts.isExpression(element) && !ts.isOmittedExpression(element)) action(element);
  }
}
