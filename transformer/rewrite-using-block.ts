/**
 * The block form: `using _ = poolScope(P);` runs the rest of its block inside
 * `const depth = P.checkpoint(); try { rest } finally { P.rewind(depth); }`.
 *
 * Every pool scope of one statement list shares that one `try`: a later `using _ = poolScope(Q)` in
 * the same block becomes `depth2 = Q.checkpoint();` where it stands, and the `finally` rewinds the
 * scopes in reverse order (`if (depth2 !== undefined) Q.rewind(depth2);`, for a scope the block
 * never reached). All of them end where the block ends, as nested tries would, but the output stays
 * flat however many there are (700 nested tries overflowed TypeScript's printer). A real `using`
 * (another resource, or a poolScope the rewrite refused) between them starts a nested `try`, so it
 * is still disposed after the scopes opened after it are rewound.
 *
 * The rest moves into the `try`, which is only invisible when no earlier statement of the block
 * refers to a name the rest declares (a function declared later and called earlier, a closure reading
 * a later const). When one does, the earlier statements go into the `try` as well and the checkpoint
 * becomes `depth = P.checkpoint()` where the `using` was (the "guarded" form), so every declaration
 * keeps its scope and function declarations stay hoisted. An earlier real `using` stays before that
 * `try` (it must be disposed after the scope rewinds); code before it that refers to names declared
 * after it, and the same at module top level (imports and exports cannot move into a block), leave
 * the declaration a real `using` with a diagnostic.
 */
import type * as TS from "typescript";
import { checkedPool, injectsRuntimeCheck, inspectReturns } from "./runtime-check.js";
import type { FileContext } from "./file-context.js";
import {
  POOLING_OFF_NEEDS_NAME,
  SPREAD_ARGUMENT,
  USING_BINDING_REFERENCED,
  USING_NOT_REWRITABLE,
  WRONG_ARGUMENT_COUNT,
} from "./diagnostic-registry.js";
import type { PoolMessage } from "./diagnostic-registry.js";
import {
  createBindingResolver,
  isAssignedIn,
  referencedNames,
  topLevelDeclaredNames,
} from "./names.js";
import { isConstPoolName, mayBeNullish } from "./pool-binding.js";
import { isTaskLocalPool } from "./pool-scopes.js";
import type { BlockPoolScope } from "./pool-scopes.js";
import {
  callMethod,
  copyLeadingComments,
  openScope,
  referenceTo,
  taskLocalPool,
} from "./scope-code.js";
import type { PoolSource } from "./scope-code.js";
import { isPrologueDirective, skipOuterExpressions } from "./syntax.js";
import { isValueReference } from "./value-reference.js";
import { walkPreOrder } from "./walk.js";

/** The statement list with every rewritable `using ... = poolScope(...)` turned into a scope. */
export function rewriteStatementList(
  file: FileContext,
  statements: readonly TS.Statement[],
  atTopLevel: boolean,
  visitPlain: (statement: TS.Statement) => TS.Statement[],
  /** Statements of the same block before `statements`, already emitted before them. */
  before: readonly TS.Statement[] = [],
): TS.Statement[] {
  const output: TS.Statement[] = [];
  let from = 0;
  for (;;) {
    const index = nextPoolScopeUsing(file, statements, from);
    if (index < 0) {
      for (let i = from; i < statements.length; i++) output.push(...visitPlain(statements[i]!));
      return output;
    }
    const plan = planScopes(file, statements, index, before, atTopLevel);
    if (plan === undefined) {
      for (let i = from; i <= index; i++) output.push(...visitPlain(statements[i]!));
      from = index + 1;
      continue;
    }
    for (let i = from; i < plan.tryStart; i++) output.push(...visitPlain(statements[i]!));
    if (!file.options.pooling) {
      output.push(...unpooledRest(file, plan.sources, statements, index, atTopLevel, visitPlain));
    } else {
      output.push(...scopeGroup(file, statements, index, plan, before, visitPlain));
    }
    return output;
  }
}

function nextPoolScopeUsing(
  file: FileContext,
  statements: readonly TS.Statement[],
  from: number,
): number {
  for (let i = from; i < statements.length; i++) {
    if (file.scopes.blockScopeOpenedBy(statements[i]!) !== undefined) return i;
  }
  return -1;
}

interface ScopePlan {
  /** One pool per declarator, in order (undefined: the task-local pool). */
  readonly sources: readonly (TS.Expression | undefined)[];
  /** Earlier statements see names the rest declares: use the whole-block guarded form. */
  readonly guarded: boolean;
  /** Where the `try` starts: the `using` itself, or (guarded) the first statement it may enclose. */
  readonly tryStart: number;
}

