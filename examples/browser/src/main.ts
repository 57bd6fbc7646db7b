/**
 * The page: both variants step their own copy of the same particle system, one frame each per
 * animation frame (alternating which goes first), timed with performance.now(). When the run is over
 * the chart shows both variants' frame times side by side. `?frames=` and `?particles=` size the run.
 */
import { chartSvg, COLOURS } from "./chart.js";
import { DEMO_API_KEY, VARIANTS } from "./demo-api.js";
import type { AnimatedRun, ChartShape, DemoApi, FrameSummary, Variant } from "./demo-api.js";
import { FrameTimes } from "./frame-times.js";
import { seededParticles } from "./particles.js";
import type { Particles } from "./particles.js";
import { stepPlain } from "./step-plain.js";
import { poolIsIdle, stepPooled } from "./step-pooled.js";

const STEPS: Readonly<Record<Variant, (particles: Particles, dt: number) => void>> = {
  pooled: stepPooled,
  plain: stepPlain,
};
const DT = 0.5;
const SEED = 20260401;

const query = new URLSearchParams(location.search);
const FRAMES = Number(query.get("frames") ?? 240);
const PARTICLES = Number(query.get("particles") ?? 4000);

function element<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (found === null) throw new Error(`index.html has no ${selector}`);
  return found;
}

function samePositions(a: Particles, b: Particles): boolean {
  return a.position.every((x, i) => Object.is(x, b.position[i]));
}

function draw(canvas: HTMLCanvasElement, particles: Particles): void {
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = COLOURS.pooled;
  const position = particles.position;
  for (let i = 0; i < particles.count; i++) {
    context.fillRect(
      position[2 * i]! * canvas.width,
      position[2 * i + 1]! * canvas.height,
      1.5,
      1.5,
    );
  }
}

function summaryRows(summaries: Readonly<Record<Variant, FrameSummary>>): string {
  return VARIANTS.map((variant) => {
    const s = summaries[variant];
    return `<tr data-variant="${variant}"><th style="color:${COLOURS[variant]}">${variant}</th>
      <td>${s.medianMs.toFixed(3)}</td><td>${s.p99Ms.toFixed(3)}</td><td>${s.maxMs.toFixed(3)}</td></tr>`;
  }).join("");
}

function animate(): Promise<AnimatedRun> {
  const systems = {
    pooled: seededParticles(PARTICLES, SEED),
    plain: seededParticles(PARTICLES, SEED),
  };
  const times = { pooled: new FrameTimes(FRAMES), plain: new FrameTimes(FRAMES) };
  const canvas = element<HTMLCanvasElement>("#particles");
  const status = element<HTMLElement>("#status");
  return new Promise((resolve) => {
    let frame = 0;
    const tick = (): void => {
      for (let k = 0; k < VARIANTS.length; k++) {
        const variant = VARIANTS[(frame + k) % VARIANTS.length]!;
        const start = performance.now();
        STEPS[variant](systems[variant], DT);
        times[variant].add(performance.now() - start);
      }
      draw(canvas, systems.pooled);
      status.textContent = `frame ${++frame} of ${FRAMES}`;
      if (frame < FRAMES) {
        requestAnimationFrame(tick);
        return;
      }
      const summaries = { pooled: times.pooled.summary(), plain: times.plain.summary() };
      const run: AnimatedRun = {
        particles: PARTICLES,
        summaries,
        sameResult: samePositions(systems.pooled, systems.plain),
        poolIdle: poolIsIdle(),
      };
      element<HTMLElement>("#chart").innerHTML = chartSvg(times, summaries);
      element<HTMLElement>("#summary tbody").innerHTML = summaryRows(summaries);
      status.textContent =
        `${FRAMES} frames of ${PARTICLES} particles; same result in both variants: ` +
        `${run.sameResult ? "yes" : "NO"}; pool idle after the run: ${run.poolIdle ? "yes" : "NO"}`;
      document.body.dataset.state = "done";
      resolve(run);
    };
    requestAnimationFrame(tick);
  });
}

function chartShape(): ChartShape {
  const svg = element<SVGSVGElement>("#chart svg");
  const points = (variant: Variant): number =>
    svg.querySelector(`polyline[data-variant="${variant}"]`)?.getAttribute("points")?.split(" ")
      .length ?? 0;
  return {
    points: { pooled: points("pooled"), plain: points("plain") },
    barHeights: Array.from(svg.querySelectorAll("rect[data-stat]"), (bar) =>
      Number(bar.getAttribute("height")),
    ),
    status: element<HTMLElement>("#status").textContent ?? "",
  };
}

const prepared: Partial<Record<Variant, Particles>> = {};

function preparedSystem(variant: Variant): Particles {
  const system = prepared[variant];
  if (system === undefined) throw new Error(`prepare("${variant}", count) first`);
  return system;
}

const api: DemoApi = {
  finished: animate(),
  prepare(variant, count) {
    prepared[variant] = seededParticles(count, SEED);
  },
  run(variant, frames) {
    const step = STEPS[variant];
    const system = preparedSystem(variant);
    for (let f = 0; f < frames; f++) step(system, DT);
  },
  positions(variant) {
    return Array.from(preparedSystem(variant).position);
  },
  poolIsIdle,
  chart: chartShape,
};
(globalThis as unknown as Record<string, DemoApi>)[DEMO_API_KEY] = api;
