/** Vec3 / Mat3 / Mat4 arithmetic of the W3 physics step, on caller-provided arrays only. */
import { sink } from "./sink.js";

const DT = 1 / 240;
const STIFFNESS = 4;
const DAMPING = 0.05;
const SPIN = 0.3;

/** Structure-of-arrays body state, deterministic initial values. */
export class Bodies {
  readonly count: number;
  readonly position: Float64Array;
  readonly velocity: Float64Array;
  readonly angle: Float64Array;

  constructor(count: number) {
    this.count = count;
    this.position = new Float64Array(3 * count);
    this.velocity = new Float64Array(3 * count);
    this.angle = new Float64Array(count);
    for (let i = 0; i < 3 * count; i++) this.position[i] = ((i * 7919) % 1000) / 100 - 5;
    for (let i = 0; i < count; i++) this.angle[i] = (i % 360) * (Math.PI / 180);
  }
}

export function loadBody(s: Bodies, i: number, p: Float64Array, v: Float64Array): void {
  for (let k = 0; k < 3; k++) {
    p[k] = s.position[3 * i + k]!;
    v[k] = s.velocity[3 * i + k]!;
  }
}

/** out = -k * Rz(spin) * p - c * v, with rot (Mat3) and rp (Vec3) as temporaries. */
export function forceWith(
  rot: Float64Array,
  rp: Float64Array,
  p: Float64Array,
  v: Float64Array,
  out: Float64Array,
): void {
  const c = Math.cos(SPIN);
  const s = Math.sin(SPIN);
  rot[0] = c;
  rot[1] = -s;
  rot[2] = 0;
  rot[3] = s;
  rot[4] = c;
  rot[5] = 0;
  rot[6] = 0;
  rot[7] = 0;
  rot[8] = 1;
  for (let r = 0; r < 3; r++) {
    rp[r] = rot[3 * r]! * p[0]! + rot[3 * r + 1]! * p[1]! + rot[3 * r + 2]! * p[2]!;
  }
  for (let k = 0; k < 3; k++) out[k] = -STIFFNESS * rp[k]! - DAMPING * v[k]!;
}

/** Integrate, store back, and add the body's transformed point to the sink, via m (Mat4) and q (Vec3). */
export function finishBody(
  s: Bodies,
  i: number,
  p: Float64Array,
  v: Float64Array,
  f: Float64Array,
  m: Float64Array,
  q: Float64Array,
): void {
  for (let k = 0; k < 3; k++) {
    v[k] = v[k]! + f[k]! * DT;
    p[k] = p[k]! + v[k]! * DT;
    s.position[3 * i + k] = p[k]!;
    s.velocity[3 * i + k] = v[k]!;
  }
  modelMatrix(m, s, i, p);
  for (let r = 0; r < 3; r++) {
    q[r] = m[4 * r]! * p[0]! + m[4 * r + 1]! * p[1]! + m[4 * r + 2]! * p[2]! + m[4 * r + 3]!;
  }
  sink[0]! += q[0]! + q[1]! + q[2]!;
}

/**
 * Row-major Mat4: rotation about z by body i's angle, then translation by p. It takes the index, not
 * the angle: a double passed to a call V8 did not inline is boxed (a 16-byte heap number per body),
 * and whether this call is inlined varies with the order concurrent compiles finish, so an angle
 * argument made 1 run in about 30 allocate in every contender, the controls included.
 */
function modelMatrix(m: Float64Array, bodies: Bodies, i: number, p: Float64Array): void {
  const angle = bodies.angle[i]!;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  m.fill(0);
  m[0] = c;
  m[1] = -s;
  m[4] = s;
  m[5] = c;
  m[10] = 1;
  m[15] = 1;
  m[3] = p[0]!;
  m[7] = p[1]!;
  m[11] = p[2]!;
}
