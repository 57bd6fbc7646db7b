/**
 * W3: a small-vector physics step. Every body, every frame: Vec3 temporaries for position, velocity,
 * force and a transformed point, a Mat4 model matrix, and a force helper that needs a Mat3 rotation
 * and a Vec3. One frame = one step of all bodies. The library runs in two shapes: a scope per body
 * (and a nested one in the force helper), and one scope per frame with the pool passed to the
 * helpers, which acquire from it and open no scope of their own (the "pass the pool as an
 * argument" pattern for hot loops; w3-frame-scoped.ts).
 */
import { AdaptiveArrayPool, acquire, poolScope, withPool } from "../../runtime/index.js";
import type { CaseSpec, CaseParams, Trial, Workload } from "../harness/types.js";
import {
  AAP_MARKER,
  AAP_TRY_FINALLY,
  AAP_USING,
  FLOORS,
  FRAME_WITH_BODY_MARKS,
  FRAME_WITH_BODY_MARKS_IMPL,
  LIBRARY,
  LIBRARY_FRAME_SCOPED,
  LIVE_SET,
  NEW,
  PREALLOC_CONST,
  PREALLOC_DYN,
  STATIC_SCRATCH,
  unknownImpl,
} from "../contenders/contender-list.js";
import { numberParam } from "../contenders/dtypes.js";
import { DynSlot } from "../contenders/dyn-slot.js";
import { Bodies, finishBody, forceWith, loadBody } from "./physics-math.js";
import { FRAME_SCOPED_IMPLS } from "./w3-frame-scoped.js";
import type { StepFrame } from "./w3-frame-scoped.js";

type StepBody = (i: number) => void;

function naive(s: Bodies): StepBody {
  const force = (p: Float64Array, v: Float64Array, out: Float64Array): void =>
    forceWith(new Float64Array(9), new Float64Array(3), p, v, out);
  return (i) => {
    const p = new Float64Array(3);
    const v = new Float64Array(3);
    const f = new Float64Array(3);
    loadBody(s, i, p, v);
    force(p, v, f);
    finishBody(s, i, p, v, f, new Float64Array(16), new Float64Array(3));
  };
}

/** Hand-preallocated: the caller owns one workspace (constant fields) and threads it through. */
function preallocConst(s: Bodies): StepBody {
  const w = {
    p: new Float64Array(3),
    v: new Float64Array(3),
    f: new Float64Array(3),
    m: new Float64Array(16),
    q: new Float64Array(3),
    rot: new Float64Array(9),
    rp: new Float64Array(3),
  };
  return (i) => {
    loadBody(s, i, w.p, w.v);
    forceWith(w.rot, w.rp, w.p, w.v, w.f);
    finishBody(s, i, w.p, w.v, w.f, w.m, w.q);
  };
}

/** The dyn floor: the same workspace, each buffer read from a mutable field. */
function preallocDyn(s: Bodies): StepBody {
  const slot = (n: number): DynSlot<Float64Array> =>
    new DynSlot(new Float64Array(n), new Float64Array(n));
  const p = slot(3);
  const v = slot(3);
  const f = slot(3);
  const m = slot(16);
  const q = slot(3);
  const rot = slot(9);
  const rp = slot(3);
  return (i) => {
    loadBody(s, i, p.value, v.value);
    forceWith(rot.value, rp.value, p.value, v.value, f.value);
    finishBody(s, i, p.value, v.value, f.value, m.value, q.value);
  };
}

/** Static scratch: each helper keeps module-level temporaries of its own (the gl-matrix idiom). */
const FORCE_ROT = new Float64Array(9);
const FORCE_RP = new Float64Array(3);
const STEP_P = new Float64Array(3);
const STEP_V = new Float64Array(3);
const STEP_F = new Float64Array(3);
const STEP_M = new Float64Array(16);
const STEP_Q = new Float64Array(3);

function staticScratch(s: Bodies): StepBody {
  const force = (p: Float64Array, v: Float64Array, out: Float64Array): void =>
    forceWith(FORCE_ROT, FORCE_RP, p, v, out);
  return (i) => {
    loadBody(s, i, STEP_P, STEP_V);
    force(STEP_P, STEP_V, STEP_F);
    finishBody(s, i, STEP_P, STEP_V, STEP_F, STEP_M, STEP_Q);
  };
}

