/**
 * Debian's headless Chromium driven by playwright-core, with the built page served from memory by
 * request interception: no port is opened, nothing leaves the machine.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { DEMO_API_KEY } from "../src/demo-api.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless without a display; no sandbox (CI runs as root); nothing that reaches for the network.
 * Playwright adds a fresh temporary --user-data-dir itself.
 */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The page's made-up origin: `.invalid` never resolves, and every request to it is intercepted. */
const ORIGIN = "http://particles.invalid";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) ` +
        "or set CHROMIUM_PATH",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

/** Open the page built into `distDir`, with `query` as its search string; every other URL fails. */
export async function openPage(browser: Browser, distDir: string, query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    const file = path.join(distDir, path.normalize(decodeURIComponent(url.pathname)));
    if (url.origin !== ORIGIN || !file.startsWith(distDir) || !existsSync(file)) {
      await route.abort("blockedbyclient");
      return;
    }
    const contentType = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
    await route.fulfill({ status: 200, contentType, body: readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/index.html?${query}`);
  await page.waitForFunction((key) => key in globalThis, DEMO_API_KEY);
  if (errors.length > 0) throw new Error(`the page failed: ${errors.join("; ")}`);
  return page;
}
