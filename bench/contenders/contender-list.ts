import type { ContenderSpec } from "../harness/types.js";

/** Contender ids as they appear in the tables. */
export const NEW = "new";
export const PREALLOC = "prealloc";
export const PREALLOC_DYNAMIC = "prealloc (dynamic)";
export const ARENA = "subarray-arena";
export const STATIC_SCRATCH = "static-scratch";
export const AAP_TRY_FINALLY = "aap try/finally";
export const AAP_MARKER = "aap-marker";
export const AAP_USING = "aap-using";

const plain = (id: string): ContenderSpec => ({ id, impl: id, build: "plain" });

export const BASELINES: readonly ContenderSpec[] = [plain(NEW), plain(PREALLOC)];

export const PEERS: readonly ContenderSpec[] = [
  plain("typedarray-pool"),
  plain("stdlib-pool"),
  plain("thing-malloc"),
  plain(ARENA),
];

/**
 * This library: hand-written checkpoint/try/finally, and the `withPool` marker source compiled with
 * the plugin (transformed) and without it (runtime closure fallback), and `using _ = poolScope(pool)`
 * downlevelled by TypeScript (target ES2022) and native on Node 24.
 */
export const LIBRARY: readonly ContenderSpec[] = [
  plain(AAP_TRY_FINALLY),
  { id: "aap transformed", impl: AAP_MARKER, build: "transformed" },
  { id: "aap fallback", impl: AAP_MARKER, build: "plain" },
  { id: "aap using (ES2022)", impl: AAP_USING, build: "plain" },
  { id: "aap using (native)", impl: AAP_USING, build: "esnext", node24: true },
];

export function unknownImpl(workload: string, impl: string): Error {
  return new Error(`${workload} has no contender implementation "${impl}"`);
}
