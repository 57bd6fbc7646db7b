/**
 * The unplugin: one transform hook for every bundler. It offers the transformer only TypeScript files
 * outside node_modules whose text names the runtime module (a hook filter where the bundler has them,
 * checked again in the handler), returns TypeScript with a source map, reports warnings as the
 * bundler's warnings and fails the build on errors, every line with file, line and column.
 */
import { createUnplugin } from "unplugin";
import type { UnpluginBuildContext, UnpluginContext, UnpluginFactory } from "unplugin";
import type { PoolDiagnostic } from "./diagnostics.js";
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_RUNTIME_MODULE } from "./options.js";
import type { PoolsPluginOptions } from "./options.js";
import { rewriteModule } from "./rewrite.js";

export const PLUGIN_NAME = "adaptive-array-pools";

export const unpluginFactory: UnpluginFactory<PoolsPluginOptions | undefined, false> = (
  options = {},
) => {
  const include = options.include ?? DEFAULT_INCLUDE;
  const exclude = options.exclude ?? DEFAULT_EXCLUDE;
  const runtimeModule = options.runtimeModule ?? DEFAULT_RUNTIME_MODULE;
  return {
    name: PLUGIN_NAME,
    enforce: "pre",
    transform: {
      filter: { id: { include, exclude }, code: runtimeModule },
      handler(code, id) {
        const path = id.replace(/[?#].*$/, "");
        if (!include.test(path) || exclude.test(path)) return undefined;
        const result = rewriteModule(code, path, options);
        if (result === undefined) return undefined;
        report(this, path, result.diagnostics);
        if (result.map === undefined) return undefined;
        return { code: result.code, map: result.map };
      },
    },
  };
};

type Context = UnpluginBuildContext & UnpluginContext;

/** Warnings one by one; all errors in one failure (a bundler stops at the first `error` call). */
function report(context: Context, id: string, diagnostics: readonly PoolDiagnostic[]): void {
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "warning") context.warn(message(id, diagnostic, diagnostic.text));
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length === 0) return;
  const text = errors.map((diagnostic) => diagnostic.text).join("\n");
  context.error(message(id, errors[0]!, text));
}

function message(id: string, diagnostic: PoolDiagnostic, text: string) {
  const loc =
    diagnostic.line === undefined || diagnostic.column === undefined
      ? undefined
      : { file: id, line: diagnostic.line, column: diagnostic.column - 1 };
  return { message: text, id, loc, code: `AAP${diagnostic.code}`, plugin: PLUGIN_NAME };
}

export const unplugin = createUnplugin(unpluginFactory);
