/** Finds the marker calls left in emitted JavaScript, by parsing it (comments may mention markers freely). */
import * as ts from "typescript";

const MARKERS: ReadonlySet<string> = new Set(["withPool", "maybeWithPool", "poolScope"]);

/** The callee's last name: `withPool`, `aap.withPool`, and CommonJS's `(0, m_1.withPool)` all give withPool. */
function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isParenthesizedExpression(expression)) return calleeName(expression.expression);
  if (
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.CommaToken
  ) {
    return calleeName(expression.right);
  }
  return undefined;
}

/** The names of the marker calls in `code`, in source order. */
export function markerCallsIn(code: string): string[] {
  const sourceFile = ts.createSourceFile(
    "emitted.js",
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name !== undefined && MARKERS.has(name)) found.push(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
