import { fileURLToPath } from "node:url";
import pools from "unplugin-adaptive-array-pools/vite";
import { defineConfig } from "vite";

// Inside this repository the runtime is the checkout's own build; an installed project resolves
// "adaptive-array-pools" from node_modules and needs no alias.
const runtime = fileURLToPath(new URL("../../dist/esm/index.js", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  plugins: [pools({ escapeLint: "error" })],
  resolve: { alias: { "adaptive-array-pools": runtime } },
  build: { outDir: "out/dist", emptyOutDir: true },
});
