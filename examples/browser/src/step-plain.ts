/**
 * One frame, written the usual way: fresh typed arrays for the frame's buffer and for each particle's
 * temporaries. Every frame leaves them behind as garbage.
 */
import { integrate, pullOn, storeAcceleration } from "./particles.js";
import type { Particles } from "./particles.js";

export function stepPlain(particles: Particles, dt: number): void {
  const acceleration = new Float64Array(2 * particles.count);
  for (let i = 0; i < particles.count; i++) {
    const delta = new Float64Array(2);
    const pull = new Float64Array(2);
    pullOn(particles, i, delta, pull);
    storeAcceleration(acceleration, i, pull);
  }
  integrate(particles, acceleration, dt);
}
