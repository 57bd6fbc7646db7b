/**
 * The particle system both variants step: N particles pulled by a few fixed attractors. The arithmetic
 * lives here, once, in functions that take their scratch arrays as arguments, so the pooled and the
 * plain variant differ only in where those arrays come from and compute bit-identical positions.
 */

export interface Particles {
  readonly count: number;
  /** x, y of each particle, interleaved. */
  readonly position: Float64Array;
  readonly velocity: Float64Array;
}

/** x, y, strength of each attractor. */
const ATTRACTORS = new Float64Array([
  0.3, 0.3, 0.004, 0.7, 0.35, 0.003, 0.5, 0.75, 0.005, 0.2, 0.8, 0.002,
]);
const SOFTENING = 0.01;
const DAMPING = 0.995;

/** A deterministic start: the same seed gives the same particles in every variant and every run. */
export function seededParticles(count: number, seed: number): Particles {
  const position = new Float64Array(2 * count);
  const velocity = new Float64Array(2 * count);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < position.length; i++) {
    // xorshift32: a few lines, and the same numbers in every engine.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    position[i] = (state >>> 0) / 4294967296;
  }
  return { count, position, velocity };
}

/** The pull of every attractor on particle `i`, into `pull[0..1]`; `delta` is scratch (2 elements). */
export function pullOn(
  particles: Particles,
  i: number,
  delta: Float64Array,
  pull: Float64Array,
): void {
  const position = particles.position;
  pull[0] = 0;
  pull[1] = 0;
  for (let a = 0; a < ATTRACTORS.length; a += 3) {
    delta[0] = ATTRACTORS[a]! - position[2 * i]!;
    delta[1] = ATTRACTORS[a + 1]! - position[2 * i + 1]!;
    const r2 = delta[0] * delta[0] + delta[1] * delta[1] + SOFTENING;
    const strength = ATTRACTORS[a + 2]! / (r2 * Math.sqrt(r2));
    pull[0] += strength * delta[0];
    pull[1] += strength * delta[1];
  }
}

/** Store particle `i`'s acceleration in the frame's acceleration buffer (2 per particle). */
export function storeAcceleration(acceleration: Float64Array, i: number, pull: Float64Array): void {
  acceleration[2 * i] = pull[0]!;
  acceleration[2 * i + 1] = pull[1]!;
}

/** Semi-implicit Euler with damping; particles leaving the unit square come back on the other side. */
export function integrate(particles: Particles, acceleration: Float64Array, dt: number): void {
  const { position, velocity } = particles;
  for (let k = 0; k < position.length; k++) {
    velocity[k] = (velocity[k]! + acceleration[k]! * dt) * DAMPING;
    const moved = position[k]! + velocity[k]! * dt;
    position[k] = moved - Math.floor(moved);
  }
}
