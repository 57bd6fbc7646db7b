/**
 * The page's chart, as SVG markup: each frame's time for both variants (left) and their median and
 * p99 as bars side by side (right).
 */
import { VARIANTS } from "./demo-api.js";
import type { FrameSummary, Variant } from "./demo-api.js";
import type { FrameTimes } from "./frame-times.js";

export const COLOURS: Readonly<Record<Variant, string>> = { pooled: "#1f77b4", plain: "#ff7f0e" };

const WIDTH = 880;
const HEIGHT = 300;
const LINES = { x: 64, y: 20, width: 504, height: 240 };
const BARS = { x: 640, y: 20, width: 220, height: 240 };

function format(ms: number): string {
  if (ms === 0) return "0";
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

function axis(box: typeof LINES, top: number, label: string): string {
  const ticks = [0, 0.5, 1].map((f) => {
    const y = box.y + box.height * (1 - f);
    return `<line x1="${box.x - 4}" x2="${box.x + box.width}" y1="${y}" y2="${y}" stroke="#ddd"/>
      <text x="${box.x - 6}" y="${y + 4}" text-anchor="end" font-size="10">${format(top * f)}</text>`;
  });
  return `${ticks.join("")}<text x="${box.x + box.width / 2}" y="${box.y + box.height + 30}" text-anchor="middle" font-size="12">${label}</text>`;
}

function series(times: FrameTimes, top: number, variant: Variant): string {
  const step = LINES.width / Math.max(1, times.length - 1);
  const points: string[] = [];
  for (let i = 0; i < times.length; i++) {
    const y = LINES.y + LINES.height * (1 - Math.min(1, times.times[i]! / top));
    points.push(`${(LINES.x + i * step).toFixed(1)},${y.toFixed(1)}`);
  }
  return `<polyline data-variant="${variant}" fill="none" stroke="${COLOURS[variant]}" stroke-width="1.5" points="${points.join(" ")}"/>`;
}

function bars(summaries: Readonly<Record<Variant, FrameSummary>>, top: number): string {
  const groups: { label: string; pick: (s: FrameSummary) => number }[] = [
    { label: "median", pick: (s) => s.medianMs },
    { label: "p99", pick: (s) => s.p99Ms },
  ];
  const groupWidth = BARS.width / groups.length;
  const barWidth = groupWidth / (VARIANTS.length + 1);
  return groups
    .map((group, g) => {
      const rects = VARIANTS.map((variant, v) => {
        const value = group.pick(summaries[variant]);
        const height = BARS.height * Math.min(1, value / top);
        const x = BARS.x + g * groupWidth + (v + 0.5) * barWidth;
        const y = BARS.y + BARS.height - height;
        return `<rect data-variant="${variant}" data-stat="${group.label}" x="${x}" y="${y}" width="${barWidth - 2}" height="${height}" fill="${COLOURS[variant]}"/>
          <text x="${x + barWidth / 2}" y="${y - 4}" text-anchor="middle" font-size="10">${format(value)}</text>`;
      });
      const labelX = BARS.x + g * groupWidth + groupWidth / 2;
      return `${rects.join("")}<text x="${labelX}" y="${BARS.y + BARS.height + 14}" text-anchor="middle" font-size="12">${group.label}</text>`;
    })
    .join("");
}

export function chartSvg(
  times: Readonly<Record<Variant, FrameTimes>>,
  summaries: Readonly<Record<Variant, FrameSummary>>,
): string {
  // The lines' scale: a little above the slower variant's p99, so one outlier does not flatten them.
  const top = 1.2 * Math.max(...VARIANTS.map((v) => summaries[v].p99Ms), 0.001);
  const legend = VARIANTS.map(
    (variant, i) =>
      `<rect x="${LINES.x + 10 + i * 90}" y="${LINES.y + 6}" width="12" height="12" fill="${COLOURS[variant]}"/>
       <text x="${LINES.x + 26 + i * 90}" y="${LINES.y + 16}" font-size="12">${variant}</text>`,
  ).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="frame times, pooled and plain">
    ${axis(LINES, top, "frame time per frame")}
    ${VARIANTS.map((variant) => series(times[variant], top, variant)).join("")}
    ${legend}
    ${axis(BARS, top, "median and p99")}
    ${bars(summaries, top)}
  </svg>`;
}
