/**
 * Which declarations are a pool scope's own: those whose declaring identifier lies in the source range
 * the scope governs. (Which scope governs a node is discovery's answer: `PoolScopes.owningScope`.)
 */
import type * as TS from "typescript";
import type { PoolScope } from "../pool-scopes.js";

/** Whether a declaration (its declaring identifier) lives inside the scope. */
export function declaredInside(scope: PoolScope, declaration: TS.Node): boolean {
  // The identifier's text starts in [pos, end]: a range wholly outside or inside the scope answers
  // without the scan over leading trivia that getStart makes (the walks ask this of every name).
  if (declaration.end < scope.start || declaration.pos >= scope.end) return false;
  // The checker may resolve a name to another file (a global in a lib file): never inside.
  if (declaration.getSourceFile() !== scope.owner.getSourceFile()) return false;
  if (declaration.pos >= scope.start && declaration.end < scope.end) return true;
  const position = declaration.getStart();
  return position >= scope.start && position < scope.end;
}
