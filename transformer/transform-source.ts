/**
 * `transformSource(code, options)`: the plugin's rewrite for tools that only have `transpileModule`
 * (no Program, no type checker). Markers are recognised by the file's imports of the runtime module.
 */
import type * as TS from "typescript";
import { CATEGORIES_ONLY, createPoolDiagnostic } from "./diagnostics.js";
import { COMPILER_FAILED, UNSUPPORTED_TYPESCRIPT } from "./diagnostic-registry.js";
import { createStandaloneTransformer } from "./standalone-transformer.js";
import { hasTransformerApi, versionOf } from "./typescript-support.js";

/** The options of `transformSource`; all optional. */
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

/** What `transformSource` returns. */
export interface TransformSourceResult {
  /** The emitted JavaScript ("" when the compiler itself failed: see `diagnostics`). */
  readonly code: string;
  /** The source map, when `compilerOptions.sourceMap` asked for one. */
  readonly sourceMap: string | undefined;
  /** The transformer's AAPnnnn diagnostics plus TypeScript's syntactic ones. */
  readonly diagnostics: readonly TS.Diagnostic[];
}

/**
 * Rewrite one file's source and compile it to JavaScript with `transpileModule` (no Program, no
 * type checker: markers are recognised by the file's imports of the runtime module). Bad input never
 * throws: problems come back as diagnostics.
 *
 * @example
 * ```ts
 * import * as ts from "typescript";
 * import { formatPoolDiagnostic, transformSource } from "adaptive-array-pools/transformer";
 *
 * const { code, diagnostics } = transformSource(sourceText, {
 *   ts,
 *   fileName: "src/kernel.ts",
 *   plugin: { escapeLint: "warn" },
 * });
 * for (const d of diagnostics) console.error(formatPoolDiagnostic(ts, d, (name) => name));
 * ```
 */
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
