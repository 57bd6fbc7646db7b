/**
 * The block form: `using _ = poolScope(P);` runs the rest of its block inside
 * `const depth = P.checkpoint(); try { rest } finally { P.rewind(depth); }`.
 *
 * The rest moves into a nested block, which is only invisible when no earlier statement of the block
 * refers to a name the rest declares (a function declared later and called earlier, a closure reading
 * a later const). When one does, the whole block goes into the `try` and the rewind is guarded:
 * `let depth; try { earlier; depth = P.checkpoint(); rest } finally { if (depth !== undefined) ... }`,
 * so every declaration keeps its scope and function declarations stay hoisted. At module top level the
 * guarded form is impossible (imports and exports cannot move into a block), so there the declaration
 * is left as a real `using` with a diagnostic.
 */
import type * as TS from "typescript";
import type { FileContext } from "./file-context.js";
import {
  poolingOffNeedsName,
  spreadArgument,
  usingBindingReferenced,
  usingNotRewritable,
  wrongArgumentCount,
} from "./messages.js";
import type { PoolMessage } from "./messages.js";
import { skipOuterExpressions } from "./resolve-markers.js";
import { isTaskLocalPoolCall } from "./rewrite-function.js";
import {
  callMethod,
  copyLeadingComments,
  openScope,
  poolSourceOf,
  referenceTo,
} from "./scope-code.js";
import {
  isAssignedIn,
  isPrologueDirective,
  referencedNames,
  topLevelDeclaredNames,
} from "./scope-analysis.js";
import { checkBlockScope } from "./safety/index.js";

/** The poolScope calls of a `using` statement, if it declares any. */
export function poolScopeUsing(
  file: FileContext,
  statement: TS.Statement,
):
  | { readonly calls: readonly (TS.CallExpression | undefined)[]; readonly isAwait: boolean }
  | undefined {
  const { ts } = file;
  if (!ts.isVariableStatement(statement)) return undefined;
  const list = statement.declarationList;
  const blockScope: TS.NodeFlags = list.flags & ts.NodeFlags.BlockScoped;
  if (blockScope !== ts.NodeFlags.Using && blockScope !== ts.NodeFlags.AwaitUsing) return undefined;
  const calls = list.declarations.map((declaration) =>
    poolScopeCall(file, declaration.initializer),
  );
  if (calls.every((call) => call === undefined)) return undefined;
  return { calls, isAwait: blockScope === ts.NodeFlags.AwaitUsing };
}

function poolScopeCall(
  file: FileContext,
  initializer: TS.Expression | undefined,
): TS.CallExpression | undefined {
  if (initializer === undefined) return undefined;
  const call = skipOuterExpressions(file.ts, initializer);
  return file.ts.isCallExpression(call) && file.resolve(call) === "poolScope" ? call : undefined;
}

/** The statement list with every rewritable `using ... = poolScope(...)` turned into a scope. */
export function rewriteStatementList(
  file: FileContext,
  statements: readonly TS.Statement[],
  atTopLevel: boolean,
  visitPlain: (statement: TS.Statement) => TS.Statement[],
): TS.Statement[] {
  const index = statements.findIndex((statement) => poolScopeUsing(file, statement) !== undefined);
  if (index < 0) return statements.flatMap(visitPlain);
  const using = statements[index] as TS.VariableStatement;
  const earlier = statements.slice(0, index);
  const rest = statements.slice(index + 1);
  checkBlockScope(using, rest, file.safety);
  const continueRest = (): TS.Statement[] =>
    rewriteStatementList(file, rest, atTopLevel, visitPlain);
  const plan = planScopes(file, using, earlier, rest, atTopLevel);
  if (plan === undefined) {
    return [...earlier.flatMap(visitPlain), ...visitPlain(using), ...continueRest()];
  }
  const visitedEarlier = earlier.flatMap(visitPlain);
  if (!file.options.pooling)
    return [...visitedEarlier, ...unpooledRest(file, plan.sources, continueRest)];
  return plan.guarded
    ? guardedScopes(file, using, plan.sources, statements, visitedEarlier, continueRest())
    : [...visitedEarlier, ...nestedScopes(file, using, plan.sources, rest, continueRest())];
}

interface ScopePlan {
  /** One pool per declarator, in order (undefined: the task-local pool). */
  readonly sources: readonly (TS.Expression | undefined)[];
  /** Earlier statements see names the rest declares: use the whole-block guarded form. */
  readonly guarded: boolean;
}

