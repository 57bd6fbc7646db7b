/**
 * Compiles one scenario with TurboFan, deterministically: warm it up for feedback (the first calls
 * take the miss path once, as in a real program), then optimise it on the next call. Run by check.ts
 * as `node --allow-natives-syntax --trace-turbo-inlining --turbo-filter=<scenario> child.js <scenario>`.
 */
import { SCENARIOS } from "./scenarios.js";
import type { ScenarioName } from "./scenarios.js";

const name = process.argv[2] as ScenarioName;
const scenario = SCENARIOS[name];
if (scenario === undefined) throw new Error(`unknown scenario ${name}`);

// Natives syntax is only legal in code parsed with --allow-natives-syntax, hence Function.
const prepare = new Function("f", "%PrepareFunctionForOptimization(f);") as (f: unknown) => void;
const optimize = new Function("f", "%OptimizeFunctionOnNextCall(f);") as (f: unknown) => void;
const status = new Function("f", "return %GetOptimizationStatus(f);") as (f: unknown) => number;

prepare(scenario);
for (let i = 0; i < 2000; i++) scenario(i & 1023);
optimize(scenario);
scenario(7);
// Bit 4 (16) of V8's optimisation status: the function runs TurboFan code.
console.log(`[inlining-check] turbofanned=${(status(scenario) & 16) !== 0}`);
