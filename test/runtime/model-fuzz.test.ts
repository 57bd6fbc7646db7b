/**
 * Runtime model checking (issue 9, item 2): random programs drive several pools at once (normal and
 * check mode) through both module formats in one process (the CommonJS build's functions on pools the
 * ES module build created and the other way round), acquires through the free functions and the
 * transformer's two-dim `takeDims` (random factor pairs of the length), with manual tokens, stale
 * tokens, `reset` / `trim` / `compact` inside open scopes, and buffer detaches of live and released
 * arrays at every slot and length, 0 included. A model of every pool (its open levels and the arrays live in each) is checked
 * after every step: no two live arrays overlap, each holds what was written into it, depth and every
 * type's active count match, and in check mode every released array is detached.
 *
 * FUZZ_RUNS=<programs> runs more programs (the default keeps `npm test` fast); FUZZ_SEED=<n> replays.
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as cjs from "../../runtime/index.js";
import type { AdaptiveArrayPool, ElementType, TypedArray } from "../../runtime/index.js";
import { ALL_TYPES, findOverlap, patternMismatch, seededRng, writePattern } from "./helpers.js";

type Runtime = typeof cjs;

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const STEPS = 150;
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);
const LENGTHS = [0, 0, 1, 2, 3, 5, 8, 16, 17, 64, 255, 1024];
const ESM_ENTRY = path.resolve(__dirname, "..", "..", "..", "dist", "esm", "index.js");

interface Live {
  readonly array: TypedArray;
  readonly id: number;
  readonly type: ElementType;
  /** Its buffer was transferred away by the program: contents gone, slot still taken. */
  detached: boolean;
}

interface PoolModel {
  readonly pool: AdaptiveArrayPool;
  readonly name: string;
  readonly check: boolean;
  /** levels[0]: arrays acquired outside any scope; levels[d]: the scope at depth d. */
  readonly levels: Live[][];
  /** Arrays whose scope ended, kept to read and detach them as buggy code would. */
  readonly stale: TypedArray[];
}

interface Tally {
  programs: number;
  steps: number;
  acquires: number;
  zeroLength: number;
  detachedLive: number;
  detachedStale: number;
  staleTokens: number;
  maintenance: number;
  crossFormat: number;
  twoDims: number;
}

class Program {
  private readonly rng: () => number;
  private readonly models: PoolModel[];
  private nextId = 1;
  private readonly log: string[] = [];

  constructor(
    seed: number,
    private readonly formats: readonly Runtime[],
    private readonly tally: Tally,
  ) {
    this.rng = seededRng(seed);
    this.models = [
      this.model(formats[0]!, "cjs", false),
      this.model(formats[1]!, "esm", false),
      this.model(formats[0]!, "cjs-check", true),
      this.model(formats[1]!, "esm-check", true),
    ];
  }

  run(): void {
    for (let step = 0; step < STEPS; step++) {
      const model = this.pick(this.models);
      this.step(model);
      this.verify();
      this.tally.steps++;
    }
    for (const model of this.models) {
      model.pool.reset();
      model.levels.length = 1;
      for (const live of model.levels[0]!.splice(0)) model.stale.push(live.array);
    }
    this.verify();
    this.tally.programs++;
  }

  describe(): string {
    return this.log.slice(-12).join("\n");
  }

