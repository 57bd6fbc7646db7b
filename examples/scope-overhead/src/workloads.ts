/** One round calls every kernel once from the same call site, with arguments. */
import { KERNELS } from "./kernels.js";

export const CALLS_PER_ROUND = KERNELS.length;

const LENGTH = 16;

export function allKernels(): number {
  let total = 0;
  for (let k = 0; k < KERNELS.length; k++) total += KERNELS[k]!(k, LENGTH);
  return total;
}
