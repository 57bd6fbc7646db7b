/**
 * The per-file visitor: finds the pool scopes (pool-scopes.ts), has the safety checks read them,
 * hands them to the rewrites, reports poolScope calls that no `using` closes, and adds the runtime
 * import the emitted code needs. A
 * failure inside one rewrite becomes an AAP1099 diagnostic and leaves that marker untouched.
 */
import type * as TS from "typescript";
import { isValueReference } from "./value-reference.js";
import type { RuntimeExportName } from "./runtime-exports.js";
import { skipOuterExpressions } from "./syntax.js";
import { walkPreOrder } from "./walk.js";
import { createPoolDiagnostic } from "./diagnostics.js";
import type { FileContext } from "./file-context.js";
import { INTERNAL_ERROR } from "./diagnostic-registry.js";
import type { PoolMessage } from "./diagnostic-registry.js";
import type { PoolPluginOptions } from "./options.js";
import { createBindingResolver } from "./names.js";
import { findPoolScopes } from "./pool-scopes.js";
import { rememberingResolver } from "./resolve-markers.js";
import type { CallResolver } from "./resolve-markers.js";
import { createRuntimeImport, withRuntimeImport } from "./runtime-import.js";
import { rewriteFunctionMarker } from "./rewrite-function.js";
import { injectsRuntimeCheck, withAcquireSite } from "./runtime-check.js";
import { isAcquireFamily } from "./runtime-exports.js";
import { rewriteStatementList } from "./rewrite-using-block.js";
import { checkPoolScope } from "./safety/index.js";
import { specialiseAcquire } from "./specialise-acquire.js";
import type { SafetyContext } from "./safety/index.js";

export interface TransformerSetup {
  readonly ts: typeof TS;
  readonly options: PoolPluginOptions;
  readonly checker: TS.TypeChecker | undefined;
  /** The Program's strictNullChecks (false without a Program). */
  readonly strictNullChecks: boolean;
  /** The resolver for a file: by symbols with a checker, by imports without. */
  resolverFor(sourceFile: TS.SourceFile): CallResolver;
  /** False for a file in which no call can resolve to this package (package-reach.ts). */
  readonly mayHoldMarkers?: ((sourceFile: TS.SourceFile) => boolean) | undefined;
  readonly report: (diagnostic: TS.Diagnostic) => void;
}

