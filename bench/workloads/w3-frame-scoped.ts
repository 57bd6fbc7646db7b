/**
 * W3 with one pool scope per frame: the frame opens the scope, and the per-body helpers take the
 * pool as an argument, acquire from it and open no scope of their own. Every body's temporaries
 * stay live until the frame's scope closes (2000 bodies x 7 arrays), and the next frame gets the
 * same arrays back: per body only the acquires remain, no checkpoint, no try/finally.
 */
import { AdaptiveArrayPool, acquire, poolScope, withPool } from "../../runtime/index.js";
import {
  AAP_MARKER,
  AAP_TRY_FINALLY,
  AAP_USING,
  FRAME_WITH_BODY_MARKS_IMPL,
  LIVE_SET,
  frameScopedImpl,
} from "../contenders/contender-list.js";
import { Bodies, finishBody, forceWith, loadBody } from "./physics-math.js";

export type StepFrame = () => void;

/** Arrays per body (5 in the step, 2 in the force helper). */
const ARRAYS_PER_BODY = 7;

/**
 * A pool sized for the frame's live arrays without the growth warning, which exists to catch
 * acquires outside any scope; here the frame's scope bounds them by design.
 */
function framePool(bodies: Bodies): AdaptiveArrayPool {
  return new AdaptiveArrayPool({ growthWarningThreshold: 2 * ARRAYS_PER_BODY * bodies.count });
}

function force(pool: AdaptiveArrayPool, p: Float64Array, v: Float64Array, out: Float64Array): void {
  forceWith(acquire(pool, Float64Array, 9), acquire(pool, Float64Array, 3), p, v, out);
}

function stepBody(pool: AdaptiveArrayPool, s: Bodies, i: number): void {
  const p = acquire(pool, Float64Array, 3);
  const v = acquire(pool, Float64Array, 3);
  const f = acquire(pool, Float64Array, 3);
  loadBody(s, i, p, v);
  force(pool, p, v, f);
  finishBody(s, i, p, v, f, acquire(pool, Float64Array, 16), acquire(pool, Float64Array, 3));
}

/** The frame's arrays made once, in the order the steps take them; `next` rewinds every frame. */
class LiveSet {
  next = 0;
  private readonly arrays: Float64Array[] = [];

  constructor(bodies: Bodies) {
    for (let i = 0; i < bodies.count; i++) {
      for (const length of [3, 3, 3, 9, 3, 16, 3]) this.arrays.push(new Float64Array(length));
    }
  }

  take(): Float64Array {
    return this.arrays[this.next++]!;
  }
}

function liveSetStep(set: LiveSet, s: Bodies, i: number): void {
  const p = set.take();
  const v = set.take();
  const f = set.take();
  loadBody(s, i, p, v);
  forceWith(set.take(), set.take(), p, v, f);
  finishBody(s, i, p, v, f, set.take(), set.take());
}

function liveSet(s: Bodies): StepFrame {
  const set = new LiveSet(s);
  const count = s.count;
  return () => {
    set.next = 0;
    for (let i = 0; i < count; i++) liveSetStep(set, s, i);
  };
}

function tryFinally(s: Bodies): StepFrame {
  const pool = framePool(s);
  const count = s.count;
  return () => {
    const token = pool.checkpoint();
    try {
      for (let i = 0; i < count; i++) stepBody(pool, s, i);
    } finally {
      pool.rewind(token);
    }
  };
}

function marker(s: Bodies): StepFrame {
  const pool = framePool(s);
  const count = s.count;
  return withPool(pool, function stepFrame(): void {
    for (let i = 0; i < count; i++) stepBody(pool, s, i);
  });
}

/** One body between a mark and its rewind: the next body gets the same arrays back. */
function markedStepBody(pool: AdaptiveArrayPool, s: Bodies, i: number): void {
  const mark = pool.checkpoint();
  stepBody(pool, s, i);
  pool.rewind(mark);
}

function markerWithBodyMarks(s: Bodies): StepFrame {
  const pool = new AdaptiveArrayPool();
  const count = s.count;
  return withPool(pool, function stepFrame(): void {
    for (let i = 0; i < count; i++) markedStepBody(pool, s, i);
  });
}

function usingScope(s: Bodies): StepFrame {
  const pool = framePool(s);
  const count = s.count;
  return () => {
    using _ = poolScope(pool);
    for (let i = 0; i < count; i++) stepBody(pool, s, i);
  };
}

export const FRAME_SCOPED_IMPLS: Readonly<Record<string, (s: Bodies) => StepFrame>> = {
  [LIVE_SET]: liveSet,
  [frameScopedImpl(AAP_TRY_FINALLY)]: tryFinally,
  [frameScopedImpl(AAP_MARKER)]: marker,
  [frameScopedImpl(AAP_USING)]: usingScope,
  [FRAME_WITH_BODY_MARKS_IMPL]: markerWithBodyMarks,
};
