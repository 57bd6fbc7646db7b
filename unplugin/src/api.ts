/** The rewrite itself, for tools without a plugin system (and the package's tests and benchmarks). */
export { rewriteModule } from "./rewrite.js";
export type { RewriteResult } from "./rewrite.js";
export type { PoolDiagnostic } from "./diagnostics.js";
export type { PoolsPluginOptions } from "./options.js";
export { unpluginFactory, unplugin } from "./plugin.js";
