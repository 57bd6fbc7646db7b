import type { Workload } from "../harness/types.js";

/** Workloads by id, loaded lazily so a child process only evaluates the module it measures. */
export const WORKLOAD_LOADERS: Readonly<Record<string, () => Promise<Workload>>> = {
  W1: async () => (await import("./w1-single-temporary.js")).w1,
  W2: async () => (await import("./w2-compute.js")).w2,
  W3: async () => (await import("./w3-physics.js")).w3,
  W4: async () => (await import("./w4-audio.js")).w4,
  W5: async () => (await import("./w5-mixed-sizes.js")).w5,
  W6: async () => (await import("./w6-scope-overhead.js")).w6,
};

export async function loadWorkload(id: string): Promise<Workload> {
  const load = WORKLOAD_LOADERS[id];
  if (load === undefined) {
    throw new Error(
      `unknown workload ${id}: expected one of ${Object.keys(WORKLOAD_LOADERS).join(", ")}`,
    );
  }
  return load();
}
