/**
 * `node --import unplugin-adaptive-array-pools/register app.ts` (Node >= 22.6 with type stripping):
 * registers module hooks that rewrite the markers in each `.ts` module Node loads, before Node strips
 * its types. Options come as JSON in `ADAPTIVE_ARRAY_POOLS_OPTIONS` (e.g. `{"pooling":false}`).
 */
import { register } from "node:module";

register("./register-hooks.js", import.meta.url, {
  data: process.env["ADAPTIVE_ARRAY_POOLS_OPTIONS"] ?? "{}",
});