function tryFinally(s: Bodies): StepBody {
  const pool = new AdaptiveArrayPool();
  const force = (p: Float64Array, v: Float64Array, out: Float64Array): void => {
    const token = pool.checkpoint();
    try {
      forceWith(acquire(pool, Float64Array, 9), acquire(pool, Float64Array, 3), p, v, out);
    } finally {
      pool.rewind(token);
    }
  };
  return (i) => {
    const token = pool.checkpoint();
    try {
      const p = acquire(pool, Float64Array, 3);
      const v = acquire(pool, Float64Array, 3);
      const f = acquire(pool, Float64Array, 3);
      loadBody(s, i, p, v);
      force(p, v, f);
      finishBody(s, i, p, v, f, acquire(pool, Float64Array, 16), acquire(pool, Float64Array, 3));
    } finally {
      pool.rewind(token);
    }
  };
}

function marker(s: Bodies): StepBody {
  const pool = new AdaptiveArrayPool();
  const force = withPool(
    pool,
    function force(p: Float64Array, v: Float64Array, out: Float64Array): void {
      forceWith(acquire(pool, Float64Array, 9), acquire(pool, Float64Array, 3), p, v, out);
    },
  );
  return withPool(pool, function stepBody(i: number): void {
    const p = acquire(pool, Float64Array, 3);
    const v = acquire(pool, Float64Array, 3);
    const f = acquire(pool, Float64Array, 3);
    loadBody(s, i, p, v);
    force(p, v, f);
    finishBody(s, i, p, v, f, acquire(pool, Float64Array, 16), acquire(pool, Float64Array, 3));
  });
}

function usingScope(s: Bodies): StepBody {
  const pool = new AdaptiveArrayPool();
  const force = (p: Float64Array, v: Float64Array, out: Float64Array): void => {
    using _ = poolScope(pool);
    forceWith(acquire(pool, Float64Array, 9), acquire(pool, Float64Array, 3), p, v, out);
  };
  return (i) => {
    using _ = poolScope(pool);
    const p = acquire(pool, Float64Array, 3);
    const v = acquire(pool, Float64Array, 3);
    const f = acquire(pool, Float64Array, 3);
    loadBody(s, i, p, v);
    force(p, v, f);
    finishBody(s, i, p, v, f, acquire(pool, Float64Array, 16), acquire(pool, Float64Array, 3));
  };
}

const PER_BODY_IMPLS: Readonly<Record<string, (s: Bodies) => StepBody>> = {
  [NEW]: naive,
  [PREALLOC_CONST]: preallocConst,
  [PREALLOC_DYN]: preallocDyn,
  [STATIC_SCRATCH]: staticScratch,
  [AAP_TRY_FINALLY]: tryFinally,
  [AAP_MARKER]: marker,
  [AAP_USING]: usingScope,
};

/** A per-body step run over every body: one frame. */
function everyBody(stepBody: StepBody, count: number): StepFrame {
  return () => {
    for (let i = 0; i < count; i++) stepBody(i);
  };
}

async function makeTrial(impl: string, params: CaseParams): Promise<Trial> {
  const bodies = new Bodies(numberParam(params.bodies, "bodies"));
  const perBody = PER_BODY_IMPLS[impl];
  if (perBody !== undefined) return { run: everyBody(perBody(bodies), bodies.count) };
  const frameScoped = FRAME_SCOPED_IMPLS[impl];
  if (frameScoped === undefined) throw unknownImpl("W3", impl);
  return { run: frameScoped(bodies) };
}

function w3Cases(quick: boolean): CaseSpec[] {
  const frames = quick ? 300 : 1000;
  return [
    { label: "2000 bodies", params: { bodies: 2000 }, ops: frames, batch: 1, warmupOps: 200 },
  ];
}

export const w3: Workload = {
  id: "W3",
  title: "physics step, 2000 bodies (per-frame times)",
  control: PREALLOC_DYN,
  zeroGc: [PREALLOC_CONST, PREALLOC_DYN, STATIC_SCRATCH, LIVE_SET],
  contenders: [
    { id: NEW, impl: NEW, build: "plain" },
    ...FLOORS,
    { id: STATIC_SCRATCH, impl: STATIC_SCRATCH, build: "plain" },
    ...LIBRARY,
    { id: LIVE_SET, impl: LIVE_SET, build: "plain" },
    ...LIBRARY_FRAME_SCOPED,
    { id: FRAME_WITH_BODY_MARKS, impl: FRAME_WITH_BODY_MARKS_IMPL, build: "transformed" },
  ],
  cases: w3Cases,
  makeTrial,
};
