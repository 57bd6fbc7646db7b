import type { FrameSummary } from "./demo-api.js";

/** Per-frame times in milliseconds, recorded into a preallocated buffer. */
export class FrameTimes {
  readonly times: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
  }

  add(ms: number): void {
    this.times[this.length++] = ms;
  }

  summary(): FrameSummary {
    const sorted = this.times.slice(0, this.length).sort();
    const at = (q: number): number =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return { frames: this.length, medianMs: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
  }
}