export function createSourceFileTransformer(
  setup: TransformerSetup,
): TS.TransformerFactory<TS.SourceFile> {
  return (transformation) => (sourceFile) => {
    try {
      return transformFile(setup, transformation, sourceFile);
    } catch (error) {
      setup.report(
        createPoolDiagnostic(setup.ts, INTERNAL_ERROR(describe(error), "file"), {
          sourceFile,
          node: sourceFile,
        }),
      );
      return sourceFile;
    }
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function transformFile(
  setup: TransformerSetup,
  transformation: TS.TransformationContext,
  sourceFile: TS.SourceFile,
): TS.SourceFile {
  const { ts } = setup;
  if (sourceFile.isDeclarationFile) return sourceFile;
  if (setup.mayHoldMarkers?.(sourceFile) === false) return sourceFile;
  const resolve = rememberingResolver(setup.resolverFor(sourceFile));
  const scopes = findPoolScopes(ts, sourceFile, resolve);
  const mayChange = nodesThatMayChange(
    ts,
    sourceFile,
    scopes.runtimeCalls,
    resolve,
    setup.options.pooling,
  );
  // No call the visitor handles (and so no scope, no stray poolScope): nothing to rewrite or report.
  if (mayChange.size === 0) return sourceFile;
  const factory = transformation.factory;
  const report = (node: TS.Node, message: PoolMessage): void =>
    setup.report(createPoolDiagnostic(ts, message, { sourceFile, node }));
  const safety: SafetyContext = {
    ts,
    sourceFile,
    checker: setup.checker,
    scopes,
    resolveRuntimeCall: resolve,
    escapeLint: setup.options.escapeLint,
    report: setup.report,
  };
  const file: FileContext = {
    ts,
    factory,
    sourceFile,
    options: setup.options,
    strictNullChecks: setup.checker !== undefined && setup.strictNullChecks,
    resolve,
    scopes,
    runtime: createRuntimeImport(factory, setup.options.runtimeModule),
    safety,
    report,
    visit: (node) => ts.visitEachChild(node, visitor, transformation),
    withPoolDisabled: (pool, visit) => {
      disabledPools.push(poolReferenceTest(pool));
      try {
        return visit();
      } finally {
        disabledPools.pop();
      }
    },
    visitStatements: (statements, atTopLevel) =>
      rewriteStatementList(file, statements, atTopLevel, visitStatement),
  };

  const bindings = createBindingResolver(ts, setup.checker);
  /** Tests for references to pools that pooling: false compiles to DISABLED_POOL here. */
  const disabledPools: ((identifier: TS.Identifier) => boolean)[] = [];

  /** The same declaration as `pool`: by the checker's symbols, or lexically without a checker. */
  function poolReferenceTest(pool: TS.Identifier): (identifier: TS.Identifier) => boolean {
    const target = bindings.declarationOf(pool);
    return (identifier) =>
      identifier.text === pool.text &&
      isValueReference(ts, identifier) &&
      // A shorthand property keeps its name, so `{ pool }` cannot be redirected in place.
      !ts.isShorthandPropertyAssignment(identifier.parent) &&
      bindings.declarationOf(identifier) === target;
  }

  function visitStatement(statement: TS.Statement): TS.Statement[] {
    const result = visitor(statement);
    if (result === undefined) return [];
    return (Array.isArray(result) ? result : [result]) as TS.Statement[];
  }

  function visitor(node: TS.Node): TS.VisitResult<TS.Node | undefined> {
    // Subtrees without markers stay as they are: skipping them keeps the recursion of
    // visitEachChild off long expressions, where it would overflow the stack.
    if (!mayChange.has(node)) return node;
    if (ts.isBlock(node)) {
      const statements = file.visitStatements(node.statements, false);
      return sameNodes(statements, node.statements) ? node : factory.updateBlock(node, statements);
    }
    if (ts.isCallExpression(node))
      return visitCall(node) ?? ts.visitEachChild(node, visitor, transformation);
    if (ts.isIdentifier(node) && disabledPools.some((isPool) => isPool(node))) {
      return ts.setTextRange(file.runtime.member("DISABLED_POOL"), node);
    }
    return ts.visitEachChild(node, visitor, transformation);
  }

  /** The replacement for a marker call, or undefined to visit it as an ordinary call. */
  function visitCall(call: TS.CallExpression): TS.Expression | undefined {
    const name = resolve(call);
    const marker = scopes.functionMarker(call);
    if (marker !== undefined) return guarded(call, () => rewriteFunctionMarker(marker, file));
    // runtimeCheck keeps the free function (its pool argument carries the site) rather than the
    // per-type method: check mode is for finding bugs, not for speed.
    if (isAcquireFamily(name) && injectsRuntimeCheck(file)) {
      return withAcquireSite(file, ts.visitEachChild(call, visitor, transformation));
    }
    if (name === "acquire" || name === "zeros" || name === "ones") {
      return guarded(call, () => specialiseAcquire(call, name, file));
    }
    if (name === "getTaskLocalPool" && !setup.options.pooling) {
      // pooling: false compiles the task-local pool to the disabled one, so helpers that look it up
      // (the guide's "direct pool access" pattern) get fresh arrays too.
      return ts.setTextRange(file.runtime.member("DISABLED_POOL"), call);
    }
    return undefined;
  }

  function guarded(
    node: TS.Node,
    rewrite: () => TS.Expression | undefined,
  ): TS.Expression | undefined {
    try {
      return rewrite();
    } catch (error) {
      report(node, INTERNAL_ERROR(describe(error), "marker"));
      return undefined;
    }
  }

  for (const stray of scopes.strays) report(stray.call, stray.message);
  for (const scope of scopes.all) checkPoolScope(scope, safety);
  const statements = withRuntimeImport(
    ts,
    file.visitStatements(sourceFile.statements, true),
    file.runtime.declaration(),
  );
  return sameNodes(statements, sourceFile.statements)
    ? sourceFile
    : factory.updateSourceFile(sourceFile, statements);
}

/** Whether a visited statement list is the original one, node for node (then keep the original). */
function sameNodes(visited: readonly TS.Node[], original: readonly TS.Node[]): boolean {
  return (
    visited.length === original.length && visited.every((node, index) => node === original[index])
  );
}

/**
 * The nodes the visitor must enter: every call to a runtime export it handles (withPool,
 * maybeWithPool, poolScope, getTaskLocalPool, and acquire / zeros / ones, which it specialises),
 * with pooling: false every identifier named like a pool such a call is given (they are redirected),
 * and all their ancestors. Discovery has found the calls; only the identifiers need a walk.
 */
function nodesThatMayChange(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  runtimeCalls: readonly TS.CallExpression[],
  resolve: CallResolver,
  pooling: boolean,
): Set<TS.Node> {
  const markers = runtimeCalls.filter((call) => HANDLED_CALLS.has(resolve(call)!));
  const result = new Set<TS.Node>();
  const addWithAncestors = (node: TS.Node): void => {
    for (let current: TS.Node | undefined = node; current !== undefined; current = current.parent) {
      if (result.has(current)) return;
      result.add(current);
    }
  };
  markers.forEach(addWithAncestors);
  if (pooling || markers.length === 0) return result;
  const poolNames = new Set<string>();
  for (const marker of markers) {
    for (const argument of marker.arguments) {
      const pool = skipOuterExpressions(ts, argument);
      if (ts.isIdentifier(pool)) poolNames.add(pool.text);
    }
  }
  walkPreOrder(ts, sourceFile, (node) => {
    if (ts.isIdentifier(node) && poolNames.has(node.text)) addWithAncestors(node);
    return undefined;
  });
  return result;
}

const HANDLED_CALLS: ReadonlySet<string> = new Set<RuntimeExportName>([
  "withPool",
  "maybeWithPool",
  "poolScope",
  "getTaskLocalPool",
  // Specialised in place (specialise-acquire.ts).
  "acquire",
  "zeros",
  "ones",
]);
