/**
 * The browser example built with Vite and run in real headless Chromium: both
 * variants compute the same positions, the chart shows both, the pooled frames collect no garbage and
 * the plain frames (the control) do, counted through the DevTools protocol. Serves the page by request
 * interception: no port, no display. AAP_BROWSER_FRAMES sets the measured frames (default 100);
 * POOL_TEST_VERBOSE=1 prints the measured numbers.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { launchChromium, openPage } from "../../examples/browser/harness/chromium.js";
import {
  animatedRun,
  chart,
  positions,
  prepare,
  run,
} from "../../examples/browser/harness/demo-calls.js";
import { garbagePerVariant } from "../../examples/browser/harness/garbage-run.js";
import { EXAMPLE_DIR, buildPage } from "../../examples/browser/harness/page-build.js";
import type { BuiltPage } from "../../examples/browser/harness/page-build.js";
import { REPO_ROOT } from "../support/compilers.js";

const ANIMATED_FRAMES = 40;
const PARTICLES = 2000;
const MEASURED_FRAMES = Number(process.env.AAP_BROWSER_FRAMES ?? 100);

/**
 * `tsc -p examples/browser` (lib ES2022 + DOM, no @types/node), in a child beside the suite. The page's
 * sources and the package's declarations are checked; TypeScript's own lib files are not
 * (`--skipDefaultLibCheck`): checking lib.dom.d.ts was half the run and tests TypeScript, not us.
 */
const pageTypeCheck = new Promise<{ status: number | null; output: string }>((resolve, reject) => {
  const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  const config = path.join(EXAMPLE_DIR, "tsconfig.json");
  const args = [tsc, "-p", config, "--pretty", "false", "--skipDefaultLibCheck"];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.on("error", reject);
  child.on("close", (status) => resolve({ status, output }));
});

const outDir = path.join(EXAMPLE_DIR, "out", `test-${process.pid}`);
let browser: Browser | undefined;
let page: Page;
let built: BuiltPage;

test.before(async () => {
  // Chromium starts while Vite builds the page: neither needs the other.
  const launched = launchChromium();
  try {
    built = await buildPage(outDir);
  } finally {
    browser = await launched;
  }
  page = await openPage(browser, outDir, `frames=${ANIMATED_FRAMES}&particles=${PARTICLES}`);
});

test.after(async () => {
  await browser?.close();
  rmSync(outDir, { recursive: true, force: true });
});

test("the page type-checks as a browser project: lib ES2022 + DOM, no @types/node", async () => {
  const { status, output } = await pageTypeCheck;
  assert.is(output, "", "no diagnostics");
  assert.is(status, 0);
});

test("the Vite build holds both pooled functions' scopes inline and no marker call", () => {
  const code = built.scripts.map((script) => script.code).join("\n");
  assert.ok(built.scripts.length > 0, "the build emitted a script");
  // Minified as Vite builds it: `let n=H.checkpoint();try{...}finally{H.rewind(n)}`.
  const scopes = code.match(/\.checkpoint\(\);try\{/g)?.length ?? 0;
  assert.is(scopes, 2, "stepPooled and accelerate, each a checkpoint / try / finally rewind");
  // The fallback's argument check is reachable only through a withPool / maybeWithPool call: with
  // every marker rewritten, the bundler drops it.
  assert.not.match(code, "expects a function", "no marker call left for the fallback");
});

test("the animated run: same positions in both variants, the pool idle after, both charted", async () => {
  const animated = await animatedRun(page);
  assert.is(animated.sameResult, true, "bit-identical positions");
  assert.is(animated.poolIdle, true, "depth 0, nothing active");
  assert.is(animated.summaries.pooled.frames, ANIMATED_FRAMES);
  assert.is(animated.summaries.plain.frames, ANIMATED_FRAMES);
  const shown = await chart(page);
  assert.equal(
    shown.points,
    { pooled: ANIMATED_FRAMES, plain: ANIMATED_FRAMES },
    "a point per frame",
  );
  assert.is(shown.barHeights.length, 4, "median and p99 bars for both variants");
  assert.ok(
    shown.barHeights.every((h) => h > 0),
    `every bar is visible: ${shown.barHeights}`,
  );
  assert.match(shown.status, "same result in both variants: yes");
});

test("pooled and plain frames compute bit-identical positions", async () => {
  await prepare(page, "pooled", 1000);
  const start = await positions(page, "pooled");
  await prepare(page, "plain", 1000);
  await run(page, "pooled", 60);
  await run(page, "plain", 60);
  const pooled = await positions(page, "pooled");
  assert.equal(pooled, await positions(page, "plain"));
  assert.ok(
    pooled.some((x, i) => x !== start[i]),
    "the particles moved",
  );
});

test("pooled frames collect no garbage; plain frames, the control, do", async () => {
  const garbage = await garbagePerVariant(browser!, page, {
    particles: PARTICLES,
    warmUpFrames: 200,
    frames: MEASURED_FRAMES,
  });
  const report = JSON.stringify(garbage);
  assert.is(garbage.pooled.minorGcs, 0, `no scavenge in pooled frames: ${report}`);
  assert.is(garbage.pooled.majorGcs, 0, `no mark-compact in pooled frames: ${report}`);
  // One 16-byte object per acquire would be 2 * PARTICLES * MEASURED_FRAMES * 16 bytes (6 MB).
  const pooledGrowth = garbage.pooled.heapGrowthBytes - garbage.harness.heapGrowthBytes;
  assert.ok(
    Math.abs(pooledGrowth) < 2048,
    `pooled frames grew the heap by ${pooledGrowth} B: ${report}`,
  );
  assert.ok(garbage.plain.minorGcs > 0, `plain frames scavenge: ${report}`);
  if (process.env.POOL_TEST_VERBOSE)
    console.log(`    garbage over ${MEASURED_FRAMES} frames of ${PARTICLES} particles: ${report}`);
});

test.run();
