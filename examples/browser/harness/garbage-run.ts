/**
 * The garbage measurement both the test and the demo make: warm both variants up (so V8 has optimised
 * them and the pool holds every array it will hand out), then measure `frames` back-to-back frames of
 * each variant on a freshly prepared system, and the same call running no frame at all: the heap the
 * measuring itself takes (Playwright's evaluate, the protocol), to subtract from the others.
 */
import type { Browser, Page } from "playwright-core";
import { VARIANTS } from "../src/demo-api.js";
import type { Variant } from "../src/demo-api.js";
import { prepare, run } from "./demo-calls.js";
import { measureGarbage } from "./garbage.js";
import type { GarbageReport } from "./garbage.js";

export interface GarbageRunOptions {
  readonly particles: number;
  readonly warmUpFrames: number;
  readonly frames: number;
}

export async function garbagePerVariant(
  browser: Browser,
  page: Page,
  options: GarbageRunOptions,
): Promise<Record<Variant | "harness", GarbageReport>> {
  for (const variant of VARIANTS) {
    await prepare(page, variant, options.particles);
    await run(page, variant, options.warmUpFrames);
  }
  const measure = async (variant: Variant, frames: number): Promise<GarbageReport> => {
    await prepare(page, variant, options.particles);
    return measureGarbage(browser, page, () => run(page, variant, frames));
  };
  return {
    harness: await measure("pooled", 0),
    pooled: await measure("pooled", options.frames),
    plain: await measure("plain", options.frames),
  };
}
