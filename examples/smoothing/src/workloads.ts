/** What the demo times: one round is one kernel call on a 64-sample signal. */
import { roughness, roughnessPlain } from "./smoothing.js";

export const CALLS_PER_ROUND = 1;

const signal = Float64Array.from({ length: 64 }, (_, i) => Math.sin(i / 3) + (i % 5) / 10);

export function pooled(): number {
  return roughness(signal);
}

export function plain(): number {
  return roughnessPlain(signal);
}
