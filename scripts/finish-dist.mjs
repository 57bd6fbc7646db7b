// Runs after every build. tsc never deletes output, so first remove what a deleted or renamed source
// left behind in dist/ (it would otherwise ship). Then: the ESM build sits in a package whose root is
// CommonJS, so mark its folder for Node to load it as ESM, and mark the CommonJS folders explicitly so a
// bundler that reads the nearest package.json agrees.
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/** Each output folder and the source folder it compiles. */
const OUTPUTS = [
  { dist: "dist/cjs", source: "runtime", type: "commonjs" },
  { dist: "dist/esm", source: "runtime", type: "module" },
  { dist: "dist/transformer", source: "transformer", type: "commonjs" },
];
const EMITTED = /(\.d\.ts|\.js\.map|\.js)$/;

function pruneStale(dist, source, relative = "") {
  for (const entry of readdirSync(path.join(dist, relative), { withFileTypes: true })) {
    const file = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      if (existsSync(path.join(source, file))) pruneStale(dist, source, file);
      else rmSync(path.join(dist, file), { recursive: true, force: true });
    } else if (EMITTED.test(entry.name)) {
      if (!existsSync(path.join(source, file.replace(EMITTED, ".ts")))) {
        rmSync(path.join(dist, file));
      }
    }
  }
}

for (const { dist, source, type } of OUTPUTS) {
  pruneStale(dist, source);
  writeFileSync(path.join(dist, "package.json"), JSON.stringify({ type }) + "\n");
}
