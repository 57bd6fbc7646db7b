/**
 * Random programs over one pool, for the property test: nested scopes of every form, acquires of
 * every element type, throws, early returns and scopes leaked by hand. The interpreter checks the
 * pool's invariants after every step and records how much it exercised.
 */
import * as assert from "uvu/assert";
import fc from "fast-check";
import {
  acquire,
  maybeWithPool,
  ones,
  poolScope,
  poolingEnabled,
  setMaybePooling,
  similar,
  withPool,
  zeros,
} from "../../runtime/index.js";
import type { AdaptiveArrayPool, TypedArray } from "../../runtime/index.js";
import {
  ALL_TYPES,
  assertDisjoint,
  elements,
  patternMismatch,
  snapshot,
  writePattern,
} from "./helpers.js";

export type AcquireVia = "acquire" | "acquireDims" | "takeDims" | "zeros" | "ones" | "similar";
export type ScopeForm = "withPool" | "manual" | "using" | "maybeOn" | "maybeOff";

export type Op =
  | {
      readonly kind: "acquire";
      readonly type: number;
      readonly dims: number[];
      readonly via: AcquireVia;
    }
  | {
      readonly kind: "scope";
      readonly form: ScopeForm;
      readonly catches: boolean;
      readonly body: Op[];
    }
  /** checkpoint by hand, run the body, throw, catch by hand without rewinding. */
  | { readonly kind: "leak"; readonly body: Op[] }
  | { readonly kind: "throw" }
  | { readonly kind: "return" };

const acquireOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant("acquire" as const),
  type: fc.integer({ min: 0, max: ALL_TYPES.length - 1 }),
  dims: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
  via: fc.constantFrom<AcquireVia>(
    "acquire",
    "acquireDims",
    "takeDims",
    "zeros",
    "ones",
    "similar",
  ),
});

const exitOp: fc.Arbitrary<Op> = fc.constantFrom<Op>({ kind: "throw" }, { kind: "return" });

/** A body of at most `maxLength` ops, nesting scopes at most `depth` deep. */
export function body(depth: number, maxLength = 5): fc.Arbitrary<Op[]> {
  if (depth === 0) {
    return fc.array(
      fc.oneof({ arbitrary: acquireOp, weight: 5 }, { arbitrary: exitOp, weight: 1 }),
      {
        maxLength,
      },
    );
  }
  const inner = body(depth - 1, maxLength);
  const scopeOp: fc.Arbitrary<Op> = fc.record({
    kind: fc.constant("scope" as const),
    form: fc.constantFrom<ScopeForm>("withPool", "manual", "using", "maybeOn", "maybeOff"),
    catches: fc.boolean(),
    body: inner,
  });
  const leakOp: fc.Arbitrary<Op> = fc.record({ kind: fc.constant("leak" as const), body: inner });
  return fc.array(
    fc.oneof(
      { arbitrary: acquireOp, weight: 5 },
      { arbitrary: scopeOp, weight: 3 },
      { arbitrary: leakOp, weight: 1 },
      { arbitrary: exitOp, weight: 1 },
    ),
    { maxLength },
  );
}

/** Thrown by the program's `throw` op; anything else escaping is a real failure. */
class ProgramThrow extends Error {}

interface LiveArray {
  readonly array: TypedArray;
  readonly id: number;
}

export interface Tally {
  programs: number;
  steps: number;
  scopes: number;
  throws: number;
  leaks: number;
  acquires: number;
}

export function emptyTally(): Tally {
  return { programs: 0, steps: 0, scopes: 0, throws: 0, leaks: 0, acquires: 0 };
}

/** Runs one program; `frames` mirrors the pool's open levels, each holding the arrays it keeps live. */
export class Interpreter {
  private readonly frames: LiveArray[][] = [[]];
  private nextId = 1;
  /** Open maybe-scopes with pooling off, outermost included: pooling is off while positive. */
  private offScopes = 0;

  constructor(
    private readonly pool: AdaptiveArrayPool,
    private readonly tally: Tally,
  ) {}

  run(program: Op[]): void {
    this.tally.programs++;
    try {
      this.runBody(program);
    } catch (error) {
      if (!(error instanceof ProgramThrow)) throw error;
    }
    this.checkLive();
    this.pool.reset();
    assert.equal(snapshot(this.pool), { depth: 0, active: ALL_TYPES.map(() => 0) });
  }

