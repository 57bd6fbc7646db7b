/**
 * The two tools that transform on demand instead of bundling: Vite's dev server (middleware mode, no
 * listen, no websocket, no watcher; modules fetched with transformRequest) and Vitest (started
 * programmatically on a test file that runs the scenario and records what it printed).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import type { PoolsPluginOptions } from "unplugin-adaptive-array-pools/api" with {
  "resolution-mode": "import",
};
import type { SourceMapJson } from "./support-tools.js";

export interface DevTransform {
  readonly code: string;
  readonly map: SourceMapJson | undefined;
}

export interface DevServer {
  transform(url: string): Promise<DevTransform>;
  readonly warnings: string[];
  close(): Promise<void>;
}

export async function startViteDev(root: string, plugin?: PoolsPluginOptions): Promise<DevServer> {
  const { createServer, createLogger } = await import("vite");
  const pools = (await import("unplugin-adaptive-array-pools/vite")).default;
  const warnings: string[] = [];
  const logger = createLogger("warn");
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = logger.warn;
  logger.error = () => undefined;
  logger.info = () => undefined;
  const server = await createServer({
    root,
    configFile: false,
    logLevel: "warn",
    customLogger: logger,
    appType: "custom",
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [pools(plugin)],
  });
  return {
    warnings,
    async transform(url) {
      const result = await server.transformRequest(url);
      if (result === null) throw new Error(`Vite returned nothing for ${url}`);
      return { code: result.code, map: (result.map ?? undefined) as SourceMapJson | undefined };
    },
    close: () => server.close(),
  };
}

const VITEST_FILE = `import { writeFileSync } from "node:fs";
import { expect, test } from "vitest";

test("the scenario runs rewritten", async () => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(" "));
  try {
    await import("../src/all.js");
  } finally {
    console.log = log;
  }
  writeFileSync(new URL("../vitest-output.txt", import.meta.url), lines.join("\\n") + "\\n");
  const { pipeline } = await import("../src/steps.js");
  expect(String(pipeline)).toMatch(/const depth_\\d+ = pool\\.checkpoint\\(\\)/);
});
`;

export interface VitestRun {
  readonly passed: number;
  readonly failed: number;
  /** What the scenario printed inside Vitest. */
  readonly output: string;
}

export async function runVitest(root: string): Promise<VitestRun> {
  mkdirSync(path.join(root, "vitest"), { recursive: true });
  writeFileSync(path.join(root, "vitest", "scenario.test.ts"), VITEST_FILE);
  const { startVitest } = await import("vitest/node");
  const pools = (await import("unplugin-adaptive-array-pools/vite")).default;
  const vitest = await startVitest(
    "test",
    [],
    { root, config: false, watch: false, include: ["vitest/**/*.test.ts"], reporters: [{}] },
    { plugins: [pools()] },
  );
  try {
    const tests = vitest.state.getFiles().flatMap((file) => file.tasks);
    const passed = tests.filter((task) => task.result?.state === "pass").length;
    const failed = tests.length - passed;
    const output = readFileSync(path.join(root, "vitest-output.txt"), "utf8");
    return { passed, failed, output };
  } finally {
    await vitest.close();
  }
}