  private model(runtime: Runtime, name: string, check: boolean): PoolModel {
    return { pool: new runtime.AdaptiveArrayPool({ check }), name, check, levels: [[]], stale: [] };
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)]!;
  }

  private step(model: PoolModel): void {
    const r = this.rng();
    const depth = model.levels.length - 1;
    if (r < 0.2) this.checkpoint(model);
    else if (r < 0.5) this.acquire(model);
    else if (r < 0.62 && depth > 0) this.rewindToRandomLevel(model);
    else if (r < 0.67) this.rewindInnermost(model);
    else if (r < 0.7) this.staleToken(model);
    else if (r < 0.73) this.maintenance(model);
    else if (r < 0.76) this.reset(model);
    else if (r < 0.86) this.detachLive(model);
    else if (r < 0.92) this.detachStale(model);
    else this.readStale(model);
  }

  private note(model: PoolModel, what: string): void {
    this.log.push(`${model.name} depth ${model.pool.depth}: ${what}`);
  }

  private checkpoint(model: PoolModel): void {
    const token = model.pool.checkpoint();
    model.levels.push([]);
    assert.is(token, model.levels.length - 1, "checkpoint returns the new depth");
    this.note(model, `checkpoint -> ${token}`);
  }

  private acquire(model: PoolModel): void {
    // Either format's free functions on any pool: one state, one behaviour.
    const api = this.pick(this.formats);
    if (api !== this.formats[0]) this.tally.crossFormat++;
    const type = this.pick(ALL_TYPES);
    const length = this.pick(LENGTHS);
    const how = this.rng();
    const array = (
      how < 0.35
        ? api.acquire(model.pool, type, length)
        : how < 0.5
          ? this.takeDims(model, type, length)
          : how < 0.75
            ? api.zeros(model.pool, type, [length])
            : api.similar(model.pool, new Uint8Array(length), type)
    ) as TypedArray;
    assert.is(array.length, length);
    assert.instance(array, type);
    const id = this.nextId++;
    writePattern(array, id);
    model.levels[model.levels.length - 1]!.push({ array, id, type, detached: false });
    this.tally.acquires++;
    if (length === 0) this.tally.zeroLength++;
    this.note(model, `acquire ${type.name}(${length}) #${id}`);
  }

  /**
   * The transformer's two-dim acquire of `length` elements as a random factor pair, so its hits
   * follow one-dim arms of the same length ((length, 1)) and the other way round.
   */
  private takeDims(model: PoolModel, type: ElementType, length: number): TypedArray {
    const divisors = [1, 2, 3, 4, 8, 15, 17, 32].filter((d) => length % d === 0);
    const d0 = length === 0 ? this.pick([0, 0, 3]) : this.pick(divisors);
    const d1 = length === 0 ? (d0 === 0 ? this.pick([0, 5]) : 0) : length / d0;
    this.tally.twoDims++;
    return this.rng() < 0.5 ? model.pool.takeDims(type, d0, d1) : model.pool.takeDims(type, d1, d0);
  }

  private closeLevelsFrom(model: PoolModel, token: number): void {
    for (const level of model.levels.splice(token)) {
      for (const live of level) model.stale.push(live.array);
    }
    if (model.stale.length > 64) model.stale.splice(0, model.stale.length - 64);
  }

  private rewindToRandomLevel(model: PoolModel): void {
    const token = 1 + Math.floor(this.rng() * (model.levels.length - 1));
    model.pool.rewind(token);
    this.closeLevelsFrom(model, token);
    this.note(model, `rewind(${token})`);
  }

  private rewindInnermost(model: PoolModel): void {
    const depth = model.levels.length - 1;
    if (depth === 0) {
      assert.throws(() => model.pool.rewind(), /without an open scope/);
      this.note(model, "rewind() at depth 0 refused");
      return;
    }
    model.pool.rewind();
    this.closeLevelsFrom(model, depth);
    this.note(model, "rewind()");
  }

  private staleToken(model: PoolModel): void {
    const depth = model.levels.length - 1;
    const token = depth + 1 + Math.floor(this.rng() * 3);
    assert.throws(() => model.pool.rewind(token), /already rewound/);
    this.tally.staleTokens++;
    this.note(model, `stale rewind(${token}) refused`);
  }

  private maintenance(model: PoolModel): void {
    if (this.rng() < 0.5) model.pool.trim();
    else model.pool.compact({ factor: 1, minBytes: 0 });
    this.tally.maintenance++;
    this.note(model, "trim/compact");
  }

  private reset(model: PoolModel): void {
    model.pool.reset();
    this.closeLevelsFrom(model, 1);
    for (const live of model.levels[0]!.splice(0)) model.stale.push(live.array);
    this.note(model, "reset");
  }

  private detachLive(model: PoolModel): void {
    const live = model.levels.flat().filter((entry) => !entry.detached);
    if (live.length === 0) return;
    const entry = this.pick(live);
    if (!detach(entry.array)) return;
    entry.detached = true;
    this.tally.detachedLive++;
    this.note(model, `detach live #${entry.id} (length ${entry.array.length})`);
  }

  private detachStale(model: PoolModel): void {
    if (model.stale.length === 0) return;
    const array = this.pick(model.stale);
    if (detach(array)) this.tally.detachedStale++;
    this.note(model, "detach a released array");
  }

  /** Buggy code reading and writing a released array: must never reach a live array's contents. */
  private readStale(model: PoolModel): void {
    if (model.stale.length === 0) return;
    const array = this.pick(model.stale);
    if (model.check) assert.is(array.length, 0, `${model.name}: a released array is detached`);
    this.note(model, "read a released array");
  }

  private verify(): void {
    const all: TypedArray[] = [];
    for (const model of this.models) {
      const pool = model.pool;
      assert.is(pool.depth, model.levels.length - 1, `${model.name}: depth`);
      for (const type of ALL_TYPES) {
        const count = model.levels.flat().filter((entry) => entry.type === type).length;
        assert.is(pool.activeCount(type), count, `${model.name}: active ${type.name}`);
      }
      for (const entry of model.levels.flat()) {
        if (entry.detached) continue;
        assert.is(patternMismatch(entry.array, entry.id), -1, `${model.name}: #${entry.id} intact`);
        if (entry.array.length > 0) all.push(entry.array);
      }
      if (model.check) {
        for (const array of model.stale) assert.is(array.length, 0, `${model.name}: detached`);
      }
    }
    const overlap = findOverlap(all);
    assert.is(overlap, undefined, "no two live arrays share memory");
  }
}

