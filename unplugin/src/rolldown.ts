/** `import pools from "unplugin-adaptive-array-pools/rolldown"`: the rolldown plugin, taking the transformer's options. */
import { unplugin } from "./plugin.js";

export type { PoolsPluginOptions } from "./options.js";

export default unplugin.rolldown;
