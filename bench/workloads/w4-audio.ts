/**
 * W4: an audio-worklet-like chain. Each 128-frame block, every voice runs oscillator -> envelope ->
 * low-pass -> soft clip into a shared mix, each node with its own Float32 temporaries (five per voice).
 * One frame = one block; the real-time budget for a block at 48 kHz is 128 / 48000 s = 2.67 ms.
 */
import { AdaptiveArrayPool, acquire, poolScope, withPool } from "../../runtime/index.js";
import type { CaseSpec, CaseParams, Trial, Workload } from "../harness/types.js";
import {
  AAP_MARKER,
  AAP_TRY_FINALLY,
  AAP_USING,
  LIBRARY,
  NEW,
  PREALLOC_CONST,
  PREALLOC_DYN,
  FLOORS,
  unknownImpl,
} from "../contenders/contender-list.js";
import { numberParam } from "../contenders/dtypes.js";
import { DynSlot } from "../contenders/dyn-slot.js";
import { BLOCK, Voice, envelope, lowpass, oscillator, shapeAndMix } from "./audio-dsp.js";
import { sink } from "./sink.js";

type RenderVoice = (voice: Voice, blockIndex: number, mix: Float32Array) => void;

function naive(): RenderVoice {
  return (voice, blockIndex, mix) => {
    const signal = new Float32Array(BLOCK);
    oscillator(voice, new Float32Array(BLOCK), signal);
    const enveloped = new Float32Array(BLOCK);
    envelope(blockIndex, new Float32Array(BLOCK), signal, enveloped);
    lowpass(voice, new Float32Array(BLOCK), new Float32Array(BLOCK), enveloped);
    shapeAndMix(new Float32Array(BLOCK), enveloped, mix);
  };
}

function preallocConst(): RenderVoice {
  const phase = new Float32Array(BLOCK);
  const signal = new Float32Array(BLOCK);
  const gain = new Float32Array(BLOCK);
  const enveloped = new Float32Array(BLOCK);
  const filterX = new Float32Array(BLOCK);
  const filterY = new Float32Array(BLOCK);
  const shaped = new Float32Array(BLOCK);
  return (voice, blockIndex, mix) => {
    oscillator(voice, phase, signal);
    envelope(blockIndex, gain, signal, enveloped);
    lowpass(voice, filterX, filterY, enveloped);
    shapeAndMix(shaped, enveloped, mix);
  };
}

function preallocDyn(): RenderVoice {
  const slot = (): DynSlot<Float32Array> =>
    new DynSlot(new Float32Array(BLOCK), new Float32Array(BLOCK));
  const phase = slot();
  const signal = slot();
  const gain = slot();
  const enveloped = slot();
  const filterX = slot();
  const filterY = slot();
  const shaped = slot();
  return (voice, blockIndex, mix) => {
    oscillator(voice, phase.value, signal.value);
    envelope(blockIndex, gain.value, signal.value, enveloped.value);
    lowpass(voice, filterX.value, filterY.value, enveloped.value);
    shapeAndMix(shaped.value, enveloped.value, mix);
  };
}

function tryFinally(): RenderVoice {
  const pool = new AdaptiveArrayPool();
  return (voice, blockIndex, mix) => {
    const token = pool.checkpoint();
    try {
      const signal = acquire(pool, Float32Array, BLOCK);
      oscillator(voice, acquire(pool, Float32Array, BLOCK), signal);
      const enveloped = acquire(pool, Float32Array, BLOCK);
      envelope(blockIndex, acquire(pool, Float32Array, BLOCK), signal, enveloped);
      lowpass(
        voice,
        acquire(pool, Float32Array, BLOCK),
        acquire(pool, Float32Array, BLOCK),
        enveloped,
      );
      shapeAndMix(acquire(pool, Float32Array, BLOCK), enveloped, mix);
    } finally {
      pool.rewind(token);
    }
  };
}

function marker(): RenderVoice {
  const pool = new AdaptiveArrayPool();
  return withPool(
    pool,
    function renderVoice(voice: Voice, blockIndex: number, mix: Float32Array): void {
      const signal = acquire(pool, Float32Array, BLOCK);
      oscillator(voice, acquire(pool, Float32Array, BLOCK), signal);
      const enveloped = acquire(pool, Float32Array, BLOCK);
      envelope(blockIndex, acquire(pool, Float32Array, BLOCK), signal, enveloped);
      lowpass(
        voice,
        acquire(pool, Float32Array, BLOCK),
        acquire(pool, Float32Array, BLOCK),
        enveloped,
      );
      shapeAndMix(acquire(pool, Float32Array, BLOCK), enveloped, mix);
    },
  );
}

function usingScope(): RenderVoice {
  const pool = new AdaptiveArrayPool();
  return (voice, blockIndex, mix) => {
    using _ = poolScope(pool);
    const signal = acquire(pool, Float32Array, BLOCK);
    oscillator(voice, acquire(pool, Float32Array, BLOCK), signal);
    const enveloped = acquire(pool, Float32Array, BLOCK);
    envelope(blockIndex, acquire(pool, Float32Array, BLOCK), signal, enveloped);
    lowpass(
      voice,
      acquire(pool, Float32Array, BLOCK),
      acquire(pool, Float32Array, BLOCK),
      enveloped,
    );
    shapeAndMix(acquire(pool, Float32Array, BLOCK), enveloped, mix);
  };
}

const IMPLS: Readonly<Record<string, () => RenderVoice>> = {
  [NEW]: naive,
  [PREALLOC_CONST]: preallocConst,
  [PREALLOC_DYN]: preallocDyn,
  [AAP_TRY_FINALLY]: tryFinally,
  [AAP_MARKER]: marker,
  [AAP_USING]: usingScope,
};

async function makeTrial(impl: string, params: CaseParams): Promise<Trial> {
  const make = IMPLS[impl];
  if (make === undefined) throw unknownImpl("W4", impl);
  const render = make();
  const voices = Array.from(
    { length: numberParam(params.voices, "voices") },
    (_, k) => new Voice(110 * (k + 1)),
  );
  const mix = new Float32Array(BLOCK);
  let blockIndex = 0;
  return {
    run: () => {
      mix.fill(0);
      for (let v = 0; v < voices.length; v++) render(voices[v]!, blockIndex, mix);
      blockIndex = (blockIndex + 1) & 1023;
      sink[0]! += mix[0]! + mix[BLOCK - 1]!;
    },
  };
}

function w4Cases(quick: boolean): CaseSpec[] {
  const blocks = quick ? 3000 : 8000;
  return [
    {
      label: "16 voices",
      params: { voices: 16 },
      ops: blocks,
      batch: 1,
      warmupOps: 2000,
      frameBudgetUs: (BLOCK / 48000) * 1e6,
    },
  ];
}

export const w4: Workload = {
  id: "W4",
  title: "audio blocks, 128 frames, 16 voices x 4 nodes (per-block times; budget 2.67 ms)",
  control: PREALLOC_DYN,
  zeroGc: [PREALLOC_CONST, PREALLOC_DYN],
  contenders: [{ id: NEW, impl: NEW, build: "plain" }, ...FLOORS, ...LIBRARY],
  cases: w4Cases,
  makeTrial,
};
