/**
 * The runtime package's transformer, loaded from the user's installed `adaptive-array-pools` (a peer
 * dependency), so the rewrite always matches the runtime the program imports. It is CommonJS.
 */
import { createRequire } from "node:module";
import type * as TS from "typescript";
import type { TypeScript } from "./typescript.js";

/**
 * The part of `adaptive-array-pools/transformer` this package calls, typed with this package's own
 * TypeScript: the transformer's declarations name whatever TypeScript they resolve next to it (the
 * user's, any version), while at run time it only uses the `ts` instance it is handed.
 */
export interface TransformerApi {
  transformSyntaxTree(
    sourceFile: TS.SourceFile,
    options: { readonly ts: TypeScript; readonly plugin?: Readonly<Record<string, unknown>> },
  ): { readonly sourceFile: TS.SourceFile; readonly diagnostics: readonly TS.Diagnostic[] };
  formatPoolDiagnostic(
    ts: TypeScript,
    diagnostic: TS.Diagnostic,
    relativeFileName: (fileName: string) => string,
  ): string;
}

const require = createRequire(import.meta.url);

export const transformer = require("adaptive-array-pools/transformer") as TransformerApi;
