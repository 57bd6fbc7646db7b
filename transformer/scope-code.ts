/**
 * The code both rewrites emit: open a scope (`const depth = P.checkpoint()`), run statements in
 * `try`, rewind in `finally`. Names are generated unique names, so they cannot capture or shadow
 * user names.
 */
import type * as TS from "typescript";
import type { FileContext } from "./file-context.js";
import { checkedPool, injectsRuntimeCheck, inspectReturns } from "./runtime-check.js";

/** Where the pool of a scope comes from. */
export type PoolSource =
  /** A `const` name: reading it again at the rewind gives the same pool. */
  | { readonly kind: "name"; readonly name: TS.Identifier }
  /** A generated binding that already holds the pool, evaluated where the marker ran. */
  | { readonly kind: "held"; readonly name: TS.Identifier }
  /** An expression, evaluated once into a unique const where the scope opens. */
  | { readonly kind: "expression"; readonly expression: TS.Expression };

export interface OpenedScope {
  /** Statements that evaluate the pool and open the scope. */
  readonly open: TS.Statement[];
  /** `pool.rewind(depth);` */
  readonly rewind: TS.Statement;
  /** The statements with their returns inspected at scope exit (runtimeCheck), else unchanged. */
  readonly inspect: (body: readonly TS.Statement[]) => readonly TS.Statement[];
  /** `try { inspect(body) } finally { pool.rewind(depth); }` */
  wrap(body: readonly TS.Statement[]): TS.TryStatement;
}

/** A fresh reference to a user's name that module transforms still recognise as that name. */
export function referenceTo(file: FileContext, name: TS.Identifier): TS.Identifier {
  const { ts, factory } = file;
  const reference = factory.createIdentifier(name.text);
  ts.setOriginalNode(reference, name);
  ts.setTextRange(reference, name);
  return reference;
}

/** The pool as a reusable expression, plus the statement that captures it when needed. */
function poolReference(
  file: FileContext,
  source: PoolSource,
): { readonly capture: TS.Statement | undefined; readonly use: () => TS.Expression } {
  const { factory } = file;
  if (source.kind === "name")
    return { capture: undefined, use: () => referenceTo(file, source.name) };
  if (source.kind === "held") return { capture: undefined, use: () => source.name };
  const pool = factory.createUniqueName("pool");
  return { capture: constStatement(file, pool, source.expression), use: () => pool };
}

export function constStatement(
  file: FileContext,
  name: TS.Identifier,
  initializer: TS.Expression,
): TS.VariableStatement {
  const { factory, ts } = file;
  return factory.createVariableStatement(
    undefined,
    factory.createVariableDeclarationList(
      [factory.createVariableDeclaration(name, undefined, undefined, initializer)],
      ts.NodeFlags.Const,
    ),
  );
}

export function callMethod(
  file: FileContext,
  target: TS.Expression,
  method: string,
  args: readonly TS.Expression[],
): TS.CallExpression {
  const { factory } = file;
  return factory.createCallExpression(
    factory.createPropertyAccessExpression(target, method),
    undefined,
    args,
  );
}

/**
 * `const depth = P.checkpoint();` (or `maybeCheckpoint(P)` for a maybe-scope) and the try/finally
 * that rewinds to it. `sourceMapNode` is the marker the synthesized lines map back to.
 */
export function openScope(
  file: FileContext,
  source: PoolSource,
  maybe: boolean,
  sourceMapNode: TS.Node,
): OpenedScope {
  const { factory, ts } = file;
  const pool = poolReference(file, source);
  const depth = factory.createUniqueName("depth");
  const check = injectsRuntimeCheck(file);
  const opened = check ? checkedPool(file, pool.use(), sourceMapNode) : pool.use();
  const checkpoint = maybe
    ? factory.createCallExpression(file.runtime.member("maybeCheckpoint"), undefined, [opened])
    : callMethod(file, opened, "checkpoint", []);
  const open = [
    ...(pool.capture === undefined ? [] : [pool.capture]),
    constStatement(file, depth, checkpoint),
  ];
  for (const statement of open) ts.setSourceMapRange(statement, sourceMapNode);
  const rewind = factory.createExpressionStatement(callMethod(file, pool.use(), "rewind", [depth]));
  ts.setSourceMapRange(rewind, sourceMapNode);
  const inspect = (body: readonly TS.Statement[]): readonly TS.Statement[] =>
    check ? inspectReturns(file, body, pool.use, depth, sourceMapNode) : body;
  return {
    open,
    rewind,
    inspect,
    wrap: (body) =>
      factory.createTryStatement(
        factory.createBlock(inspect(body), true),
        undefined,
        factory.createBlock([rewind], true),
      ),
  };
}

/** `getTaskLocalPool()`, through the file's runtime import. */
export function taskLocalPool(file: FileContext): TS.Expression {
  return file.factory.createCallExpression(file.runtime.member("getTaskLocalPool"), undefined, []);
}

/**
 * The comments before `from` in the source, as synthesized comments before `to`. `sameLine` also
 * takes those on the line of the previous token (a block comment right after `f(a,`), which TypeScript counts as
 * that token's trailing comments. True if any of them ends in or contains a line break: then `to`
 * must not follow a token after which a line break ends the statement (`return`, `throw`).
 */
export function copyLeadingComments(
  file: FileContext,
  from: TS.Node,
  to: TS.Node,
  sameLine = false,
): boolean {
  const { ts } = file;
  const text = file.sourceFile.text;
  const ranges = [
    ...(sameLine ? (ts.getTrailingCommentRanges(text, from.pos) ?? []) : []),
    ...(ts.getLeadingCommentRanges(text, from.pos) ?? []),
  ];
  let breaksLine = false;
  for (const range of ranges) {
    const newLine = range.hasTrailingNewLine ?? false;
    const comment = commentText(file, range);
    breaksLine ||=
      newLine ||
      range.kind === ts.SyntaxKind.SingleLineCommentTrivia ||
      /[\n\r\u2028\u2029]/.test(comment);
    ts.addSyntheticLeadingComment(to, range.kind, comment, newLine);
  }
  return breaksLine;
}

/** The comments right after `from` on its line, as synthesized comments after `to`. */
export function copyTrailingComments(file: FileContext, from: TS.Node, to: TS.Node): void {
  const { ts } = file;
  for (const range of ts.getTrailingCommentRanges(file.sourceFile.text, from.end) ?? []) {
    ts.addSyntheticTrailingComment(
      to,
      range.kind,
      commentText(file, range),
      range.hasTrailingNewLine ?? false,
    );
  }
}

function commentText(file: FileContext, range: TS.CommentRange): string {
  const multiLine = range.kind === file.ts.SyntaxKind.MultiLineCommentTrivia;
  return file.sourceFile.text.slice(range.pos + 2, multiLine ? range.end - 2 : range.end);
}
