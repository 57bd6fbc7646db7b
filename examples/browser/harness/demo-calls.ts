/**
 * The page's DemoApi, called from Node. Each function body runs in the page (Playwright sends its
 * source), so it may use only its arguments: the API's key and plain values.
 */
import type { Page } from "playwright-core";
import { DEMO_API_KEY } from "../src/demo-api.js";
import type { AnimatedRun, ChartShape, DemoApi, Variant } from "../src/demo-api.js";

type Global = Record<string, DemoApi>;

/** The page's own animated run, once it has finished and drawn its chart. */
export function animatedRun(page: Page): Promise<AnimatedRun> {
  return page.evaluate((key) => (globalThis as unknown as Global)[key]!.finished, DEMO_API_KEY);
}

export function prepare(page: Page, variant: Variant, count: number): Promise<void> {
  return page.evaluate(([key, v, n]) => (globalThis as unknown as Global)[key]!.prepare(v, n), [
    DEMO_API_KEY,
    variant,
    count,
  ] as const);
}

export function run(page: Page, variant: Variant, frames: number): Promise<void> {
  return page.evaluate(([key, v, n]) => (globalThis as unknown as Global)[key]!.run(v, n), [
    DEMO_API_KEY,
    variant,
    frames,
  ] as const);
}

export function positions(page: Page, variant: Variant): Promise<number[]> {
  return page.evaluate(([key, v]) => (globalThis as unknown as Global)[key]!.positions(v), [
    DEMO_API_KEY,
    variant,
  ] as const);
}

export function poolIsIdle(page: Page): Promise<boolean> {
  return page.evaluate((key) => (globalThis as unknown as Global)[key]!.poolIsIdle(), DEMO_API_KEY);
}

export function chart(page: Page): Promise<ChartShape> {
  return page.evaluate((key) => (globalThis as unknown as Global)[key]!.chart(), DEMO_API_KEY);
}