/**
 * How to rewrite the `using` at `index`, or undefined after a diagnostic saying why it stays a real
 * `using`.
 */
function planScopes(
  file: FileContext,
  statements: readonly TS.Statement[],
  index: number,
  before: readonly TS.Statement[],
  atTopLevel: boolean,
): ScopePlan | undefined {
  const { ts } = file;
  const using = statements[index] as TS.VariableStatement;
  const rest = statements.slice(index + 1);
  const refuse = (node: TS.Node, message: PoolMessage): undefined => {
    file.report(node, message);
    return undefined;
  };
  const sources = declaratorPools(file, file.scopes.blockScopeOpenedBy(using)!, rest);
  if (!Array.isArray(sources)) return refuse(sources.node, sources.message);
  const restDeclared = topLevelDeclaredNames(ts, rest);
  const seesRest = (code: readonly TS.Statement[]): boolean =>
    [...referencedNames(ts, code)].some((name) => restDeclared.has(name));
  const earlierSeesRest = seesRest([...before, ...statements.slice(0, index)]);
  if (atTopLevel && rest.some((statement) => isModuleSyntax(ts, statement))) {
    return refuse(using, USING_NOT_REWRITABLE("imports or exports follow it at module top level"));
  }
  if (atTopLevel && earlierSeesRest) {
    return refuse(
      using,
      USING_NOT_REWRITABLE("code before it at module top level refers to names declared after it"),
    );
  }
  if (!file.options.pooling) {
    for (const source of sources) {
      if (source === undefined || isTaskLocalPool(ts, file.resolve, source)) continue;
      if (!ts.isIdentifier(source) || isAssignedIn(ts, rest, source.text)) {
        return refuse(source, POOLING_OFF_NEEDS_NAME("poolScope"));
      }
    }
  }
  if (!earlierSeesRest) return { sources, guarded: false, tryStart: index };
  const tryStart = guardedTryStart(ts, statements, index);
  const moved = topLevelDeclaredNames(ts, statements.slice(tryStart, index), new Set(restDeclared));
  const outside = referencedNames(ts, [...before, ...statements.slice(0, tryStart)]);
  if ([...outside].some((name) => moved.has(name))) {
    return refuse(
      using,
      USING_NOT_REWRITABLE(
        "code before an earlier 'using' in this block refers to names declared after this one, " +
          "and that earlier resource must be disposed after the pool scope rewinds",
      ),
    );
  }
  return { sources, guarded: true, tryStart };
}

/**
 * The pool of each declarator of a poolScope `using`, or why it cannot be rewritten. `rest` is the
 * code the scope governs (a scope handle it refers to cannot disappear).
 */
function declaratorPools(
  file: FileContext,
  scope: BlockPoolScope,
  rest: readonly TS.Statement[],
  /** Names read anywhere after the first `using` of the list, when known: a cheap first test. */
  readAfterFirst?: ReadonlySet<string>,
): (TS.Expression | undefined)[] | { readonly node: TS.Node; readonly message: PoolMessage } {
  const { ts } = file;
  if (scope.isAwait) {
    return {
      node: scope.using,
      message: USING_NOT_REWRITABLE("pool scopes are synchronous, write plain 'using'"),
    };
  }
  const sources: (TS.Expression | undefined)[] = [];
  for (const { declaration, call } of scope.declarators) {
    if (call === undefined) {
      const reason = "it also declares other resources; give poolScope its own 'using' statement";
      return { node: declaration, message: USING_NOT_REWRITABLE(reason) };
    }
    if (call.arguments.some((argument) => ts.isSpreadElement(argument))) {
      return { node: call, message: SPREAD_ARGUMENT("poolScope") };
    }
    if (call.arguments.length > 1) {
      const message = WRONG_ARGUMENT_COUNT("poolScope", call.arguments.length, "(pool) or ()");
      return { node: call, message };
    }
    const name = declaration.name;
    if (
      ts.isIdentifier(name) &&
      (readAfterFirst?.has(name.text) ?? true) &&
      isRead(file, name, rest)
    )
      return { node: name, message: USING_BINDING_REFERENCED(name.text) };
    sources.push(call.arguments[0]);
  }
  return sources;
}

/**
 * Whether code in `rest` reads the variable `name` declares (a nested `using _ = poolScope(...)`
 * declaring its own `_` does not).
 */