/** How to rewrite this `using`, or undefined after a diagnostic saying why it stays a real `using`. */
function planScopes(
  file: FileContext,
  using: TS.VariableStatement,
  earlier: readonly TS.Statement[],
  rest: readonly TS.Statement[],
  atTopLevel: boolean,
): ScopePlan | undefined {
  const { ts } = file;
  const found = poolScopeUsing(file, using)!;
  const refuse = (node: TS.Node, message: PoolMessage): undefined => {
    file.report(node, message);
    return undefined;
  };
  if (found.isAwait) {
    return refuse(using, usingNotRewritable("pool scopes are synchronous, write plain 'using'"));
  }
  const sources: (TS.Expression | undefined)[] = [];
  const declarations = using.declarationList.declarations;
  const restNames = referencedNames(ts, rest);
  for (const [i, call] of found.calls.entries()) {
    const declaration = declarations[i]!;
    if (call === undefined) {
      return refuse(
        declaration,
        usingNotRewritable(
          "it also declares other resources; give poolScope its own 'using' statement",
        ),
      );
    }
    if (call.arguments.some((argument) => ts.isSpreadElement(argument))) {
      return refuse(call, spreadArgument("poolScope"));
    }
    if (call.arguments.length > 1) {
      return refuse(call, wrongArgumentCount("poolScope", call.arguments.length, "(pool) or ()"));
    }
    const name = declaration.name;
    if (ts.isIdentifier(name) && restNames.has(name.text))
      return refuse(name, usingBindingReferenced(name.text));
    sources.push(call.arguments[0]);
  }
  const restDeclared = topLevelDeclaredNames(ts, rest);
  const earlierSeesRest = [...referencedNames(ts, earlier)].some((name) => restDeclared.has(name));
  if (atTopLevel && rest.some((statement) => isModuleSyntax(ts, statement))) {
    return refuse(using, usingNotRewritable("imports or exports follow it at module top level"));
  }
  if (atTopLevel && earlierSeesRest) {
    return refuse(
      using,
      usingNotRewritable("code before it at module top level refers to names declared after it"),
    );
  }
  if (!file.options.pooling) {
    for (const source of sources) {
      if (source === undefined || isTaskLocalPoolCall(file, source)) continue;
      if (!ts.isIdentifier(source) || isAssignedIn(ts, rest, source.text)) {
        return refuse(source, poolingOffNeedsName("poolScope"));
      }
    }
  }
  return { sources, guarded: earlierSeesRest };
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

/** `const d1 = P1.checkpoint(); try { const d2 = ...; try { rest } finally {...} } finally {...}` */
function nestedScopes(
  file: FileContext,
  using: TS.VariableStatement,
  pools: readonly (TS.Expression | undefined)[],
  originalRest: readonly TS.Statement[],
  rest: TS.Statement[],
): TS.Statement[] {
  let body = rest;
  for (let i = pools.length - 1; i >= 0; i--) {
    const scope = openScope(file, poolSourceOf(file, pools[i], originalRest), false, using);
    body = [...scope.open, scope.wrap(body)];
  }
  copyLeadingComments(file, using, body[0]!);
  return body;
}

/**
 * Earlier statements refer to names the rest declares, so the whole block runs in the `try`:
 * `let depth; try { earlier; depth = P.checkpoint(); rest } finally { if (depth !== undefined) P.rewind(depth); }`
 */
function guardedScopes(
  file: FileContext,
  using: TS.VariableStatement,
  pools: readonly (TS.Expression | undefined)[],
  originalBlock: readonly TS.Statement[],
  earlier: TS.Statement[],
  rest: TS.Statement[],
): TS.Statement[] {
  const { ts, factory } = file;
  const declared: TS.Identifier[] = [];
  const opens: TS.Statement[] = [];
  const rewinds: TS.Statement[] = [];
  for (const pool of pools) {
    const source = poolSourceOf(file, pool, originalBlock);
    const depth = factory.createUniqueName("depth");
    declared.push(depth);
    let target: TS.Expression;
    let reference: () => TS.Expression;
    if (source.kind === "name") {
      target = referenceTo(file, source.name);
      reference = () => referenceTo(file, source.name);
    } else {
      const poolName = factory.createUniqueName("pool");
      declared.push(poolName);
      target = factory.createParenthesizedExpression(
        factory.createAssignment(poolName, source.expression),
      );
      reference = () => poolName;
    }
    const open = factory.createExpressionStatement(
      factory.createAssignment(depth, callMethod(file, target, "checkpoint", [])),
    );
    ts.setSourceMapRange(open, using);
    opens.push(open);
    rewinds.unshift(
      factory.createIfStatement(
        factory.createStrictInequality(depth, factory.createVoidZero()),
        factory.createExpressionStatement(callMethod(file, reference(), "rewind", [depth])),
      ),
    );
  }
  copyLeadingComments(file, using, opens[0]!);
  const declaration = factory.createVariableStatement(
    undefined,
    factory.createVariableDeclarationList(
      declared.map((name) => factory.createVariableDeclaration(name)),
      ts.NodeFlags.Let,
    ),
  );
  // Directives ("use strict") only count at the start of a body: they stay outside the try.
  let prologueLength = 0;
  while (prologueLength < earlier.length && isPrologueDirective(ts, earlier[prologueLength]!)) {
    prologueLength++;
  }
  return [
    ...earlier.slice(0, prologueLength),
    declaration,
    factory.createTryStatement(
      factory.createBlock([...earlier.slice(prologueLength), ...opens, ...rest], true),
      undefined,
      factory.createBlock(rewinds, true),
    ),
  ];
}

/**
 * pooling: false: the scope disappears. References to a pool passed by name are compiled to
 * DISABLED_POOL in the rest of the block; the task-local pool needs nothing (getTaskLocalPool()
 * compiles to DISABLED_POOL everywhere).
 */
function unpooledRest(
  file: FileContext,
  pools: readonly (TS.Expression | undefined)[],
  continueRest: () => TS.Statement[],
): TS.Statement[] {
  const { ts } = file;
  const named = pools.filter(
    (pool): pool is TS.Identifier => pool !== undefined && ts.isIdentifier(pool),
  );
  return named.reduce<() => TS.Statement[]>(
    (visit, pool) => () => file.withPoolDisabled(pool, visit),
    continueRest,
  )();
}
