/**
 * Which declarations are a pool scope's own: those whose declaring identifier lies in the source range
 * the scope governs. (Which scope governs a node is discovery's answer: `PoolScopes.owningScope`.)
 */
import type * as TS from "typescript";
import type { PoolScope } from "../pool-scopes.js";

/** Whether a declaration (its declaring identifier) lives inside the scope. */
export function declaredInside(scope: PoolScope, declaration: TS.Node): boolean {
  // The checker may resolve a name to another file (a global in a lib file): never inside.
  if (declaration.getSourceFile() !== scope.owner.getSourceFile()) return false;
  const position = declaration.getStart();
  return position >= scope.start && position < scope.end;
}
