/**
 * The package's own TypeScript (a pinned dependency, 6.0): it parses and prints, whatever TypeScript
 * the user has installed (5.x, 6.0, 7.x with no JavaScript API, or none).
 */
import ts from "typescript";

export default ts;
export type TypeScript = typeof ts;
