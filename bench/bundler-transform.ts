/**
 * Per-file cost of the bundler package's transform (`npm run build && node build/bench/bundler-transform.js`):
 * the one-time start-up (loading its TypeScript and the transformer, then the first file) in fresh
 * processes, and the median per call for a small file and a 400-line file with 40 markers, for the
 * TypeScript-out route the plugin uses (parse, rewrite, print only the changes, splice) and, for the
 * record, the JavaScript-out route (transformSource: TypeScript's whole emit), plus a file that does
 * not name the runtime (the text pre-filter only). `BENCH_RUNS` (default 200) sets calls per median.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = path.resolve(__dirname, "..", "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 200);
const STARTUPS = Number(process.env["BENCH_STARTUPS"] ?? 5);

const SMALL = readFileSync(
  path.join(ROOT, "fixtures", "with-pool-function-expression", "input.ts"),
  "utf8",
);

/** 40 pooled functions of 9 lines each and a blank line: a 403-line module with 40 markers. */
function largeFile(): string {
  const lines = [
    'import { AdaptiveArrayPool, acquire, withPool, zeros } from "adaptive-array-pools";',
    "",
    "const pool = new AdaptiveArrayPool();",
  ];
  for (let i = 0; i < 40; i++) {
    lines.push(
      `export const kernel${i} = withPool(pool, function kernel${i}(xs: Float64Array, n: number): number {`,
      `  const a = zeros(pool, Float64Array, n);`,
      `  const b: Float64Array = acquire(pool, Float64Array, n);`,
      `  for (let j = 0; j < n; j++) {`,
      `    a[j] = xs[j]! * ${i + 1};`,
      `    b[j] = a[j]! + 1;`,
      `  }`,
      `  return b.reduce((total, v) => total + v, 0);`,
      `});`,
      "",
    );
  }
  return lines.join("\n") + "\n";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeCalls(call: () => unknown): number {
  for (let i = 0; i < 20; i++) call();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    call();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A fresh process: import the package, rewrite the small file once; returns ms from start. */
function startupChild(): void {
  const start = performance.now();
  void import("unplugin-adaptive-array-pools/api").then(({ rewriteModule }) => {
    rewriteModule(SMALL, "small.ts");
    process.stdout.write(String(performance.now() - start));
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === "--startup-child") return startupChild();
  const { rewriteModule } = await import("unplugin-adaptive-array-pools/api");
  const requireFromPlugin = createRequire(path.join(ROOT, "unplugin", "package.json"));
  const ts = requireFromPlugin("typescript") as typeof import("typescript");
  const { transformSource } = await import("../transformer/transform-source.js");
  const large = largeFile();
  const startups: number[] = [];
  for (let i = 0; i < STARTUPS; i++) {
    const child = spawnSync(process.execPath, [__filename, "--startup-child"], {
      encoding: "utf8",
    });
    startups.push(Number(child.stdout));
  }
  const plain = "export const x: number = 1;\n".repeat(400);
  const rows: [string, number][] = [
    ["start-up (fresh process: load + first small file)", median(startups)],
    ["small file (TypeScript out)", timeCalls(() => rewriteModule(SMALL, "small.ts"))],
    ["400 lines, 40 markers (TypeScript out)", timeCalls(() => rewriteModule(large, "large.ts"))],
    [
      "small file (JavaScript out, transformSource)",
      timeCalls(() => transformSource(SMALL, { ts })),
    ],
    ["400 lines, 40 markers (JavaScript out)", timeCalls(() => transformSource(large, { ts }))],
    [
      "400 lines not naming the runtime (pre-filter)",
      timeCalls(() => rewriteModule(plain, "plain.ts")),
    ],
  ];
  console.log(`bundler transform, ${ts.version}, Node ${process.version}, median of ${RUNS} calls`);
  for (const [name, ms] of rows) console.log(`${name.padEnd(50)} ${ms.toFixed(3)} ms`);
  console.log(
    `(large file: ${large.split("\n").length - 1} lines, ${large.match(/withPool\(/g)!.length} markers)`,
  );
}

void main();
