/**
 * Discovery: the one place that answers "is this a pool scope, on which pool, governing which
 * statements, owned by which function". The rewrites, the safety checks and the tests all read its
 * answer, so a form one of them recognises (`poolScope(p) as Disposable`, `withPool(p, (fn))`) is
 * recognised by all of them.
 *
 * Two kinds of scope: the function of `withPool(P, fn)` / `maybeWithPool(P, fn)` (the function form), and
 * the rest of a block after `using _ = poolScope(P);` (the block form). Marker calls that do not open a
 * scope come with the reason, for the rewrite's diagnostic.
 */
import type * as TS from "typescript";
import {
  NOT_INLINE_FUNCTION,
  POOL_SCOPE_OUTSIDE_USING,
  SPREAD_ARGUMENT,
  USING_NOT_REWRITABLE,
  WRONG_ARGUMENT_COUNT,
} from "./diagnostic-registry.js";
import type { PoolMessage } from "./diagnostic-registry.js";
import type { CallResolver } from "./resolve-markers.js";
import { skipOuterExpressions } from "./syntax.js";
import { walkPreOrder } from "./walk.js";

export type FunctionMarker = "withPool" | "maybeWithPool";

/** What both kinds of scope share: what the safety checks walk. */
interface ScopeExtent {
  /** The marker's function, or the `using _ = poolScope(P)` statement of a block scope. */
  readonly owner: TS.FunctionExpression | TS.ArrowFunction | TS.VariableStatement;
  /** Source range of everything the scope governs. */
  readonly start: number;
  readonly end: number;
  /** The statements run inside the scope (a function's body statements, or a block's rest). */
  readonly statements: readonly TS.Statement[];
  /** An arrow function's expression body, returned from inside the scope. */
  readonly expressionBody: TS.Expression | undefined;
  /** The function whose frame the scope lives in (a block scope's enclosing function), if any. */
  readonly enclosingFunction: TS.SignatureDeclaration | undefined;
}

export interface FunctionPoolScope extends ScopeExtent {
  readonly kind: "function";
  readonly marker: FunctionMarker;
  readonly call: TS.CallExpression;
  readonly fn: TS.FunctionExpression | TS.ArrowFunction;
  readonly owner: TS.FunctionExpression | TS.ArrowFunction;
  /** The pool argument as written; undefined for `withPool(fn)` (the task-local pool). */
  readonly pool: TS.Expression | undefined;
}

/** One declarator of a `using` statement that opens a block scope. */
export interface ScopeDeclarator {
  readonly declaration: TS.VariableDeclaration;
  /** The poolScope call under the initializer's wrappers; undefined for another resource. */
  readonly call: TS.CallExpression | undefined;
}

export interface BlockPoolScope extends ScopeExtent {
  readonly kind: "block";
  readonly owner: TS.VariableStatement;
  readonly using: TS.VariableStatement;
  readonly declarators: readonly ScopeDeclarator[];
  /** The pool arguments of the poolScope calls, in order (undefined: the task-local pool). */
  readonly pools: readonly (TS.Expression | undefined)[];
  readonly isAwait: boolean;
}

export type PoolScope = FunctionPoolScope | BlockPoolScope;

/** A withPool / maybeWithPool call that opens no scope, and why. */
export interface MarkerRefusal {
  readonly node: TS.Node;
  readonly message: PoolMessage;
}

/** A poolScope call that no rewritable `using` closes. */
export interface StrayPoolScope {
  readonly call: TS.CallExpression;
  readonly message: PoolMessage;
}

