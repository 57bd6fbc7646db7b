/**
 * How much garbage a stretch of page code collected, seen through the DevTools protocol: the garbage
 * collections V8 ran in the page's renderer while it ran (counted from a trace), and the page's JS
 * heap before and after (Runtime.getHeapUsage). The heap is collected first, so a collection inside
 * the window can only come from what the window itself allocated.
 */
import type { Browser, Page } from "playwright-core";

export interface GarbageReport {
  /** Scavenges of the young generation. */
  readonly minorGcs: number;
  /** Mark-compact collections of the whole heap. */
  readonly majorGcs: number;
  /** Used JS heap after minus before, in bytes (may be negative when a collection ran). */
  readonly heapGrowthBytes: number;
}

/** The timeline category carries the MinorGC / MajorGC events DevTools' Performance panel shows. */
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8"];

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/** The renderer main threads ("CrRendererMain"), by pid:tid, from the trace's metadata events. */
function rendererMainThreads(events: readonly TraceEvent[]): Set<string> {
  const threads = new Set<string>();
  for (const event of events) {
    if (event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain") {
      threads.add(`${event.pid}:${event.tid}`);
    }
  }
  return threads;
}

function countGcs(trace: Buffer): { minor: number; major: number } {
  const events = (JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = rendererMainThreads(events);
  let minor = 0;
  let major = 0;
  for (const event of events) {
    // Complete ("X") or begin ("B") events; an "E" closes a "B" already counted.
    if ((event.ph !== "X" && event.ph !== "B") || !main.has(`${event.pid}:${event.tid}`)) continue;
    if (event.name === "MinorGC") minor++;
    else if (event.name === "MajorGC") major++;
  }
  return { minor, major };
}

export async function measureGarbage(
  browser: Browser,
  page: Page,
  action: () => Promise<void>,
): Promise<GarbageReport> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const before = await cdp.send("Runtime.getHeapUsage");
    await browser.startTracing(page, { categories: CATEGORIES });
    await action();
    const trace = await browser.stopTracing();
    const after = await cdp.send("Runtime.getHeapUsage");
    const { minor, major } = countGcs(trace);
    return { minorGcs: minor, majorGcs: major, heapGrowthBytes: after.usedSize - before.usedSize };
  } finally {
    await cdp.detach();
  }
}
