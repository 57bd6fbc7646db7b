/**
 * What check mode costs per scope and per acquire, in time and in allocated bytes, against the same
 * loop in normal mode (issue 12's closing figures). One scope with K acquires of N doubles per
 * iteration, written and summed; check mode without the transformer (sites from the stack) and with
 * it (sites passed as constants through checkAt, as `runtimeCheck` emits). Bytes are JS heap plus
 * ArrayBuffer backing stores allocated per scope, from memoryUsage() deltas over a run of 1,000 scopes
 * that no collection interrupted (watched with a 'gc' PerformanceObserver; a run with one is retried).
 *
 *   node --expose-gc --max-semi-space-size=256 build/bench/check-mode-cost.js [iterations]
 */
import { PerformanceObserver } from "node:perf_hooks";
import { AdaptiveArrayPool, acquire, checkAt, checkEscape } from "../runtime/index.js";

const N = 16;
const ACQUIRES = [1, 3] as const;
const ITERATIONS = Number(process.argv[2] ?? 20_000);
const sink = new Float64Array(1);

type Variant = "normal" | "check (stack sites)" | "check (transformer sites)";

function scope(pool: AdaptiveArrayPool, acquires: number, sited: boolean, i: number): void {
  const token = (sited ? checkAt(pool, "src/a.ts:1:1") : pool).checkpoint();
  let sum = 0;
  for (let k = 0; k < acquires; k++) {
    const v = acquire(sited ? checkAt(pool, "src/a.ts:2:3") : pool, Float64Array, N);
    for (let j = 0; j < N; j++) v[j] = j + i;
    for (let j = 0; j < N; j++) sum += v[j]!;
  }
  sink[0] = checkEscape(pool, token, sum, "src/a.ts:5:3");
  pool.rewind(token);
}

interface Cost {
  readonly ns: number;
  readonly heapBytes: number;
  readonly bufferBytes: number;
}

/** Time per scope over ITERATIONS; bytes per scope over a shorter run no collection interrupts. */
function measure(variant: Variant, acquires: number): Cost {
  const pool = new AdaptiveArrayPool({ check: variant !== "normal" });
  const sited = variant === "check (transformer sites)";
  for (let i = 0; i < 2000; i++) scope(pool, acquires, sited, i); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) scope(pool, acquires, sited, i);
  const ns = Number(process.hrtime.bigint() - start) / ITERATIONS;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  for (;;) {
    gc();
    const before = process.memoryUsage();
    const collections = gcCount;
    for (let i = 0; i < BYTE_ITERATIONS; i++) scope(pool, acquires, sited, i);
    const after = process.memoryUsage();
    if (gcCount !== collections) continue; // a collection ran: the deltas mean nothing, retry
    return {
      ns,
      heapBytes: (after.heapUsed - before.heapUsed) / BYTE_ITERATIONS,
      bufferBytes: (after.arrayBuffers - before.arrayBuffers) / BYTE_ITERATIONS,
    };
  }
}

const BYTE_ITERATIONS = 1000;
let gcCount = 0;
new PerformanceObserver((list) => (gcCount += list.getEntries().length)).observe({
  entryTypes: ["gc"],
});

function main(): void {
  const variants: Variant[] = ["normal", "check (stack sites)", "check (transformer sites)"];
  console.log(
    `check-mode cost: one scope with K acquires of ${N} doubles, ${ITERATIONS} iterations`,
  );
  console.log("K  variant                      ns/scope  heap B/scope  buffer B/scope");
  for (const acquires of ACQUIRES) {
    for (const variant of variants) {
      const { ns, heapBytes, bufferBytes } = measure(variant, acquires);
      console.log(
        `${acquires}  ${variant.padEnd(27)} ${ns.toFixed(0).padStart(9)} ` +
          `${heapBytes.toFixed(0).padStart(13)} ${bufferBytes.toFixed(0).padStart(15)}`,
      );
    }
  }
}

main();
