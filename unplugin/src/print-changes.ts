/**
 * Prints every change of a file in one printer call, so the transformer's generated unique names
 * (`depth_1`, `pool_2`, ...) come out exactly as the `tspc` route names them. Statements of the user's
 * that a change keeps (a rewritten function's body, the rest of a `using` block) are not printed:
 * they become holes, spliced back as the user's own text, with their own nested changes.
 */
import type * as TS from "typescript";
import { collectChanges } from "./changes.js";
import type { Change } from "./changes.js";
import ts from "./typescript.js";

/** A change as text: generated pieces around holes that keep input ranges. */
export interface PrintedChange {
  readonly start: number;
  readonly end: number;
  /** `pieces[0]`, hole 0, `pieces[1]`, hole 1, ..., `pieces[holes.length]`. */
  readonly pieces: readonly string[];
  readonly holes: readonly Hole[];
}

/** The full input range `[pos, end)` of a kept statement (its leading comments included). */
export interface Hole {
  readonly pos: number;
  readonly end: number;
}

const SPLIT = "__aap_split_";
const HOLE = "__aap_hole_";

interface Item {
  readonly change: Change;
  readonly nodes: readonly TS.Node[];
  readonly holes: readonly Hole[];
}

/** Changes in document order (nested ones inside their holes), ready to splice. */
export function printChanges(
  sourceFile: TS.SourceFile,
  changes: readonly Change[],
): PrintedChange[] {
  const items: Item[] = [];
  const addItem = (change: Change): void => {
    const nested: Change[] = [];
    const holes: Hole[] = [];
    const nodes = change.nodes.map((node) => withHoles(node, change, holes, nested));
    items.push({ change, nodes, holes });
    nested.forEach(addItem);
  };
  changes.forEach(addItem);
  const text = printItems(sourceFile, items);
  return items.map((item, index) => toPrinted(sourceFile, item, text[index]!));
}

/** `node` with every kept statement inside the change's range replaced by a hole placeholder. */
function withHoles(node: TS.Node, change: Change, holes: Hole[], nested: Change[]): TS.Node {
  const substitute = (context: TS.TransformationContext) => {
    const visit = (child: TS.Node): TS.Node => {
      if (child !== node && ts.isStatement(child) && !ts.isBlock(child)) {
        const hole = holeFor(child, change, holes);
        if (hole !== undefined) {
          collectChanges(ts.getOriginalNode(child), child, nested);
          return ts.factory.createExpressionStatement(
            ts.factory.createIdentifier(`${HOLE}${hole}`),
          );
        }
      }
      return ts.visitEachChild(child, visit, context);
    };
    return visit;
  };
  const result = ts.transform(node, [substitute]);
  return result.transformed[0] ?? node;
}

/** The hole number for a kept statement, if it is one this change can keep in place. */
function holeFor(statement: TS.Statement, change: Change, holes: Hole[]): number | undefined {
  const input = ts.getOriginalNode(statement);
  const last = holes.length > 0 ? holes[holes.length - 1]!.end : change.fullStart;
  if (!isParsed(input) || input.pos < last || input.end > change.end) return undefined;
  holes.push({ pos: input.pos, end: input.end });
  return holes.length - 1;
}

function isParsed(node: TS.Node): boolean {
  return node.pos >= 0 && (node.flags & ts.NodeFlags.Synthesized) === 0;
}

/** One printer call for all items; returns each item's text, starting at column 0. */
function printItems(sourceFile: TS.SourceFile, items: readonly Item[]): string[] {
  const { factory } = ts;
  const statements: TS.Statement[] = [];
  items.forEach((item, index) => {
    statements.push(
      factory.createExpressionStatement(factory.createIdentifier(`${SPLIT}${index}`)),
    );
    for (const node of item.nodes) statements.push(asStatement(node));
  });
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  const printed = printer.printList(
    ts.ListFormat.MultiLine,
    factory.createNodeArray(statements),
    sourceFile,
  );
  const parts = printed.split(new RegExp(`^${SPLIT}\\d+;\\n`, "m")).slice(1);
  return parts.map((part, index) =>
    item(items, index).change.statements ? part.replace(/\n$/, "") : unwrapExpression(part),
  );
}

function item(items: readonly Item[], index: number): Item {
  return items[index]!;
}

function asStatement(node: TS.Node): TS.Statement {
  if (ts.isStatement(node)) return node;
  if (isExpression(node)) {
    return ts.factory.createExpressionStatement(ts.factory.createParenthesizedExpression(node));
  }
  throw new Error(`cannot splice a ${ts.SyntaxKind[node.kind]} node`);
}

function isExpression(node: TS.Node): node is TS.Expression {
  return ts.isExpression(node) || ts.isIdentifier(node);
}

/** `(expression);\n` back to `expression`. */
function unwrapExpression(text: string): string {
  const trimmed = text.replace(/\s+$/, "");
  return trimmed.slice(1, trimmed.endsWith(");") ? -2 : trimmed.length);
}

function toPrinted(sourceFile: TS.SourceFile, item: Item, printed: string): PrintedChange {
  const source = sourceFile.text;
  const change = withReprintedComments(source, item.change, printed);
  const indent = indentationAt(source, change.start);
  let text = printed.replace(/\n/g, `\n${indent}`);
  if (change.start === change.end && change.statements) text = `\n${indent}${text}`;
  const pieces: string[] = [];
  let from = 0;
  const placeholder = new RegExp(`([ \\t]*)${HOLE}(\\d+);`, "g");
  for (let match = placeholder.exec(text); match !== null; match = placeholder.exec(text)) {
    const index = Number(match[2]);
    const hole = item.holes[index]!;
    let before = text.slice(from, match.index);
    if (/^\s*$/.test(before) && index > 0 && item.holes[index - 1]!.end === hole.pos) {
      before = ""; // two kept statements that are neighbours in the input keep the text between them
    } else if (/^\r?\n/.test(source.slice(hole.pos, hole.end))) {
      before = before.replace(/\n$/, "");
    } else {
      before += match[1];
    }
    pieces.push(before);
    from = match.index + match[0].length;
  }
  pieces.push(text.slice(from));
  const first = item.holes[0];
  if (first === undefined || first.pos >= change.start) {
    return { start: change.start, end: change.end, pieces, holes: item.holes };
  }
  // The first kept statement brings its leading comments: start where they start, on a new line.
  const lineBreak = /^[ \t]*\r?\n[ \t]*/.exec(source.slice(first.pos, change.start))?.[0] ?? "";
  pieces[0] = lineBreak + pieces[0]!;
  return { start: first.pos, end: change.end, pieces, holes: item.holes };
}

/**
 * The printer carries a replaced node's leading comments over (the transformer keeps them on what it
 * synthesises); when it did, the change starts at the comments, so they are not in the output twice.
 */
function withReprintedComments(source: string, change: Change, printed: string): Change {
  const trivia = source.slice(change.fullStart, change.start);
  const comments = trivia.trim();
  if (comments.length === 0 || !printed.startsWith(comments)) return change;
  return { ...change, start: change.fullStart + trivia.indexOf(comments) };
}

function indentationAt(source: string, position: number): string {
  const lineStart = source.lastIndexOf("\n", position - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart, position))![0];
}
