/**
 * Soak test of a pool with a retained-bytes cap (issue 12, item 3): random nested scopes of random
 * sizes (1..2^20 elements, every element type), with throws caught levels up and leaked inner scopes,
 * for a fixed number of operations (or seconds). It reports the pool's held bytes over time against the
 * cap and the live bytes, and fails (exit 1) if, when an outermost scope closes, the pool holds more
 * than cap + live bytes, or if any live array ever loses its contents or shares memory with another.
 *
 *   npm run soak -- [--ops 300000] [--seconds S] [--cap 33554432] [--seed 1] [--check]
 */
import { AdaptiveArrayPool, acquire, withPool } from "../runtime/index.js";
import { ELEMENT_TYPES } from "../runtime/element-types.js";
import type { ElementType, TypedArray } from "../runtime/index.js";

interface Options {
  readonly ops: number;
  readonly seconds: number;
  readonly cap: number;
  readonly seed: number;
  readonly check: boolean;
}

/** Every element type the pool serves on this engine (Float16Array where it exists). */
const TYPES: readonly ElementType[] = ELEMENT_TYPES.map((info) => info.type);
const MAX_DEPTH = 5;
const SAMPLES = 20;

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const index = argv.indexOf(`--${name}`);
    if (index < 0) return fallback;
    const parsed = Number(argv[index + 1]);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} needs a number >= 0`);
    return parsed;
  };
  const seconds = value("seconds", 0);
  return {
    ops: value("ops", seconds > 0 ? Infinity : 300_000),
    seconds,
    cap: value("cap", 32 * 1024 * 1024),
    seed: value("seed", 1),
    check: argv.includes("--check"),
  };
}

/** mulberry32, so a run can be replayed with --seed. */
function rngFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Arrays up to this many elements are checked whole after every scope, longer ones at 8 probes. */
const CHECKED_WHOLE = 4096;

interface Live {
  readonly array: TypedArray;
  readonly value: number;
  /**
   * For an array checked whole: its bytes without the first element and without the last. They are
   * equal exactly when every element has the first one's bytes, so one compare of memory checks
   * every element (reading each through `array[k]` was most of the soak's time).
   */
  readonly tail: Buffer | undefined;
  readonly head: Buffer | undefined;
}

class ThrownOnPurpose extends Error {
  constructor(readonly level: number) {
    super("thrown on purpose");
  }
}

class Soak {
  private readonly rng: () => number;
  private readonly pool: AdaptiveArrayPool;
  private readonly live: Live[] = [];
  private readonly deadline: number;
  ops = 0;
  scopes = 0;
  acquires = 0;
  throws = 0;
  leaks = 0;
  corruptions = 0;
  overlaps = 0;
  violations = 0;
  outermostCloses = 0;
  peakHeld = 0;
  peakLive = 0;
  peakFreeAtClose = 0;
  peakHeldAtClose = 0;
  readonly samples: { ops: number; held: number; live: number; free: number }[] = [];

  constructor(private readonly options: Options) {
    this.rng = rngFrom(options.seed);
    this.pool = new AdaptiveArrayPool({ maxRetainedBytes: options.cap, check: options.check });
    this.deadline = options.seconds > 0 ? Date.now() + options.seconds * 1000 : Infinity;
  }

  run(): void {
    const sampleEvery = Number.isFinite(this.options.ops)
      ? Math.max(1, Math.floor(this.options.ops / SAMPLES))
      : 2000;
    let nextSample = sampleEvery;
    while (this.ops < this.options.ops && Date.now() < this.deadline) {
      try {
        this.scope(1);
      } catch (error) {
        if (!(error instanceof ThrownOnPurpose)) throw error;
      }
      this.afterOutermostClose();
      if (this.ops >= nextSample) {
        this.sample();
        nextSample += sampleEvery;
      }
    }
    this.sample();
  }

  private length(): number {
    // Log-uniform in 1..2^20: every size class is visited, big arrays stay rare enough to soak long.
    return Math.max(1, Math.floor(2 ** (this.rng() * 20)));
  }

  private scope(level: number): void {
    this.scopes++;
    this.ops++;
    if (this.rng() < 0.3) {
      withPool(this.pool, () => this.body(level))();
      return;
    }
    const token = this.pool.checkpoint();
    const leak = this.rng() < 0.03;
    try {
      this.body(level);
    } finally {
      // A leaked scope is closed by the outer token's rewind (the entry-depth guard).
      if (!leak || level === 1) this.pool.rewind(token);
      else this.leaks++;
    }
  }

  private body(level: number): void {
    const mine = this.live.length;
    const count = Math.floor(this.rng() * 4);
    for (let i = 0; i < count; i++) this.acquireOne();
    this.notePeaks();
    const children = level < MAX_DEPTH ? Math.floor(this.rng() * 3) : 0;
    try {
      for (let i = 0; i < children; i++) {
        try {
          this.scope(level + 1);
        } catch (error) {
          // Caught here or further up: a throw unwinds a random number of levels.
          if (!(error instanceof ThrownOnPurpose) || error.level < level) throw error;
        }
        this.verifyLive();
      }
      if (this.rng() < 0.05) {
        this.throws++;
        throw new ThrownOnPurpose(1 + Math.floor(this.rng() * level));
      }
    } finally {
      this.verifyLive();
      this.live.length = mine;
    }
  }

  private acquireOne(): void {
    const type = TYPES[Math.floor(this.rng() * TYPES.length)]!;
    const array = acquire(this.pool, type, this.length());
    const value = 1 + (this.acquires % 100);
    write(array, value);
    this.live.push({ array, value, ...shiftedBytes(array) });
    this.acquires++;
    this.ops++;
  }

  private verifyLive(): void {
    const live = this.live;
    for (let i = 0; i < live.length; i++) {
      const { array, value, tail, head } = live[i]!;
      if (!holdsValue(array, value, tail, head)) this.corruptions++;
      for (let j = i + 1; j < live.length; j++) {
        if (sharesMemory(array, live[j]!.array)) this.overlaps++;
      }
    }
  }

  private notePeaks(): void {
    let live = 0;
    for (const entry of this.live) live += entry.array.byteLength;
    if (live > this.peakLive) this.peakLive = live;
    const held = this.pool.stats().bytes;
    if (held > this.peakHeld) this.peakHeld = held;
  }

  private afterOutermostClose(): void {
    this.outermostCloses++;
    const stats = this.pool.stats();
    const free = stats.bytes - stats.activeBytes;
    if (free > this.peakFreeAtClose) this.peakFreeAtClose = free;
    if (stats.bytes > this.peakHeldAtClose) this.peakHeldAtClose = stats.bytes;
    if (stats.depth !== 0 || stats.bytes > this.options.cap + stats.activeBytes) this.violations++;
  }

  private sample(): void {
    const stats = this.pool.stats();
    this.samples.push({
      ops: this.ops,
      held: stats.bytes,
      live: stats.activeBytes,
      free: stats.bytes - stats.activeBytes,
    });
  }

  get releasedByCap(): number {
    return this.pool.stats().releasedByCap;
  }
}

/** Where a long array is probed: 8 elements spread over it, first and last included. */
function probeIndex(k: number, n: number): number {
  return Math.floor((k / 7) * (n - 1));
}

/**
 * `value` into every element `holdsValue` reads: all of a short array, the probes of a long one.
 * Elements never read are not written: what else could change them is another live array sharing
 * the memory, which the overlap check finds on its own; writing them all was a quarter of the run.
 */
function write(array: TypedArray, value: number): void {
  const bigint = array instanceof BigInt64Array || array instanceof BigUint64Array;
  const n = array.length;
  if (n <= CHECKED_WHOLE) {
    if (bigint) array.fill(BigInt(value));
    else array.fill(value);
    return;
  }
  for (let k = 0; k < 8; k++) {
    if (bigint) array[probeIndex(k, n)] = BigInt(value);
    else (array as Exclude<TypedArray, BigInt64Array | BigUint64Array>)[probeIndex(k, n)] = value;
  }
}

function shiftedBytes(array: TypedArray): Pick<Live, "tail" | "head"> {
  if (array.length > CHECKED_WHOLE) return { tail: undefined, head: undefined };
  const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  const size = array.BYTES_PER_ELEMENT;
  return { tail: bytes.subarray(size), head: bytes.subarray(0, bytes.length - size) };
}

/**
 * Whether every element of a short array still is `value` (the first is, and each has the bytes of
 * the one before: the values written have one encoding each), or, of a long one, 8 probes spread over it.
 */
function holdsValue(
  array: TypedArray,
  value: number,
  tail: Buffer | undefined,
  head: Buffer | undefined,
): boolean {
  const n = array.length;
  if (tail !== undefined && head !== undefined) {
    return n === 0 || (Number(array[0]) === value && tail.equals(head));
  }
  for (let k = 0; k < 8; k++) {
    if (Number(array[probeIndex(k, n)]) !== value) return false;
  }
  return true;
}

function sharesMemory(a: TypedArray, b: TypedArray): boolean {
  if (a.buffer !== b.buffer || a.byteLength === 0 || b.byteLength === 0) return false;
  return a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const soak = new Soak(options);
  const started = Date.now();
  soak.run();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `soak: cap ${mib(options.cap)}, seed ${options.seed}${options.check ? ", check mode" : ""}`,
  );
  console.log("     ops       held       live       free (after the outermost scope closed)");
  for (const s of soak.samples) {
    console.log(
      `${String(s.ops).padStart(8)} ${mib(s.held).padStart(10)} ${mib(s.live).padStart(10)} ${mib(s.free).padStart(10)}`,
    );
  }
  console.log(
    `operations: ${soak.ops} (${soak.scopes} scopes, ${soak.acquires} acquires, ${soak.throws} throws, ` +
      `${soak.leaks} leaked scopes) in ${seconds.toFixed(1)} s`,
  );
  console.log(
    `peak held: ${mib(soak.peakHeld)} (inside scopes), peak live: ${mib(soak.peakLive)}, ` +
      `peak free after an outermost close: ${mib(soak.peakFreeAtClose)} (cap ${mib(options.cap)}), ` +
      `released by the cap: ${mib(soak.releasedByCap)}`,
  );
  console.log(
    `violations (held > cap + live after ${soak.outermostCloses} outermost closes): ${soak.violations}`,
  );
  console.log(
    `live-data corruptions: ${soak.corruptions}, overlapping live arrays: ${soak.overlaps}`,
  );
  if (soak.violations + soak.corruptions + soak.overlaps > 0) process.exitCode = 1;
}

main();
