/**
 * Which files can hold a marker at all, answered without walking them. With a checker a marker is a
 * call whose callee resolves to a declaration in this package (resolve-markers.ts). The symbols a
 * file resolves are its own, those of the modules it refers to (import, export-from, import-equals,
 * `import()` calls and types; followed transitively, which covers re-export chains) and the global
 * scope. So when no module the file reaches is a package file, and no file that adds to the global
 * scope or augments a module reaches one, no call of the file can resolve to the package, and the
 * transformer passes the file over untouched, as a walk would have.
 *
 * Whatever cannot be followed (a module reference the checker does not resolve, a compiler without
 * the parser's list of module references) counts as reaching the package: the file is then walked.
 */
import type * as TS from "typescript";
import type { PackageFileTest } from "./resolve-markers.js";

/** True unless no call of `sourceFile` can resolve to this package. */
export type MarkerReach = (sourceFile: TS.SourceFile) => boolean;

/** The parser's list of a file's module references: internal, but present in every 5.x and 6.x. */
interface WithModuleReferences {
  readonly imports?: readonly TS.StringLiteralLike[];
}

export function createMarkerReach(
  ts: typeof TS,
  program: TS.Program,
  checker: TS.TypeChecker,
  isPackageFile: PackageFileTest,
): MarkerReach {
  /** Per file: whether a package file is among the modules it reaches (itself included). */
  const reaches = new Map<TS.SourceFile, boolean>();
  /**
   * The modules a file refers to, in order, each handed to `visit` as soon as it is resolved (a
   * direct import of the package then answers before the file's other imports are looked up).
   * False when one of them cannot be followed or `visit` returned true (stop).
   */
  const eachReferencedFile = (
    file: TS.SourceFile,
    visit: (referenced: TS.SourceFile) => boolean,
  ): boolean => {
    const references = (file as WithModuleReferences).imports;
    if (references === undefined) return false;
    for (const reference of references) {
      // The compiler's own helper imports (tslib, a JSX runtime) bind no name user code can call.
      if (reference.flags & ts.NodeFlags.Synthesized) continue;
      const declarations = checker.getSymbolAtLocation(reference)?.declarations;
      if (declarations === undefined || declarations.length === 0) return false;
      for (const declaration of declarations) if (visit(declaration.getSourceFile())) return false;
    }
    return true;
  };
  const reachesPackage = (start: TS.SourceFile): boolean => {
    const known = reaches.get(start);
    if (known !== undefined) return known;
    if (isPackageFile(start.fileName)) return remember(start, true);
    const seen = new Set<TS.SourceFile>([start]);
    const pending = [start];
    // Each file is tested where it is found: a direct import of the package answers at once,
    // before the walk goes down the chain of the file's other imports.
    const reachesAtOnce = (next: TS.SourceFile): boolean => {
      if (seen.has(next) || reaches.get(next) === false) return false;
      if (reaches.get(next) === true || isPackageFile(next.fileName)) return true;
      seen.add(next);
      pending.push(next);
      return false;
    };
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      // Stopped early (the package is reached) or a reference that cannot be followed: both count.
      if (!eachReferencedFile(file, reachesAtOnce)) return remember(start, true);
    }
    // Every file seen reaches only files seen: none of them reaches the package either.
    for (const file of seen) reaches.set(file, false);
    return false;
  };
  const remember = (file: TS.SourceFile, answer: boolean): boolean => {
    reaches.set(file, answer);
    return answer;
  };
  let globalsReachPackage: boolean | undefined;
  return (sourceFile) => {
    globalsReachPackage ??= program
      .getSourceFiles()
      .some((file) => extendsOtherFiles(ts, file) && reachesPackage(file));
    return globalsReachPackage || reachesPackage(sourceFile);
  };
}

/**
 * A file whose declarations other files see without importing it: a script (global declarations),
 * or a module with `declare global`, a module augmentation or `export as namespace`.
 */
function extendsOtherFiles(ts: typeof TS, file: TS.SourceFile): boolean {
  if (!ts.isExternalModule(file)) return true;
  return file.statements.some(
    (statement) =>
      ts.isNamespaceExportDeclaration(statement) ||
      (ts.isModuleDeclaration(statement) &&
        (ts.isStringLiteral(statement.name) ||
          (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0)),
  );
}
