/**
 * What the demo times: one round is one kernel call on a 64-sample signal. The result goes into a
 * Float64Array and the round returns a small integer, so the timing loop itself boxes no doubles and
 * every garbage collection counted is the kernel's own. (In millionths: a checksum that still differs
 * if the two kernels do.)
 */
import { roughness, roughnessPlain } from "./smoothing.js";

export const CALLS_PER_ROUND = 1;

const signal = Float64Array.from({ length: 64 }, (_, i) => Math.sin(i / 3) + (i % 5) / 10);

const result = new Float64Array(1);

export function pooled(): number {
  result[0] = roughness(signal);
  return Math.round(result[0] * 1e6);
}

export function plain(): number {
  result[0] = roughnessPlain(signal);
  return Math.round(result[0] * 1e6);
}
