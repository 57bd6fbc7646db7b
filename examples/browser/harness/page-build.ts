/**
 * Build the page with Vite's JavaScript API and the example's own vite.config.mts, as
 * `npx vite build` in examples/browser would, into a folder of the caller's choice.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Vite from "vite" with { "resolution-mode": "import" };

/** examples/browser (this file runs as build/examples/browser/harness/page-build.js). */
export const EXAMPLE_DIR = path.resolve(__dirname, "..", "..", "..", "..", "examples", "browser");

/** The example's own Vite, wherever npm placed it. */
async function exampleVite(): Promise<typeof Vite> {
  const entry = createRequire(path.join(EXAMPLE_DIR, "package.json")).resolve("vite");
  return (await import(pathToFileURL(entry).href)) as typeof Vite;
}

export interface BuiltPage {
  readonly outDir: string;
  /** The emitted JavaScript, for checks on what the plugin did to it. */
  readonly scripts: readonly { readonly fileName: string; readonly code: string }[];
}

export async function buildPage(outDir: string): Promise<BuiltPage> {
  const vite = await exampleVite();
  const output = await vite.build({
    configFile: path.join(EXAMPLE_DIR, "vite.config.mts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  const results = Array.isArray(output) ? output : [output];
  const scripts = results.flatMap((result) =>
    "output" in result
      ? result.output.flatMap((chunk) =>
          chunk.type === "chunk" ? [{ fileName: chunk.fileName, code: chunk.code }] : [],
        )
      : [],
  );
  return { outDir, scripts };
}
