import { existsSync } from "node:fs";
import { join } from "node:path";

/** Repository root, from build/bench/harness or bench/.work/<build>/bench/harness alike. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "runtime"))) {
    const parent = join(dir, "..");
    if (parent === dir)
      throw new Error("bench: cannot find the repository root above " + __dirname);
    dir = parent;
  }
  return dir;
}
