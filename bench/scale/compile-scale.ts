/**
 * Compile-time growth of the transformer: N `using _ = poolScope(pool)` statements in one block, and
 * an N-term expression in a pooled body, through `transformSource` (the plugin's rewrite, escape
 * analysis included) next to plain `ts.transpileModule` of the same text. Each size runs in a fresh
 * process (no warm JIT carried between sizes), median of the rounds; the growth exponent is the
 * least-squares slope of log(time) over log(N). Near-linear means an exponent near 1.
 *
 *   npm run build && node build/bench/scale/compile-scale.js [--rounds 3]
 */
import { spawnSync } from "node:child_process";
import * as ts from "typescript";
import { transformSource } from "../../transformer/index.js";
import { scaleProgram } from "../../test/transformer/support-differential.js";

const USINGS = [100, 200, 400, 800, 1600];
const TERMS = [500, 1000, 2000, 4000];

type Shape = "usings" | "terms";

function programOf(shape: Shape, n: number): string {
  return shape === "usings" ? scaleProgram(n, 1) : scaleProgram(1, n);
}

/** One measurement, in this process: milliseconds for the plugin and for plain TypeScript. */
function measureOnce(shape: Shape, n: number): { plugin: number; plain: number } {
  const code = programOf(shape, n);
  const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext };
  // Warm TypeScript itself (its first call loads and compiles its own code).
  ts.transpileModule("const x = 1;", { compilerOptions: options });
  let start = performance.now();
  ts.transpileModule(code, { compilerOptions: options });
  const plain = performance.now() - start;
  start = performance.now();
  const result = transformSource(code, { ts, compilerOptions: options });
  const plugin = performance.now() - start;
  if (result.diagnostics.length > 0) throw new Error(`${shape} ${n}: diagnostics reported`);
  return { plugin, plain };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Least-squares slope of log(y) against log(x). */
function growthExponent(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  return num / den;
}

function inFreshProcess(shape: Shape, n: number): { plugin: number; plain: number } {
  const run = spawnSync(process.execPath, [__filename, "--one", shape, String(n)], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`${shape} ${n} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { plugin: number; plain: number };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === "--one") {
    process.stdout.write(JSON.stringify(measureOnce(args[1] as Shape, Number(args[2]))));
    return;
  }
  const roundsIndex = args.indexOf("--rounds");
  const rounds = roundsIndex >= 0 ? Number(args[roundsIndex + 1]) : 3;
  for (const [shape, sizes] of [
    ["usings", USINGS],
    ["terms", TERMS],
  ] as const) {
    const plugin: number[] = [];
    const plain: number[] = [];
    for (const n of sizes) {
      const samples = Array.from({ length: rounds }, () => inFreshProcess(shape, n));
      plugin.push(median(samples.map((s) => s.plugin)));
      plain.push(median(samples.map((s) => s.plain)));
      console.log(
        `${shape.padEnd(6)} N=${String(n).padStart(5)}  plugin ${plugin.at(-1)!.toFixed(0).padStart(6)} ms  plain ${plain.at(-1)!.toFixed(0).padStart(6)} ms`,
      );
    }
    console.log(
      `${shape}: growth exponent plugin ${growthExponent(sizes, plugin).toFixed(2)}, plain TypeScript ${growthExponent(sizes, plain).toFixed(2)}`,
    );
  }
}

main();
