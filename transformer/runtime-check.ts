/**
 * What the plugin option `runtimeCheck: true` adds to the emitted code (check mode, docs/runtime.md).
 * With the option off nothing here runs and the output is exactly what it would be without this file.
 *
 * - Every acquire-family call gets its source position as a constant:
 *   `acquire(ns.checkAt(P, "file:line:col"), ...)`. `checkAt` puts the pool in check mode and hands the
 *   acquire its site, so messages name the line without capturing a stack.
 * - Every scope opens through `ns.checkAt(P, "<marker's site>").checkpoint()`.
 * - Every `return E` that leaves a scope becomes `return ns.checkEscape(P, depth, E, "<return's site>")`,
 *   which inspects the value for memory of the closing scope before the `finally` rewinds it.
 *
 * Sites are `file:line:col`, 1-based, with the file relative to the compiler's current directory.
 */
import type * as TS from "typescript";
import type { FileContext } from "./file-context.js";

/** Whether the emitted code carries check mode's sites and inspections. */
export function injectsRuntimeCheck(file: FileContext): boolean {
  return file.options.runtimeCheck && file.options.pooling;
}

/** `ns.checkAt(pool, "site of node")`. */
export function checkedPool(file: FileContext, pool: TS.Expression, node: TS.Node): TS.Expression {
  const { factory } = file;
  return factory.createCallExpression(file.runtime.member("checkAt"), undefined, [
    pool,
    factory.createStringLiteral(siteOf(file, node)),
  ]);
}

/** An acquire-family call with its site: the pool argument wrapped in `checkAt`. */
export function withAcquireSite(file: FileContext, call: TS.CallExpression): TS.CallExpression {
  const { ts, factory } = file;
  const [pool, ...rest] = call.arguments;
  if (pool === undefined || ts.isSpreadElement(pool)) return call;
  return factory.updateCallExpression(call, call.expression, call.typeArguments, [
    checkedPool(file, pool, call),
    ...rest,
  ]);
}

/**
 * `statements` with every `return E` that leaves the scope (not those of nested functions or
 * classes) inspecting E first. `pool` gives a fresh reference to the scope's pool each time.
 */
export function inspectReturns(
  file: FileContext,
  statements: readonly TS.Statement[],
  pool: () => TS.Expression,
  depth: TS.Identifier,
  scopeNode: TS.Node,
): TS.Statement[] {
  const { ts, factory } = file;
  const visit = (node: TS.Node): TS.Node => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return node;
    if (ts.isReturnStatement(node) && node.expression !== undefined) {
      const inspected = factory.createCallExpression(
        file.runtime.member("checkEscape"),
        undefined,
        [
          pool(),
          depth,
          ts.visitNode(node.expression, visit) as TS.Expression,
          factory.createStringLiteral(siteOf(file, sourceNodeOf(ts, node) ?? scopeNode)),
        ],
      );
      return factory.updateReturnStatement(node, inspected);
    }
    return ts.visitEachChild(node, visit, undefined);
  };
  return statements.map((statement) => visit(statement) as TS.Statement);
}

/** The node in the source file `node` was made from, if it has a position there. */
function sourceNodeOf(ts: typeof TS, node: TS.Node): TS.Node | undefined {
  const original = ts.getOriginalNode(node);
  return original.pos >= 0 && original.end >= original.pos ? original : undefined;
}

function siteOf(file: FileContext, node: TS.Node): string {
  const { ts, sourceFile } = file;
  const source = sourceNodeOf(ts, node);
  const start = source === undefined ? 0 : source.getStart(sourceFile);
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  return `${displayPath(ts, sourceFile.fileName)}:${line + 1}:${character + 1}`;
}

function displayPath(ts: typeof TS, fileName: string): string {
  const cwd = ts.sys?.getCurrentDirectory().replace(/\\/g, "/");
  const name = fileName.replace(/\\/g, "/");
  if (cwd !== undefined && name.startsWith(cwd + "/")) return name.slice(cwd.length + 1);
  return name;
}
