/** The bundler plugin's options: the transformer's plugin options, plus which files to offer it. */
export interface PoolsPluginOptions {
  /** false compiles pooling out (marked code sees DISABLED_POOL); default true. */
  readonly pooling?: boolean;
  /** Severity of the compile-time safety checks; default "error". */
  readonly escapeLint?: "error" | "warn" | "off";
  /** Reserved by the transformer; accepted, no effect yet. */
  readonly runtimeCheck?: boolean;
  /** The runtime's module specifier; default "adaptive-array-pools". */
  readonly runtimeModule?: string;
  /**
   * Files to transform, by id: default every `.ts`, `.mts`, `.cts` and `.tsx` outside node_modules.
   * A file is parsed only if its text also names the runtime module.
   */
  readonly include?: RegExp;
  readonly exclude?: RegExp;
}

export const DEFAULT_INCLUDE = /\.[cm]?tsx?$/;
export const DEFAULT_EXCLUDE = /[\\/]node_modules[\\/]|\.d\.[cm]?ts$/;
export const DEFAULT_RUNTIME_MODULE = "adaptive-array-pools";

/** The options the transformer reads (its own parser checks them and reports AAP1002). */
export function transformerOptions(options: PoolsPluginOptions): Record<string, unknown> {
  const { include: _include, exclude: _exclude, ...plugin } = options;
  return plugin;
}
