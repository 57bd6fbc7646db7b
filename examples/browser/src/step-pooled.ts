/**
 * The same frame with a pool: the frame's buffer in a frame-level scope, each particle's temporaries in
 * a scope of their own (the arrays come back when the particle is done). After the first frame every
 * acquire returns an array the pool already has: nothing is allocated.
 */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
import { integrate, pullOn, storeAcceleration } from "./particles.js";
import type { Particles } from "./particles.js";

const pool = new AdaptiveArrayPool();

const accelerate = withPool(
  pool,
  function accelerate(particles: Particles, i: number, acceleration: Float64Array): void {
    const delta = acquire(pool, Float64Array, 2);
    const pull = acquire(pool, Float64Array, 2);
    pullOn(particles, i, delta, pull);
    storeAcceleration(acceleration, i, pull);
  },
);

export const stepPooled = withPool(
  pool,
  function stepPooled(particles: Particles, dt: number): void {
    const acceleration = acquire(pool, Float64Array, 2 * particles.count);
    for (let i = 0; i < particles.count; i++) accelerate(particles, i, acceleration);
    integrate(particles, acceleration, dt);
  },
);

/** For the page: the pool must be back at depth 0 with nothing active after every frame. */
export function poolIsIdle(): boolean {
  const stats = pool.stats();
  return stats.depth === 0 && stats.activeBytes === 0;
}