export interface PoolScopes {
  /** Every call of the file that resolves to one of this package's exports, in source order. */
  readonly runtimeCalls: readonly TS.CallExpression[];
  /** Every scope of the file, outer scopes before the scopes nested in them. */
  readonly all: readonly PoolScope[];
  readonly strays: readonly StrayPoolScope[];
  /** The scope a withPool / maybeWithPool call opens, or why it opens none. */
  functionMarker(call: TS.CallExpression): FunctionPoolScope | MarkerRefusal | undefined;
  /** The block scope a statement opens, if it is a `using ... = poolScope(...)`. */
  blockScopeOpenedBy(statement: TS.Statement): BlockPoolScope | undefined;
  /** The innermost scope that governs `node`; undefined outside every scope. */
  owningScope(node: TS.Node): PoolScope | undefined;
  /**
   * The first block scope of the statement list `scope` opens in (`scope` itself for the first one
   * and for function scopes). All block scopes of one list end where the list ends, so the safety
   * checks walk a list once, from its first scope, for all of them.
   */
  leaderOf(scope: PoolScope): PoolScope;
}

export function findPoolScopes(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  resolve: CallResolver,
): PoolScopes {
  const all: PoolScope[] = [];
  const runtimeCalls: TS.CallExpression[] = [];
  const strays: StrayPoolScope[] = [];
  const markers = new Map<TS.CallExpression, FunctionPoolScope | MarkerRefusal>();
  const opened = new Map<TS.Statement, BlockPoolScope>();
  const functionScopes = new Map<TS.Node, FunctionPoolScope>();
  /** Each statement of a block scope's rest, to the innermost block scope governing it. */
  const governed = new Map<TS.Node, BlockPoolScope>();
  const leaders = new Map<BlockPoolScope, BlockPoolScope>();

  walkPreOrder(ts, sourceFile, (node) => {
    if (ts.isCallExpression(node)) {
      const name = resolve(node);
      if (name !== undefined) runtimeCalls.push(node);
      if (name === "withPool" || name === "maybeWithPool") {
        const found = functionScope(ts, node, name);
        markers.set(node, found);
        if ("kind" in found) {
          all.push(found);
          functionScopes.set(found.fn, found);
        }
      } else if (name === "poolScope") {
        const message = strayMessage(ts, node);
        if (message !== undefined) strays.push({ call: node, message });
      }
    }
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      // One pass per list: each statement is governed by the last `using` before it (the innermost).
      let innermost: BlockPoolScope | undefined;
      let leader: BlockPoolScope | undefined;
      node.statements.forEach((statement, index) => {
        if (innermost !== undefined) governed.set(statement, innermost);
        const scope = blockScope(ts, resolve, node.statements, index);
        if (scope === undefined) return;
        all.push(scope);
        opened.set(statement, scope);
        innermost = scope;
        leader ??= scope;
        leaders.set(scope, leader);
      });
    }
    return undefined;
  });

  return {
    runtimeCalls,
    all,
    strays,
    functionMarker: (call) => markers.get(call),
    blockScopeOpenedBy: (statement) => opened.get(statement),
    owningScope(node) {
      for (
        let current: TS.Node | undefined = node;
        current !== undefined;
        current = current.parent
      ) {
        const scope = functionScopes.get(current) ?? governed.get(current);
        if (scope !== undefined) return scope;
      }
      return undefined;
    },
    leaderOf: (scope) => (scope.kind === "block" ? (leaders.get(scope) ?? scope) : scope),
  };
}

/** The function form's scope, or why the call is not one: checked in the order a reader would. */
function functionScope(
  ts: typeof TS,
  call: TS.CallExpression,
  marker: FunctionMarker,
): FunctionPoolScope | MarkerRefusal {
  const args = call.arguments;
  if (args.some((argument) => ts.isSpreadElement(argument))) {
    return { node: call, message: SPREAD_ARGUMENT(marker) };
  }
  if (args.length !== 1 && args.length !== 2) {
    const expected = "(pool, function) or (function)";
    return { node: call, message: WRONG_ARGUMENT_COUNT(marker, args.length, expected) };
  }
  const last = args[args.length - 1]!;
  const fn = skipOuterExpressions(ts, last);
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) {
    return { node: last, message: NOT_INLINE_FUNCTION(marker) };
  }
  const body = fn.body;
  return {
    kind: "function",
    marker,
    call,
    fn,
    owner: fn,
    pool: args.length === 2 ? args[0] : undefined,
    start: fn.getStart(),
    end: fn.getEnd(),
    statements: ts.isBlock(body) ? body.statements : [],
    expressionBody: ts.isBlock(body) ? undefined : body,
    enclosingFunction: fn,
  };
}