  private runBody(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.kind === "return") return;
      this.step(op);
      this.tally.steps++;
      this.checkLive();
    }
  }

  private step(op: Op): void {
    switch (op.kind) {
      case "acquire":
        return this.acquire(op.type, op.dims, op.via);
      case "scope":
        return this.scope(op.form, op.catches, op.body);
      case "leak":
        return this.leak(op.body);
      case "throw":
        this.tally.throws++;
        throw new ProgramThrow();
      case "return":
        return;
    }
  }

  private acquire(typeIndex: number, dims: number[], via: AcquireVia): void {
    const type = ALL_TYPES[typeIndex]!;
    const length = dims.reduce((p, d) => p * d, 1);
    const array = acquireBy(this.pool, via, type, dims);
    assert.instance(array, type);
    assert.is(array.length, length);
    if (via === "zeros" || via === "ones") {
      const expected = via === "zeros" ? 0 : 1;
      assert.ok(
        elements(array).every((x) => x === expected),
        `${via} contents`,
      );
    }
    const id = this.nextId++;
    writePattern(array, id);
    this.frames[this.frames.length - 1]!.push({ array, id });
    this.tally.acquires++;
  }

  private scope(form: ScopeForm, catches: boolean, ops: Op[]): void {
    const before = snapshot(this.pool);
    const pooling = poolingEnabled(this.pool);
    const base = this.frames.length;
    let thrown: ProgramThrow | undefined;
    try {
      this.enter(form, () => {
        this.frames.push([]);
        this.runBody(ops);
      });
    } catch (error) {
      if (!(error instanceof ProgramThrow)) throw error;
      thrown = error;
    }
    this.frames.length = base;
    this.tally.scopes++;
    assert.equal(snapshot(this.pool), before, `state restored after a ${form} scope`);
    assert.is(poolingEnabled(this.pool), pooling);
    this.checkLive();
    if (thrown !== undefined && !catches) throw thrown;
  }

  /** Run `inner` inside a scope of the given form (a real scope of the runtime, not a model of one). */
  private enter(form: ScopeForm, inner: () => void): void {
    const pool = this.pool;
    switch (form) {
      case "withPool":
        return withPool(pool, inner)();
      case "manual": {
        const token = pool.checkpoint();
        try {
          return inner();
        } finally {
          pool.rewind(token);
        }
      }
      case "using": {
        using _scope = poolScope(pool);
        return inner();
      }
      case "maybeOn":
      case "maybeOff":
        return this.maybeScope(form === "maybeOn", inner);
    }
  }

  private maybeScope(on: boolean, inner: () => void): void {
    const scoped = maybeWithPool(this.pool, () => {
      setMaybePooling(true);
      if (!on) this.offScopes++;
      try {
        inner();
      } finally {
        if (!on) this.offScopes--;
      }
    });
    setMaybePooling(on);
    try {
      scoped();
    } finally {
      setMaybePooling(true);
    }
  }

  private leak(ops: Op[]): void {
    this.tally.leaks++;
    try {
      this.pool.checkpoint();
      this.frames.push([]);
      this.runBody(ops);
      throw new ProgramThrow();
    } catch (error) {
      if (!(error instanceof ProgramThrow)) throw error;
      // Caught by hand without a rewind: the level stays open until an enclosing token closes it.
    }
  }

  /** No two live arrays share memory; each still holds its pattern; pooling is on unless bypassed. */
  private checkLive(): void {
    const live = this.frames.flat();
    assertDisjoint(live.map((entry) => entry.array));
    for (const entry of live) {
      const at = patternMismatch(entry.array, entry.id);
      if (at >= 0) assert.unreachable(`array #${entry.id} was overwritten at index ${at}`);
    }
    assert.is(poolingEnabled(this.pool), this.offScopes === 0);
  }
}

function acquireBy(
  pool: AdaptiveArrayPool,
  via: AcquireVia,
  type: (typeof ALL_TYPES)[number],
  dims: number[],
): TypedArray {
  switch (via) {
    case "acquire":
      return acquire(pool, type, dims[0]!, dims[1], dims[2]);
    case "acquireDims":
      return acquire(pool, type, dims);
    case "takeDims":
      // What the transformer emits for two dims; one dim passes d1 undefined, three stay acquires.
      return dims.length <= 2
        ? pool.takeDims(type, dims[0], dims[1])
        : acquire(pool, type, dims[0]!, dims[1], dims[2]);
    case "zeros":
      return zeros(pool, type, dims);
    case "ones":
      return ones(pool, type, dims[0]!, dims[1], dims[2]);
    case "similar":
      return similar(pool, new Uint8Array(1), type, dims);
  }
}
