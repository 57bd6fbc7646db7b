import type { ContenderSpec } from "../harness/types.js";

/** Contender ids as they appear in the tables. */
export const NEW = "new";
/** The constant-folded floor: a preallocated buffer in a closure constant or module constant. */
export const PREALLOC_CONST = "prealloc (const)";
/** The dyn floor, the one the bars are against: the same buffer read from a mutable field. */
export const PREALLOC_DYN = "prealloc (dyn)";
/**
 * W2's third control: the dyn floor with its call inside a try / finally, as every scope form puts
 * the body. It isolates what the try region alone costs the kernels V8 inlines into it.
 */
export const PREALLOC_DYN_IN_TRY = "prealloc (dyn) in try/finally";
export const ARENA = "subarray-arena";
export const STATIC_SCRATCH = "static-scratch";
/**
 * W3's control for the frame-scoped shape: the same live set (every body's arrays, live until the
 * frame ends) preallocated and handed out in order with no pool and no checks. It is what that shape
 * costs in memory traffic alone, against static scratch's seven arrays.
 */
export const LIVE_SET = "live set (no pool)";
/**
 * W3's frame-scoped shape with a mark per body: the frame's scope as before, and each body
 * brackets its acquires with `checkpoint()` / `rewind(mark)` and no try / finally (the frame's
 * finally closes a mark a throw skipped), so the live set stays one body's arrays.
 */
export const FRAME_WITH_BODY_MARKS = "aap transformed (frame scope, body marks)";
export const FRAME_WITH_BODY_MARKS_IMPL = "aap-marker-frame-marks";
export const AAP_TRY_FINALLY = "aap try/finally";
export const AAP_MARKER = "aap-marker";
export const AAP_USING = "aap-using";
export const TRANSFORMED = "aap transformed";
export const FALLBACK = "aap fallback";
export const USING_ES2022 = "aap using (ES2022)";
export const USING_NATIVE = "aap using (native)";

const plain = (id: string): ContenderSpec => ({ id, impl: id, build: "plain" });
const peer = (id: string): ContenderSpec => ({ ...plain(id), needsPeers: true });

/** Both floors, in every workload: each must show 0 GCs in every run, or the case is INVALID. */
export const FLOORS: readonly ContenderSpec[] = [plain(PREALLOC_CONST), plain(PREALLOC_DYN)];

export const BASELINES: readonly ContenderSpec[] = [plain(NEW), ...FLOORS];

export const PEER_POOL_IDS = ["typedarray-pool", "stdlib-pool", "thing-malloc"] as const;

/** The npm pools (loaded from bench/peers) and the hand-rolled subarray arena. */
export const PEERS: readonly ContenderSpec[] = [...PEER_POOL_IDS.map(peer), plain(ARENA)];

/**
 * This library: hand-written checkpoint/try/finally, and the `withPool` marker source compiled with
 * the plugin (transformed) and without it (runtime closure fallback), and `using _ = poolScope(pool)`
 * downlevelled by TypeScript (target ES2022) and native on Node 24.
 */
export const LIBRARY: readonly ContenderSpec[] = [
  plain(AAP_TRY_FINALLY),
  { id: TRANSFORMED, impl: AAP_MARKER, build: "transformed" },
  { id: FALLBACK, impl: AAP_MARKER, build: "plain" },
  { id: USING_ES2022, impl: AAP_USING, build: "plain" },
  { id: USING_NATIVE, impl: AAP_USING, build: "esnext", node24: true },
];

/** The library's scope forms, as ids: the contenders W6 compares. */
export const SCOPE_FORMS: readonly string[] = [TRANSFORMED, FALLBACK, USING_ES2022, USING_NATIVE];

/** W3's second shape of every library form: one scope per frame, the pool passed to helpers. */
export const frameScoped = (id: string): string => `${id} (frame scope)`;
export const frameScopedImpl = (impl: string): string => `${impl}-frame`;
export const LIBRARY_FRAME_SCOPED: readonly ContenderSpec[] = LIBRARY.map((c) => ({
  ...c,
  id: frameScoped(c.id),
  impl: frameScopedImpl(c.impl),
}));

export function unknownImpl(workload: string, impl: string): Error {
  return new Error(`${workload} has no contender implementation "${impl}"`);
}
