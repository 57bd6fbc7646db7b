/**
 * `npm run demo:browser`: build the page, run it in headless Chromium, print both variants' frame
 * times and the garbage each collected, and save a screenshot of the chart. To watch it in a desktop
 * browser instead: `npm --workspace examples/browser run dev`, then open the URL Vite prints.
 */
import * as path from "node:path";
import { VARIANTS } from "../src/demo-api.js";
import { launchChromium, openPage } from "./chromium.js";
import { animatedRun } from "./demo-calls.js";
import { garbagePerVariant } from "./garbage-run.js";
import { EXAMPLE_DIR, buildPage } from "./page-build.js";

async function main(): Promise<void> {
  const outDir = path.join(EXAMPLE_DIR, "out", "demo");
  await buildPage(outDir);
  const browser = await launchChromium();
  try {
    const page = await openPage(browser, outDir, "frames=240&particles=4000");
    const animated = await animatedRun(page);
    console.log(`${animated.particles} particles, ${animated.summaries.pooled.frames} frames each`);
    for (const variant of VARIANTS) {
      const s = animated.summaries[variant];
      console.log(
        `  ${variant.padEnd(6)} median ${s.medianMs.toFixed(3)} ms  p99 ${s.p99Ms.toFixed(3)} ms  max ${s.maxMs.toFixed(3)} ms`,
      );
    }
    console.log(`  same result: ${animated.sameResult}, pool idle after: ${animated.poolIdle}`);
    const screenshot = path.join(EXAMPLE_DIR, "out", "screenshot.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${path.relative(process.cwd(), screenshot)}`);
    const options = { particles: 4000, warmUpFrames: 200, frames: 200 };
    const garbage = await garbagePerVariant(browser, page, options);
    console.log(
      `garbage over ${options.frames} back-to-back frames (after ${options.warmUpFrames} warm-up):`,
    );
    for (const variant of VARIANTS) {
      const g = garbage[variant];
      const growth = g.heapGrowthBytes - garbage.harness.heapGrowthBytes;
      console.log(
        `  ${variant.padEnd(6)} ${g.minorGcs} minor GCs, ${g.majorGcs} major GCs, ` +
          `heap ${growth >= 0 ? "+" : ""}${growth} bytes (net of the measuring's own ${garbage.harness.heapGrowthBytes})`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
