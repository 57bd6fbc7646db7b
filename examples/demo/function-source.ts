/** Cuts one function's top-level statement, with its doc comment, out of a TypeScript or JavaScript file. */
import * as ts from "typescript";

function declaresFunction(node: ts.Node, name: string): boolean {
  if ((ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) && node.name?.text === name)
    return true;
  return ts.forEachChild(node, (child) => declaresFunction(child, name) || undefined) ?? false;
}

/**
 * The text of the first top-level statement that contains a function named `name` (a declaration, or
 * a function expression such as the one inside `withPool(pool, function name() {...})`).
 */
export function statementDefiningFunction(fileName: string, text: string, name: string): string {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const statement = sourceFile.statements.find((s) => declaresFunction(s, name));
  if (statement === undefined) throw new Error(`${fileName} defines no function named ${name}`);
  return text.slice(statement.getStart(sourceFile, true), statement.getEnd());
}

/** Two texts as columns, the left padded to its widest line. */
export function sideBySide(
  left: string,
  right: string,
  leftTitle: string,
  rightTitle: string,
): string {
  const leftLines = [leftTitle, "", ...left.split("\n")];
  const rightLines = [rightTitle, "", ...right.split("\n")];
  const width = Math.max(...leftLines.map((line) => line.length));
  const rows = Math.max(leftLines.length, rightLines.length);
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    out.push(`${(leftLines[i] ?? "").padEnd(width)} │ ${rightLines[i] ?? ""}`.trimEnd());
  }
  return out.join("\n");
}
