/**
 * Loads a compiled module as a fresh instance: the module, everything it required from `roots` (its
 * own folder, the package's dist/) and so the runtime's task-local pool and maybe-pooling switch start
 * anew, as in a new process.
 */
import { createRequire } from "node:module";

const requireHere = createRequire(__filename);

function forgetModulesUnder(roots: readonly string[]): void {
  for (const key of Object.keys(requireHere.cache)) {
    if (roots.some((root) => key.startsWith(root))) delete requireHere.cache[key];
  }
}

export function requireFresh<T>(file: string, roots: readonly string[]): T {
  forgetModulesUnder(roots);
  return requireHere(file) as T;
}