function isRead(file: FileContext, name: TS.Identifier, rest: readonly TS.Statement[]): boolean {
  const { ts } = file;
  const resolver = createBindingResolver(ts, file.safety.checker);
  return walkPreOrder(ts, rest, (node) =>
    ts.isIdentifier(node) &&
    node.text === name.text &&
    isValueReference(ts, node) &&
    resolver.declarationOf(node) === name
      ? "stop"
      : undefined,
  );
}

/** Texts of the identifiers that read a variable anywhere in `code`. */
function namesRead(ts: typeof TS, code: readonly TS.Statement[]): Set<string> {
  const names = new Set<string>();
  walkPreOrder(ts, code, (node) => {
    if (ts.isIdentifier(node) && isValueReference(ts, node)) names.add(node.text);
    return undefined;
  });
  return names;
}

/**
 * The first statement the guarded form's `try` may enclose: after the prologue directives (they only
 * count at the start of a body) and after the last real `using` before `index` (it must be disposed
 * after the scope rewinds, so it cannot move into the try).
 */
function guardedTryStart(
  ts: typeof TS,
  statements: readonly TS.Statement[],
  index: number,
): number {
  let start = 0;
  while (start < index && isPrologueDirective(ts, statements[start]!)) start++;
  for (let i = index - 1; i >= start; i--) {
    if (isUsingDeclaration(ts, statements[i]!)) return i + 1;
  }
  return start;
}

function isUsingDeclaration(ts: typeof TS, statement: TS.Statement): boolean {
  if (!ts.isVariableStatement(statement)) return false;
  const scope: TS.NodeFlags = statement.declarationList.flags & ts.NodeFlags.BlockScoped;
  return scope === ts.NodeFlags.Using || scope === ts.NodeFlags.AwaitUsing;
}

function isModuleSyntax(ts: typeof TS, statement: TS.Statement): boolean {
  if (
    ts.isImportDeclaration(statement) ||
    ts.isImportEqualsDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isExportAssignment(statement)
  ) {
    return true;
  }
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false)
  );
}

/** One scope of a group: how it opens (where its `using` stood) and how the `finally` rewinds it. */
interface GroupScope {
  readonly open: TS.Statement[];
  readonly rewind: TS.Statement;
  /** Its returns inspected at scope exit (runtimeCheck), else the statements unchanged. */
  readonly inspect: (body: readonly TS.Statement[]) => readonly TS.Statement[];
  /** Names the statement before the `try` declares with `let`. */
  readonly declared: readonly TS.Identifier[];
}

/**
 * The `using` at `index` and every later poolScope `using` of the list up to the next real `using`,
 * as one `try` over the rest of the list (from `plan.tryStart` on).
 */
function scopeGroup(
  file: FileContext,
  statements: readonly TS.Statement[],
  index: number,
  plan: ScopePlan,
  before: readonly TS.Statement[],
  visitPlain: (statement: TS.Statement) => TS.Statement[],
): TS.Statement[] {
  const { ts, factory } = file;
  const using = statements[index] as TS.VariableStatement;
  const opening: TS.Statement[] = [];
  const scopes: GroupScope[] = [];
  const body: TS.Statement[] = [];
  for (let i = plan.tryStart; i < index; i++) body.push(...visitPlain(statements[i]!));
  plan.sources.forEach((pool, i) => {
    if (i === 0 && !plan.guarded) {
      const scope = openScope(file, blockPoolSource(file, pool), false, using);
      opening.push(...scope.open);
      scopes.push({ open: [], rewind: scope.rewind, inspect: scope.inspect, declared: [] });
    } else {
      scopes.push(guardedScope(file, pool, using));
    }
  });
  copyLeadingComments(file, using, opening[0] ?? scopes[0]!.open[0]!);
  for (const scope of scopes) body.push(...scope.open);
  // Walked only when a later poolScope `using` joins the group: most lists have none.
  let readAfterFirst: ReadonlySet<string> | undefined;
  for (let i = index + 1; i < statements.length; i++) {
    const statement = statements[i]!;
    const joining = file.scopes.blockScopeOpenedBy(statement);
    if (joining !== undefined) {
      readAfterFirst ??= namesRead(ts, statements.slice(index + 1));
      const sources = declaratorPools(file, joining, statements.slice(i + 1), readAfterFirst);
      if (Array.isArray(sources)) {
        for (const pool of sources) {
          const scope = guardedScope(file, pool, joining.using);
          scopes.push(scope);
          body.push(...scope.open);
        }
        continue;
      }
      file.report(sources.node, sources.message);
    }
    if (joining !== undefined || isUsingDeclaration(ts, statement)) {
      // A real `using`: it and what follows it go into a nested list of their own.
      const seen = [...before, ...statements.slice(0, i)];
      body.push(
        ...visitPlain(statement),
        ...rewriteStatementList(file, statements.slice(i + 1), false, visitPlain, [
          ...seen,
          statement,
        ]),
      );
      break;
    }
    body.push(...visitPlain(statement));
  }
  const declared = scopes.flatMap((scope) => scope.declared);
  const declaration =
    declared.length === 0
      ? []
      : [
          factory.createVariableStatement(
            undefined,
            factory.createVariableDeclarationList(
              declared.map((name) => factory.createVariableDeclaration(name)),
              ts.NodeFlags.Let,
            ),
          ),
        ];
  const rewinds = scopes.map((scope) => scope.rewind).reverse();
  // Innermost first, so a return is inspected against the scope it leaves first.
  const inspected = scopes.reduceRight<readonly TS.Statement[]>(
    (statements, scope) => scope.inspect(statements),
    body,
  );
  return [
    ...opening,
    ...declaration,
    factory.createTryStatement(
      factory.createBlock(inspected, true),
      undefined,
      factory.createBlock(rewinds, true),
    ),
  ];
}

