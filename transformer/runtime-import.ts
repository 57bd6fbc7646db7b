/**
 * The runtime members the emitted code needs but the user may not have imported (getTaskLocalPool,
 * maybeCheckpoint, DISABLED_POOL) are reached through one namespace import per file, added only when
 * used. A namespace import under a generated unique name survives import elision (synthesized imports
 * count as referenced) and both module transforms: `ns.member` needs no binding substitution.
 */
import type * as TS from "typescript";
import { isPrologueDirective, leadingCount } from "./syntax.js";

export type RuntimeMember =
  "getTaskLocalPool" | "maybeCheckpoint" | "DISABLED_POOL" | "checkAt" | "checkEscape";

export interface RuntimeImport {
  /** `ns.member`, creating the import on first use. */
  member(name: RuntimeMember): TS.Expression;
  /** The import declaration to add, if any member was used. */
  declaration(): TS.ImportDeclaration | undefined;
}

export function createRuntimeImport(factory: TS.NodeFactory, runtimeModule: string): RuntimeImport {
  let namespace: TS.Identifier | undefined;
  return {
    member(name) {
      namespace ??= factory.createUniqueName("adaptive_array_pools");
      return factory.createPropertyAccessExpression(namespace, name);
    },
    declaration() {
      if (namespace === undefined) return undefined;
      return factory.createImportDeclaration(
        undefined,
        factory.createImportClause(
          /* no phase modifier */ undefined,
          undefined,
          factory.createNamespaceImport(namespace),
        ),
        factory.createStringLiteral(runtimeModule),
      );
    },
  };
}

/** The statements with `declaration` placed after the leading prologue and imports. */
export function withRuntimeImport(
  ts: typeof TS,
  statements: readonly TS.Statement[],
  declaration: TS.ImportDeclaration | undefined,
): TS.Statement[] {
  if (declaration === undefined) return [...statements];
  const index = leadingCount(
    statements,
    (statement) =>
      isPrologueDirective(ts, statement) ||
      ts.isImportDeclaration(statement) ||
      ts.isImportEqualsDeclaration(statement),
  );
  return [...statements.slice(0, index), declaration, ...statements.slice(index)];
}
