/** The W4 audio graph's per-node DSP on 128-frame Float32 blocks, temporaries passed in. */
export const BLOCK = 128;
const SAMPLE_RATE = 48000;

/** Per-voice state that survives between blocks. */
export class Voice {
  phase = 0;
  readonly frequency: number;
  /** Biquad low-pass state: x1, x2, y1, y2. */
  readonly filterState = new Float32Array(4);

  constructor(frequency: number) {
    this.frequency = frequency;
  }
}

/** Oscillator into `out`, using `phases` as a temporary. */
export function oscillator(voice: Voice, phases: Float32Array, out: Float32Array): void {
  const step = (2 * Math.PI * voice.frequency) / SAMPLE_RATE;
  let phase = voice.phase;
  for (let j = 0; j < BLOCK; j++) {
    phases[j] = phase;
    phase += step;
  }
  voice.phase = phase % (2 * Math.PI);
  for (let j = 0; j < BLOCK; j++) out[j] = Math.sin(phases[j]!);
}

/** Gain envelope: `out = input * env`, env a temporary ramp. */
export function envelope(
  blockIndex: number,
  env: Float32Array,
  input: Float32Array,
  out: Float32Array,
): void {
  const start = (blockIndex & 63) / 64;
  for (let j = 0; j < BLOCK; j++) env[j] = start + j / (64 * BLOCK);
  for (let j = 0; j < BLOCK; j++) out[j] = input[j]! * env[j]!;
}

/** Biquad low-pass, with `x` and `y` copies as temporaries. */
export function lowpass(voice: Voice, x: Float32Array, y: Float32Array, io: Float32Array): void {
  const b0 = 0.2,
    b1 = 0.4,
    b2 = 0.2,
    a1 = -0.3,
    a2 = 0.1;
  const st = voice.filterState;
  x.set(io);
  for (let j = 0; j < BLOCK; j++) {
    const x1 = j > 0 ? x[j - 1]! : st[0]!;
    const x2 = j > 1 ? x[j - 2]! : j === 1 ? st[0]! : st[1]!;
    const y1 = j > 0 ? y[j - 1]! : st[2]!;
    const y2 = j > 1 ? y[j - 2]! : j === 1 ? st[2]! : st[3]!;
    y[j] = b0 * x[j]! + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
  }
  st[0] = x[BLOCK - 1]!;
  st[1] = x[BLOCK - 2]!;
  st[2] = y[BLOCK - 1]!;
  st[3] = y[BLOCK - 2]!;
  io.set(y);
}

/** Soft clip and mix into `mix`, with a temporary for the shaped signal. */
export function shapeAndMix(shaped: Float32Array, input: Float32Array, mix: Float32Array): void {
  for (let j = 0; j < BLOCK; j++) {
    const v = input[j]!;
    shaped[j] = v / (1 + Math.abs(v));
  }
  for (let j = 0; j < BLOCK; j++) mix[j] = mix[j]! + shaped[j]!;
}