/** Transfer `array`'s buffer away, as user code posting it to a worker would; false if it is empty. */
function detach(array: TypedArray): boolean {
  const buffer = array.buffer as ArrayBuffer;
  if (buffer.byteLength === 0) return false;
  structuredClone(buffer, { transfer: [buffer] });
  return true;
}

test(`random programs (${RUNS} x ${STEPS} steps, 4 pools, both formats) match the model`, async () => {
  const esm = (await import(pathToFileURL(ESM_ENTRY).href)) as Runtime;
  assert.is.not(esm.AdaptiveArrayPool, cjs.AdaptiveArrayPool, "two module instances in play");
  const tally: Tally = {
    programs: 0,
    steps: 0,
    acquires: 0,
    zeroLength: 0,
    detachedLive: 0,
    detachedStale: 0,
    staleTokens: 0,
    maintenance: 0,
    crossFormat: 0,
    twoDims: 0,
  };
  for (let run = 0; run < RUNS; run++) {
    const seed = FIRST_SEED + run;
    const program = new Program(seed, [cjs, esm], tally);
    try {
      program.run();
    } catch (error) {
      throw new Error(
        `seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=1): ${(error as Error).message}\n` +
          `last steps:\n${program.describe()}`,
      );
    }
  }
  if (process.env.POOL_TEST_VERBOSE || process.env.FUZZ_RUNS) console.log("model fuzz:", tally);
  // The generator must keep producing the cases it exists for.
  assert.ok(tally.zeroLength > RUNS, `${tally.zeroLength} zero-length acquires`);
  assert.ok(tally.detachedLive > RUNS, `${tally.detachedLive} live detaches`);
  assert.ok(tally.detachedStale > RUNS / 2, `${tally.detachedStale} stale detaches`);
  assert.ok(tally.staleTokens > RUNS, `${tally.staleTokens} stale tokens`);
  assert.ok(tally.maintenance > RUNS, `${tally.maintenance} trim/compact in open scopes`);
  assert.ok(tally.crossFormat > RUNS, `${tally.crossFormat} cross-format acquires`);
  assert.ok(tally.twoDims > RUNS, `${tally.twoDims} two-dim acquires`);
});

test.run();