/** A scope that opens inside the `try`: `depth = P.checkpoint()`, rewound only if it opened. */
function guardedScope(
  file: FileContext,
  pool: TS.Expression | undefined,
  using: TS.VariableStatement,
): GroupScope {
  const { ts, factory } = file;
  const source = blockPoolSource(file, pool);
  const depth = factory.createUniqueName("depth");
  const declared = [depth];
  let target: TS.Expression;
  let reference: () => TS.Expression;
  if (source.kind === "name") {
    target = referenceTo(file, source.name);
    reference = () => referenceTo(file, source.name);
  } else {
    const poolName = factory.createUniqueName("pool");
    declared.push(poolName);
    const expression = source.kind === "expression" ? source.expression : source.name;
    target = factory.createParenthesizedExpression(factory.createAssignment(poolName, expression));
    reference = () => poolName;
  }
  const check = injectsRuntimeCheck(file);
  const opened = check ? checkedPool(file, target, using) : target;
  const open = factory.createExpressionStatement(
    factory.createAssignment(depth, callMethod(file, opened, "checkpoint", [])),
  );
  ts.setSourceMapRange(open, using);
  const rewind = factory.createIfStatement(
    factory.createStrictInequality(depth, factory.createVoidZero()),
    factory.createExpressionStatement(callMethod(file, reference(), "rewind", [depth])),
  );
  const inspect = (body: readonly TS.Statement[]): readonly TS.Statement[] =>
    check ? inspectReturns(file, body, reference, depth, using) : body;
  return { open: [open], rewind, inspect, declared };
}

/**
 * The pool of a `using _ = poolScope(P)`: a `const` name that cannot be undefined is read again at
 * the rewind; anything else is evaluated once where the `using` is, with the fallback's
 * `P ?? getTaskLocalPool()` where P may be undefined or null; no P is the task-local pool.
 */
function blockPoolSource(file: FileContext, pool: TS.Expression | undefined): PoolSource {
  const { ts, factory } = file;
  if (pool === undefined) return { kind: "expression", expression: taskLocalPool(file) };
  const inner = skipOuterExpressions(ts, pool);
  const nullish = mayBeNullish(file, pool);
  if (ts.isIdentifier(inner) && !nullish && isConstPoolName(file, inner)) {
    return { kind: "name", name: inner };
  }
  const visited = file.visit(pool);
  return {
    kind: "expression",
    expression: nullish
      ? factory.createBinaryExpression(
          visited,
          ts.SyntaxKind.QuestionQuestionToken,
          taskLocalPool(file),
        )
      : visited,
  };
}

/**
 * pooling: false: the scope disappears. References to a pool passed by name are compiled to
 * DISABLED_POOL in the rest of the block; the task-local pool needs nothing (getTaskLocalPool()
 * compiles to DISABLED_POOL everywhere).
 */
function unpooledRest(
  file: FileContext,
  pools: readonly (TS.Expression | undefined)[],
  statements: readonly TS.Statement[],
  index: number,
  atTopLevel: boolean,
  visitPlain: (statement: TS.Statement) => TS.Statement[],
): TS.Statement[] {
  const { ts } = file;
  const continueRest = (): TS.Statement[] =>
    rewriteStatementList(file, statements.slice(index + 1), atTopLevel, visitPlain, []);
  const named = pools.filter(
    (pool): pool is TS.Identifier => pool !== undefined && ts.isIdentifier(pool),
  );
  return named.reduce<() => TS.Statement[]>(
    (visit, pool) => () => file.withPoolDisabled(pool, visit),
    continueRest,
  )();
}
