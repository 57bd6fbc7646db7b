/**
 * A signal-processing kernel that needs two scratch arrays per call: the typical hot-loop allocation
 * this package removes. The pooled and the plain version share the arithmetic and differ only in where
 * the scratch arrays come from.
 */
import { acquire, getTaskLocalPool, withPool } from "adaptive-array-pools";

const pool = getTaskLocalPool();
const energy = new Float64Array(1);

/**
 * Energy of what a three-point moving average removes from `signal` (a roughness measure), written
 * to `energy[0]`: a double returned from a call V8 does not inline is boxed into a fresh heap number,
 * and that garbage would be counted against the pool.
 */
function removedEnergy(signal: Float64Array, smoothed: Float64Array, residual: Float64Array): void {
  const last = signal.length - 1;
  for (let i = 0; i <= last; i++) {
    const left = signal[i === 0 ? 0 : i - 1]!;
    const right = signal[i === last ? last : i + 1]!;
    smoothed[i] = (left + signal[i]! + right) / 3;
  }
  energy[0] = 0;
  for (let i = 0; i <= last; i++) {
    residual[i] = signal[i]! - smoothed[i]!;
    energy[0] += residual[i]! * residual[i]!;
  }
}

/** Scratch arrays from the pool: the plugin wraps this body in checkpoint / try / finally rewind. */
export const roughness = withPool(pool, function roughness(signal: Float64Array): number {
  const smoothed = acquire(pool, Float64Array, signal.length);
  const residual = acquire(pool, Float64Array, signal.length);
  removedEnergy(signal, smoothed, residual);
  return energy[0]!;
});

/** The same kernel allocating its scratch arrays with `new` on every call. */
export function roughnessPlain(signal: Float64Array): number {
  const smoothed = new Float64Array(signal.length);
  const residual = new Float64Array(signal.length);
  removedEnergy(signal, smoothed, residual);
  return energy[0]!;
}
