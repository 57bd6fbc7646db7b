/**
 * `transformSource(code, options)`: the plugin's rewrite for tools that only have `transpileModule`
 * (no Program, no type checker). Markers are recognised by the file's imports of the runtime module.
 */
import type * as TS from "typescript";
import { CATEGORIES_ONLY, createPoolDiagnostic } from "./diagnostics.js";
import { COMPILER_FAILED, UNSUPPORTED_TYPESCRIPT } from "./diagnostic-registry.js";
import { createStandaloneTransformer } from "./standalone-transformer.js";
import { hasTransformerApi, versionOf } from "./typescript-support.js";

export interface TransformSourceOptions {
  /** The TypeScript to use; default `require("typescript")` (a peer dependency). */
  readonly ts?: typeof TS;
  /** The file name diagnostics and source maps use; default "input.ts". */
  readonly fileName?: string;
  /** Compiler options for transpileModule; default target ES2022, module ESNext. */
  readonly compilerOptions?: TS.CompilerOptions;
  /** Plugin options, as in tsconfig's plugins entry (pooling, escapeLint, runtimeModule, ...). */
  readonly plugin?: Readonly<Record<string, unknown>>;
}

export interface TransformSourceResult {
  readonly code: string;
  readonly sourceMap: string | undefined;
  /** The transformer's AAPnnnn diagnostics plus TypeScript's syntactic ones. */
  readonly diagnostics: readonly TS.Diagnostic[];
}

export function transformSource(
  code: string,
  options: TransformSourceOptions = {},
): TransformSourceResult {
  const ts = options.ts ?? loadTypeScript();
  const diagnostics: TS.Diagnostic[] = [];
  if (!hasTransformerApi(ts)) {
    const message = UNSUPPORTED_TYPESCRIPT(versionOf(ts));
    return {
      code,
      sourceMap: undefined,
      diagnostics: [{ ...createPoolDiagnostic(CATEGORIES_ONLY, message, undefined) }],
    };
  }
  const transformer = createStandaloneTransformer(ts, options.plugin, diagnostics);
  let output: TS.TranspileOutput;
  try {
    output = ts.transpileModule(code, {
      fileName: options.fileName ?? "input.ts",
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        ...options.compilerOptions,
      },
      reportDiagnostics: true,
      transformers: { before: [transformer] },
    });
  } catch (error) {
    // TypeScript's own printer throws on some inputs (a stack overflow on very deep nesting): never
    // pass that on to the caller.
    const detail = error instanceof Error ? error.message : String(error);
    const failed = createPoolDiagnostic(ts, COMPILER_FAILED(detail), undefined);
    return { code: "", sourceMap: undefined, diagnostics: [...diagnostics, failed] };
  }
  return {
    code: output.outputText,
    sourceMap: output.sourceMapText,
    diagnostics: [...diagnostics, ...(output.diagnostics ?? [])],
  };
}

/** transformSource is a library function, not the plugin: it may load the peer dependency itself. */
function loadTypeScript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("typescript") as typeof TS;
}
