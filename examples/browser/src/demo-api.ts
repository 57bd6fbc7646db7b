/**
 * What the page exposes on `globalThis[DEMO_API_KEY]` for the browser test and the headless demo.
 * Kept free of DOM types: the harness that drives the page is compiled without the DOM lib.
 */

export type Variant = "pooled" | "plain";

export const VARIANTS: readonly Variant[] = ["pooled", "plain"];

export const DEMO_API_KEY = "aapParticles";

export interface FrameSummary {
  readonly frames: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface AnimatedRun {
  readonly particles: number;
  readonly summaries: Readonly<Record<Variant, FrameSummary>>;
  /** Both variants' particles ended at bit-identical positions. */
  readonly sameResult: boolean;
  /** The pool was back at depth 0 with nothing active after the run. */
  readonly poolIdle: boolean;
}

/** What the page shows once the animated run is over, read back from its DOM. */
export interface ChartShape {
  /** Points of each variant's frame-time line. */
  readonly points: Readonly<Record<Variant, number>>;
  /** Heights of the median and p99 bars, both variants. */
  readonly barHeights: readonly number[];
  readonly status: string;
}

export interface DemoApi {
  /** The page's own animated run (one frame of each variant per animation frame), chart drawn. */
  readonly finished: Promise<AnimatedRun>;
  /** A fresh seeded system of `count` particles for `variant` (this allocates; run() does not). */
  prepare(variant: Variant, count: number): void;
  /** `frames` steps of the prepared system, back to back. */
  run(variant: Variant, frames: number): void;
  /** The prepared system's positions now. */
  positions(variant: Variant): number[];
  poolIsIdle(): boolean;
  chart(): ChartShape;
}