/** The block scope `statements[index]` opens over the rest, if it is a `using` / `await using` of poolScope. */
function blockScope(
  ts: typeof TS,
  resolve: CallResolver,
  statements: readonly TS.Statement[],
  index: number,
): BlockPoolScope | undefined {
  const statement = statements[index]!;
  if (!ts.isVariableStatement(statement)) return undefined;
  const list = statement.declarationList;
  const flags: TS.NodeFlags = list.flags & ts.NodeFlags.BlockScoped;
  if (flags !== ts.NodeFlags.Using && flags !== ts.NodeFlags.AwaitUsing) return undefined;
  const declarators = list.declarations.map((declaration) => ({
    declaration,
    call: poolScopeCall(ts, resolve, declaration.initializer),
  }));
  const calls = declarators.flatMap((declarator) =>
    declarator.call === undefined ? [] : [declarator.call],
  );
  if (calls.length === 0) return undefined;
  const rest = statements.slice(index + 1);
  const last = rest[rest.length - 1];
  return {
    kind: "block",
    owner: statement,
    using: statement,
    declarators,
    pools: calls.map((call) => call.arguments[0]),
    isAwait: flags === ts.NodeFlags.AwaitUsing,
    start: statement.getStart(),
    end: (last ?? statement).getEnd(),
    statements: rest,
    expressionBody: undefined,
    enclosingFunction: enclosingFunctionOf(ts, statement),
  };
}

function poolScopeCall(
  ts: typeof TS,
  resolve: CallResolver,
  initializer: TS.Expression | undefined,
): TS.CallExpression | undefined {
  if (initializer === undefined) return undefined;
  const call = skipOuterExpressions(ts, initializer);
  return ts.isCallExpression(call) && resolve(call) === "poolScope" ? call : undefined;
}

/** The nearest function around `node`; undefined at module top level. */
export function enclosingFunctionOf(
  ts: typeof TS,
  node: TS.Node,
): TS.SignatureDeclaration | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

/**
 * Why a poolScope call opens no block scope, or undefined when it does: it must be (under wrappers)
 * the initializer of a `using` declarator in a statement directly inside a block or the file.
 */
function strayMessage(ts: typeof TS, call: TS.CallExpression): PoolMessage | undefined {
  let initializer: TS.Node = call;
  while (
    initializer.parent !== undefined &&
    skipOuterExpressions(ts, initializer.parent as TS.Expression) !== initializer.parent
  ) {
    initializer = initializer.parent;
  }
  const declaration = initializer.parent;
  if (
    declaration === undefined ||
    !ts.isVariableDeclaration(declaration) ||
    declaration.initializer !== initializer
  ) {
    return POOL_SCOPE_OUTSIDE_USING();
  }
  const list = declaration.parent;
  const flags: TS.NodeFlags = list.flags & ts.NodeFlags.BlockScoped;
  if (flags !== ts.NodeFlags.Using && flags !== ts.NodeFlags.AwaitUsing) {
    return POOL_SCOPE_OUTSIDE_USING();
  }
  const statement = list.parent;
  const inBlock =
    ts.isVariableStatement(statement) &&
    (ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent));
  return inBlock
    ? undefined
    : USING_NOT_REWRITABLE("it is not a statement directly inside a block");
}

/** `getTaskLocalPool()` (under wrappers) passed as the pool: the same pool as passing none. */
export function isTaskLocalPool(
  ts: typeof TS,
  resolve: CallResolver,
  pool: TS.Expression,
): boolean {
  const inner = skipOuterExpressions(ts, pool);
  return ts.isCallExpression(inner) && resolve(inner) === "getTaskLocalPool";
}
