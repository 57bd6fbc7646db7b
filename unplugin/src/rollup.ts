/** `import pools from "unplugin-adaptive-array-pools/rollup"`: the rollup plugin, taking the transformer's options. */
import { unplugin } from "./plugin.js";

export type { PoolsPluginOptions } from "./options.js";

export default unplugin.rollup;
