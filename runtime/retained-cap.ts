import type { Slot } from "./slot.js";

/**
 * The `maxRetainedBytes` cap (the Julia package's auto-manage idea, without a background task): when
 * the outermost scope closes and the free buffers (slots `top..`) exceed the cap, the largest free
 * buffers are released first until the free bytes fit. Live arrays are never touched. Returns the
 * bytes released.
 */
export function releaseOverCap(stack: readonly Slot[], top: number, cap: number): number {
  const free = stack.slice(top);
  let freeBytes = 0;
  for (const slot of free) freeBytes += slot.bytes;
  if (freeBytes <= cap) return 0;
  free.sort((a, b) => b.bytes - a.bytes);
  let released = 0;
  for (let i = 0; i < free.length && freeBytes > cap; i++) {
    const bytes = free[i]!.bytes;
    free[i]!.resize(0);
    freeBytes -= bytes;
    released += bytes;
  }
  return released;
}
