/**
 * bench/results/latest.svg with Vega-Lite (rendered headless by Vega): time per op relative to the
 * hand-preallocated control, per contender, for the headline cases. vega and vega-lite are ESM-only,
 * hence the dynamic imports from this CommonJS build.
 */
import type { CaseSummary } from "../harness/aggregate.js";

const HEADLINE_CASES: readonly (readonly [string, string])[] = [
  ["W1", "n=16 f64"],
  ["W1", "n=1024 f64"],
  ["W2", "n=16"],
  ["W5", "sizes 1..4096, 3 levels"],
  ["W6", "16 functions, 1 site"],
];

/** Ratios to the control: 1 is the floor, so the axis starts just below it. */
const LOG_RATIO_SCALE = { type: "log", domainMin: 0.9 } as const;

interface Datum {
  panel: string;
  contender: string;
  ratio: number;
  gcs: number;
}

function chartData(cases: readonly CaseSummary[]): Datum[] {
  return HEADLINE_CASES.flatMap(([workload, label]) => {
    const c = cases.find((s) => s.workload === workload && s.caseLabel === label);
    if (c === undefined) return [];
    return c.contenders.map((s) => ({
      panel: `${workload} ${label}${c.invalid.length > 0 ? " (INVALID)" : ""}`,
      contender: s.contender,
      ratio: s.ratio,
      gcs: s.gcMedian,
    }));
  });
}

export async function renderChart(
  cases: readonly CaseSummary[],
  environment: string,
): Promise<string> {
  const vega = await import("vega");
  const vegaLite = await import("vega-lite");
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: {
      text: "Time per op relative to hand-preallocated (1 = the floor; log scale; red = GCs in the window)",
      subtitle: environment.slice(0, 140),
    },
    data: { values: chartData(cases) },
    facet: {
      row: {
        field: "panel",
        type: "nominal",
        title: null,
        header: { labelAngle: 0, labelAlign: "left" },
      },
    },
    spec: {
      width: 460,
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: { field: "contender", type: "nominal", sort: null, title: null },
            x: {
              field: "ratio",
              type: "quantitative",
              scale: LOG_RATIO_SCALE,
              title: "x hand-preallocated",
            },
            // A log scale has no zero: without an explicit baseline the bars render with no width.
            x2: { datum: 1 },
            color: {
              condition: { test: "datum.gcs > 0", value: "#d62728" },
              value: "#1f77b4",
            },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 3, fontSize: 10 },
          encoding: {
            y: { field: "contender", type: "nominal", sort: null },
            x: { field: "ratio", type: "quantitative", scale: LOG_RATIO_SCALE },
            text: { field: "ratio", type: "quantitative", format: ".2f" },
          },
        },
      ],
    },
    resolve: { scale: { y: "independent" } },
  };
  // The spec is built as plain data; vega-lite's TopLevelSpec union is too deep to spell out here.
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0], {
    logger: vega.logger(vega.Error),
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
