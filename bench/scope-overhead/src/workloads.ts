/**
 * One round calls every kernel once from the same call site, with arguments: with 16-element arrays
 * (some work per call), and with 2-element arrays (little besides the scope itself).
 */
import { KERNELS } from "./kernels.js";

export const CALLS_PER_ROUND = KERNELS.length;

function allKernelsAt(length: number): number {
  let total = 0;
  for (let k = 0; k < KERNELS.length; k++) total += KERNELS[k]!(k, length);
  return total;
}

export function allKernels(): number {
  return allKernelsAt(16);
}

export function allKernelsShort(): number {
  return allKernelsAt(2);
}
