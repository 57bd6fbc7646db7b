import { PerformanceObserver } from "node:perf_hooks";
import type { PerformanceEntry } from "node:perf_hooks";
import v8 from "node:v8";

export interface GcReading {
  readonly count: number;
  readonly pauseMs: number;
  /** V8-heap bytes allocated between start and stop (external ArrayBuffer memory is not counted). */
  readonly heapBytes: number;
}

interface HeapSnapshotPair {
  beforeGC: { heapStatistics: { usedHeapSize: number } };
  afterGC: { heapStatistics: { usedHeapSize: number } };
}

/**
 * Counts garbage collections inside a time window. Entries from PerformanceObserver arrive
 * asynchronously, so they are filtered by start time once the window is closed; forced collections
 * (the `gc()` before measuring) fall outside the window. Allocated bytes come from v8.GCProfiler:
 * the heap grows by what was allocated between collections, so summing (used before a GC - used
 * after the previous one) plus the growth since the last GC gives the bytes allocated in the window.
 */
export class GcMeter {
  private readonly entries: PerformanceEntry[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.entries.push(entry);
  });
  private readonly profiler = new v8.GCProfiler();
  private usedAtStart = 0;

  constructor() {
    this.observer.observe({ entryTypes: ["gc"] });
  }

  start(): void {
    this.usedAtStart = v8.getHeapStatistics().used_heap_size;
    this.profiler.start();
  }

  /** Stop profiling; call `read` after the observer had a chance to deliver (one macrotask later). */
  stop(): number {
    const usedAtEnd = v8.getHeapStatistics().used_heap_size;
    // @types/node declares snake_case heap fields; Node 20 actually reports camelCase ones.
    const profile = this.profiler.stop() as unknown as { statistics: HeapSnapshotPair[] };
    let allocated = 0;
    let previousAfter = this.usedAtStart;
    for (const gc of profile.statistics) {
      allocated += Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - previousAfter);
      previousAfter = gc.afterGC.heapStatistics.usedHeapSize;
    }
    return allocated + Math.max(0, usedAtEnd - previousAfter);
  }

  read(windowStart: number, windowEnd: number, heapBytes: number): GcReading {
    let count = 0;
    let pauseMs = 0;
    for (const entry of this.entries) {
      if (entry.startTime >= windowStart && entry.startTime <= windowEnd) {
        count++;
        pauseMs += entry.duration;
      }
    }
    this.observer.disconnect();
    return { count, pauseMs, heapBytes };
  }
}
