/**
 * Which of this package's exports a call's callee refers to. With a type checker (a Program), by symbol:
 * aliases are followed to the declaration, which must live in the adaptive-array-pools package, so
 * renamed, namespace and re-exported imports work and a user's own `withPool` does not. Without one
 * (isolated transpileModule), by the file's imports of the runtime module.
 */
import type * as TS from "typescript";
import { asRuntimeExport } from "./runtime-exports.js";
import type { RuntimeExportName } from "./runtime-exports.js";
import { skipOuterExpressions } from "./syntax.js";

export const PACKAGE_NAME = "adaptive-array-pools";

export type CallResolver = (call: TS.CallExpression) => RuntimeExportName | undefined;

/**
 * Answers "is this file the adaptive-array-pools runtime?": its nearest package.json is this package's
 * and it lies in the package's runtime/ (source) or dist/ (published) folder. A user's own file never
 * is, not even inside this repository's tests and examples.
 */
export type PackageFileTest = (fileName: string) => boolean;

const RUNTIME_FOLDERS = ["runtime/", "dist/"];

export function createPackageFileTest(ts: typeof TS): PackageFileTest {
  const rootByDirectory = new Map<string, string | null>();
  const packageRoot = (directory: string): string | null => {
    const known = rootByDirectory.get(directory);
    if (known !== undefined) return known;
    const manifest = ts.sys.readFile(`${directory}/package.json`);
    const parent = directory.slice(0, directory.lastIndexOf("/"));
    // A package.json without a name (dist/cjs/package.json: {"type":"commonjs"}) only sets the module
    // format; the package's identity is the nearest one with a name.
    const name = manifest === undefined ? undefined : packageNameOf(manifest);
    let root: string | null = null;
    if (name !== undefined) root = name === PACKAGE_NAME ? directory : null;
    else if (parent !== directory && parent.length > 0) root = packageRoot(parent);
    rootByDirectory.set(directory, root);
    return root;
  };
  const answers = new Map<string, boolean>();
  const isInRuntimeFolder = (fileName: string): boolean => {
    const normalized = fileName.replace(/\\/g, "/");
    const root = packageRoot(normalized.slice(0, normalized.lastIndexOf("/")));
    if (root === null) return false;
    const relative = normalized.slice(root.length + 1);
    return RUNTIME_FOLDERS.some((folder) => relative.startsWith(folder));
  };
  return (fileName) => {
    let answer = answers.get(fileName);
    if (answer === undefined) {
      answer = isInRuntimeFolder(fileName);
      answers.set(fileName, answer);
    }
    return answer;
  };
}

