// The ESM build sits in a package whose root is CommonJS: mark its folder so Node loads it as ESM,
// and mark the CommonJS folders explicitly so a bundler that reads the nearest package.json agrees.
import { writeFileSync } from "node:fs";

writeFileSync("dist/esm/package.json", JSON.stringify({ type: "module" }) + "\n");
writeFileSync("dist/cjs/package.json", JSON.stringify({ type: "commonjs" }) + "\n");
writeFileSync("dist/transformer/package.json", JSON.stringify({ type: "commonjs" }) + "\n");
