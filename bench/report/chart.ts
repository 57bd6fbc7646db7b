/**
 * bench/results/latest.svg with Vega-Lite (rendered headless by Vega): time per op relative to the
 * dyn floor, per contender, for the headline cases. vega and vega-lite live in bench/peers and are
 * ESM-only, hence the dynamic imports from this CommonJS build.
 */
import type { CaseSummary } from "../harness/aggregate.js";
import { importPeer } from "../harness/peers.js";
import { W1_ONE, W1_THREE } from "./bars.js";

/** The parts of vega and vega-lite the chart uses (the packages are not in the root install). */
interface VegaModule {
  readonly Error: number;
  logger(level: number): unknown;
  parse(spec: object): unknown;
  View: new (
    runtime: unknown,
    options: { renderer: "none" },
  ) => { toSVG(): Promise<string>; finalize(): void };
}
interface VegaLiteModule {
  compile(spec: object, options: { logger: unknown }): { spec: object };
}

const HEADLINE_CASES: readonly (readonly [string, string])[] = [
  ["W1", W1_ONE],
  ["W1", W1_THREE],
  ["W2", "n=16"],
  ["W3", "2000 bodies"],
  ["W6", "16 functions, 1 site"],
];

/** Ratios to the dyn floor: 1 is that floor; the constant-folded one sits below it, hence 0.5. */
const LOG_RATIO_SCALE = { type: "log", domainMin: 0.5 } as const;

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
      ratio: s.ratio.median,
      gcs: s.gcMedian,
    }));
  });
}

/** The Vega-Lite spec of the chart (plain data; rendering needs vega from bench/peers). */
export function chartSpec(cases: readonly CaseSummary[], environment: string): object {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: {
      text: "Time per op relative to the dyn floor (1 = a preallocated buffer in a mutable field; log scale; red = GCs)",
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
              title: "x dyn floor",
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
}

export async function renderChart(
  cases: readonly CaseSummary[],
  environment: string,
): Promise<string> {
  const vega = await importPeer<VegaModule>("vega");
  const vegaLite = await importPeer<VegaLiteModule>("vega-lite");
  const spec = chartSpec(cases, environment);
  const compiled = vegaLite.compile(spec, { logger: vega.logger(vega.Error) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