function packageNameOf(manifest: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(manifest);
    const name = (parsed as { name?: unknown } | null)?.name;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Callee → export, by the checker's symbols. Where the callee is an import the checker could not
 * resolve — ts-patch's `transpileModule` runs the plugin on a one-file Program whose imports do not
 * resolve (the transpile-only modes of ts-jest, ts-loader, ts-node) — `byImports` answers instead.
 */
export function createCheckerResolver(
  ts: typeof TS,
  checker: TS.TypeChecker,
  isPackageFile: PackageFileTest,
  sourceFile: TS.SourceFile,
  byImports: CallResolver,
): CallResolver {
  const imported = importedNames(ts, sourceFile);
  // Most calls are not markers: ask the checker only about callees that could be (a runtime export's
  // name, or a name the file imports, which covers renamed imports and re-exports).
  const mayBeMarker = (callee: TS.Expression): boolean =>
    ts.isIdentifier(callee)
      ? asRuntimeExport(callee.text) !== undefined || imported.has(callee.text)
      : ts.isPropertyAccessExpression(callee) &&
        (asRuntimeExport(callee.name.text) !== undefined ||
          (ts.isIdentifier(callee.expression) && imported.has(callee.expression.text)));
  const isUnresolvedImport = (symbol: TS.Symbol | undefined): boolean =>
    symbol !== undefined &&
    (symbol.flags & ts.SymbolFlags.Alias) !== 0 &&
    (checker.getAliasedSymbol(symbol).declarations?.length ?? 0) === 0;
  return (call) => {
    const callee = skipOuterExpressions(ts, call.expression);
    if (!mayBeMarker(callee)) return undefined;
    const location = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    if (!ts.isIdentifier(location)) return undefined;
    const root = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
    const rootSymbol = ts.isIdentifier(root) ? checker.getSymbolAtLocation(root) : undefined;
    if (isUnresolvedImport(rootSymbol)) return byImports(call);
    // A plain identifier callee is its own root: one symbol lookup serves both questions.
    let symbol = root === location ? rootSymbol : checker.getSymbolAtLocation(location);
    if (symbol === undefined) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol.declarations?.[0];
    if (declaration === undefined) return undefined;
    if (!isPackageFile(declaration.getSourceFile().fileName)) return undefined;
    return asRuntimeExport(symbol.name);
  };
}

/**
 * The resolver with each call's answer remembered: discovery, the visitor and the safety checks all
 * ask about the same calls, and only the first question reaches the checker.
 */
export function rememberingResolver(resolve: CallResolver): CallResolver {
  const answers = new Map<TS.CallExpression, RuntimeExportName | undefined>();
  return (call) => {
    if (answers.has(call)) return answers.get(call);
    const answer = resolve(call);
    answers.set(call, answer);
    return answer;
  };
}

/** Every local name the file's imports bind (named, default, namespace, import-equals). */
function importedNames(ts: typeof TS, sourceFile: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportEqualsDeclaration(statement)) names.add(statement.name.text);
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined) continue;
    const { name, namedBindings } = statement.importClause;
    if (name !== undefined) names.add(name.text);
    if (namedBindings === undefined) continue;
    if (ts.isNamespaceImport(namedBindings)) names.add(namedBindings.name.text);
    else for (const element of namedBindings.elements) names.add(element.name.text);
  }
  return names;
}

/** Callee → export, by the file's imports of `runtimeModule` (no checker under transpileModule). */
export function createImportResolver(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  runtimeModule: string,
): CallResolver {
  const named = new Map<string, RuntimeExportName>();
  const namespaces = new Set<string>();
  for (const statement of sourceFile.statements) {
    collectImport(ts, statement, runtimeModule, named, namespaces);
  }
  return (call) => {
    const callee = skipOuterExpressions(ts, call.expression);
    if (ts.isIdentifier(callee)) return named.get(callee.text);
    if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      ts.isIdentifier(callee.name) &&
      namespaces.has(callee.expression.text)
    ) {
      return asRuntimeExport(callee.name.text);
    }
    return undefined;
  };
}

function collectImport(
  ts: typeof TS,
  statement: TS.Statement,
  runtimeModule: string,
  named: Map<string, RuntimeExportName>,
  namespaces: Set<string>,
): void {
  if (ts.isImportEqualsDeclaration(statement)) {
    const reference = statement.moduleReference;
    if (
      !statement.isTypeOnly &&
      ts.isExternalModuleReference(reference) &&
      ts.isStringLiteral(reference.expression) &&
      reference.expression.text === runtimeModule
    ) {
      namespaces.add(statement.name.text);
    }
    return;
  }
  if (!ts.isImportDeclaration(statement)) return;
  const clause = statement.importClause;
  if (clause === undefined || isTypeOnlyImport(ts, clause)) return;
  if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
  if (statement.moduleSpecifier.text !== runtimeModule) return;
  const bindings = clause.namedBindings;
  if (bindings === undefined) return;
  if (ts.isNamespaceImport(bindings)) {
    namespaces.add(bindings.name.text);
    return;
  }
  for (const element of bindings.elements) {
    if (element.isTypeOnly) continue;
    const exported = asRuntimeExport((element.propertyName ?? element.name).text);
    if (exported !== undefined) named.set(element.name.text, exported);
  }
}

/**
 * `import type ...`. TypeScript 5.9 added `phaseModifier` and deprecated `isTypeOnly`; older 5.x
 * releases have only the latter.
 */
function isTypeOnlyImport(ts: typeof TS, clause: TS.ImportClause): boolean {
  if ("phaseModifier" in clause) return clause.phaseModifier === ts.SyntaxKind.TypeKeyword;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only spelling before TypeScript 5.9
  return (clause as TS.ImportClause).isTypeOnly;
}
