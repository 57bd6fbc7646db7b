/**
 * What the rewrite may assume about a pool expression. The runtime fallback evaluates the pool once,
 * where the marker runs (it is an ordinary call argument), and keeps that pool for the scope; the
 * rewrite may read the expression again at the rewind only when nothing can rebind it in between.
 */
import type * as TS from "typescript";
import type { FileContext } from "./file-context.js";
import { skipOuterExpressions } from "./syntax.js";
import { createBindingResolver } from "./names.js";

/**
 * A name bound by `const` (or, where the checker sees through the import, an import of a `const`
 * export): reading it again always gives the same pool. A `let`, a parameter, a `var` or an import
 * the checker cannot follow can be reassigned by the scope's body, by a helper it calls, or (a live
 * import binding) by another module.
 */
export function isConstPoolName(file: FileContext, name: TS.Identifier): boolean {
  const { ts } = file;
  const checker = file.safety.checker;
  if (checker !== undefined) {
    let symbol = checker.getSymbolAtLocation(name);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) {
      symbol = checker.getAliasedSymbol(symbol);
    }
    const declaration = symbol?.valueDeclaration;
    return declaration !== undefined && isConstDeclaration(ts, declaration);
  }
  const declaring = createBindingResolver(ts, undefined).declarationOf(name);
  return declaring !== undefined && isConstDeclaration(ts, declaring.parent);
}

/** A `const` variable declaration, or a name inside a `const` destructuring pattern. */
function isConstDeclaration(ts: typeof TS, node: TS.Node): boolean {
  let current = node;
  while (
    ts.isBindingElement(current) ||
    ts.isObjectBindingPattern(current) ||
    ts.isArrayBindingPattern(current)
  ) {
    current = current.parent;
  }
  if (!ts.isVariableDeclaration(current) || !ts.isVariableDeclarationList(current.parent))
    return false;
  const scope: TS.NodeFlags = current.parent.flags & ts.NodeFlags.BlockScoped;
  return scope === ts.NodeFlags.Const;
}

/**
 * Whether `poolScope(pool)`'s argument may be undefined or null at run time, where the runtime uses
 * the task-local pool. A constructed pool or getTaskLocalPool() never is; with a checker (and
 * strictNullChecks) the type says; without one a `const` name is taken as given (transpile-only
 * cannot see types; documented in docs/transformer.md) and anything else may be.
 */
export function mayBeNullish(file: FileContext, pool: TS.Expression): boolean {
  const { ts } = file;
  const inner = skipOuterExpressions(ts, pool);
  if (ts.isNewExpression(inner)) return false;
  if (ts.isCallExpression(inner) && file.resolve(inner) === "getTaskLocalPool") return false;
  const checker = file.safety.checker;
  if (checker !== undefined && file.strictNullChecks) {
    return typeAdmitsNullish(ts, checker.getTypeAtLocation(pool));
  }
  return !(ts.isIdentifier(inner) && isConstPoolName(file, inner));
}

const NULLISH_FLAGS = (ts: typeof TS): number =>
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null |
  ts.TypeFlags.Void |
  ts.TypeFlags.Any |
  ts.TypeFlags.Unknown;

function typeAdmitsNullish(ts: typeof TS, type: TS.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & NULLISH_FLAGS(ts)) !== 0);
}
