/** Everything the rewrites need while transforming one source file. */
import type * as TS from "typescript";
import type { PoolMessage } from "./diagnostic-registry.js";
import type { PoolPluginOptions } from "./options.js";
import type { PoolScopes } from "./pool-scopes.js";
import type { CallResolver } from "./resolve-markers.js";
import type { RuntimeImport } from "./runtime-import.js";
import type { SafetyContext } from "./safety/index.js";

export interface FileContext {
  readonly ts: typeof TS;
  readonly factory: TS.NodeFactory;
  readonly sourceFile: TS.SourceFile;
  readonly options: PoolPluginOptions;
  /** Whether types tell `undefined` and `null` apart (a checker with strictNullChecks). */
  readonly strictNullChecks: boolean;
  readonly resolve: CallResolver;
  /** The file's pool scopes, found once before anything is rewritten. */
  readonly scopes: PoolScopes;
  readonly runtime: RuntimeImport;
  readonly safety: SafetyContext;
  report(node: TS.Node, message: PoolMessage): void;
  /** The file's visitor, for the children of what a rewrite keeps. */
  visit<T extends TS.Node>(node: T): T;
  /**
   * Visit with every reference to `pool` (the same symbol with a checker, the same name without)
   * compiled to DISABLED_POOL: how pooling: false makes a scope's body see the disabled pool.
   */
  withPoolDisabled<T>(pool: TS.Identifier, visit: () => T): T;
  /** A statement list through the visitor, `using ... = poolScope()` blocks included. */
  visitStatements(statements: readonly TS.Statement[], atTopLevel: boolean): TS.Statement[];
}
