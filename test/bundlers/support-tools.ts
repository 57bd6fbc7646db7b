/**
 * Each bundler, installed from the lockfile (compat/bundlers), driven through its JS API with the
 * package's plugin, no ports opened. Every build returns the same shape: the bundle's text, its source
 * map, the file to run, and the warnings or the error the tool reported.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type { PoolsPluginOptions } from "unplugin-adaptive-array-pools/api" with {
  "resolution-mode": "import",
};

export interface BuildRequest {
  readonly root: string;
  readonly entry: string;
  readonly outDir: string;
  readonly plugin?: PoolsPluginOptions;
  readonly minify?: boolean;
}

export interface BuildOutput {
  /** The bundle to run, its text and its source map (undefined when the build failed). */
  readonly file: string | undefined;
  readonly code: string;
  readonly map: SourceMapJson | undefined;
  readonly warnings: readonly string[];
  /** The tool's error text when the build failed. */
  readonly error: string | undefined;
}

export interface SourceMapJson {
  readonly version: number;
  readonly sources: string[];
  readonly mappings: string;
}

export interface Tool {
  readonly name: string;
  version(): string;
  build(request: BuildRequest): Promise<BuildOutput>;
}

const RUNTIME = "adaptive-array-pools";

const requireHere = createRequire(__filename);

function versionOf(name: string): string {
  return (requireHere(`${name}/package.json`) as { version: string }).version;
}

function output(file: string, warnings: string[]): BuildOutput {
  const mapFile = `${file}.map`;
  return {
    file,
    code: readFileSync(file, "utf8"),
    map: existsSync(mapFile)
      ? (JSON.parse(readFileSync(mapFile, "utf8")) as SourceMapJson)
      : undefined,
    warnings,
    error: undefined,
  };
}

function failed(error: unknown, warnings: string[]): BuildOutput {
  const text =
    error instanceof Error ? `${error.message}\n${JSON.stringify(error)}` : String(error);
  return { file: undefined, code: "", map: undefined, warnings, error: text };
}

function bundleFileIn(dir: string): string {
  const file = readdirSync(dir).find((name) => /\.[cm]?js$/.test(name));
  if (file === undefined) throw new Error(`no bundle in ${dir}`);
  return path.join(dir, file);
}

export const vite: Tool = {
  name: "Vite",
  version: () => versionOf("vite"),
  async build(request) {
    const { build, createLogger } = await import("vite");
    const pools = (await import("unplugin-adaptive-array-pools/vite")).default;
    const warnings: string[] = [];
    const logger = createLogger("warn");
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = logger.warn;
    logger.error = () => undefined;
    logger.info = () => undefined;
    try {
      await build({
        root: request.root,
        configFile: false,
        logLevel: "warn",
        customLogger: logger,
        plugins: [pools(request.plugin)],
        build: {
          outDir: request.outDir,
          emptyOutDir: true,
          minify: request.minify ?? false,
          sourcemap: true,
          lib: { entry: request.entry, formats: ["es"], fileName: "bundle" },
          rollupOptions: { external: [RUNTIME] },
        },
      });
    } catch (error) {
      return failed(error, warnings);
    }
    return output(bundleFileIn(request.outDir), warnings);
  },
};

export const esbuild: Tool = {
  name: "esbuild",
  version: () => versionOf("esbuild"),
  async build(request) {
    const esbuild = await import("esbuild");
    const pools = (await import("unplugin-adaptive-array-pools/esbuild")).default;
    const outfile = path.join(request.outDir, "bundle.js");
    try {
      const result = await esbuild.build({
        absWorkingDir: request.root,
        entryPoints: [request.entry],
        bundle: true,
        format: "esm",
        platform: "node",
        external: [RUNTIME],
        outfile,
        sourcemap: true,
        minify: request.minify ?? false,
        logLevel: "silent",
        plugins: [pools(request.plugin)],
      });
      return output(
        outfile,
        result.warnings.map((warning) => warning.text),
      );
    } catch (error) {
      const errors = (error as { errors?: { text: string }[] }).errors ?? [];
      const warnings = (error as { warnings?: { text: string }[] }).warnings ?? [];
      return failed(
        errors.map((e) => e.text).join("\n") || error,
        warnings.map((w) => w.text),
      );
    }
  },
};

export const rolldown: Tool = {
  name: "Rolldown",
  version: () => versionOf("rolldown"),
  async build(request) {
    const { rolldown } = await import("rolldown");
    const pools = (await import("unplugin-adaptive-array-pools/rolldown")).default;
    const warnings: string[] = [];
    const file = path.join(request.outDir, "bundle.js");
    try {
      const bundle = await rolldown({
        cwd: request.root,
        input: request.entry,
        platform: "node",
        external: [RUNTIME],
        plugins: [pools(request.plugin)],
        onLog: (level, log) => {
          if (level === "warn") warnings.push(log.message);
        },
      });
      await bundle.write({ file, format: "esm", sourcemap: true, minify: request.minify ?? false });
      await bundle.close();
    } catch (error) {
      return failed(error, warnings);
    }
    return output(file, warnings);
  },
};

/** webpack with swc-loader: the TypeScript setup of a webpack user who does not type-check in it. */
export const webpack: Tool = {
  name: "webpack + swc-loader",
  version: () => `${versionOf("webpack")} + swc-loader ${versionOf("swc-loader")}`,
  async build(request) {
    const webpack = (await import("webpack")).default;
    const pools = (await import("unplugin-adaptive-array-pools/webpack")).default;
    const compiler = webpack({
      mode: "none",
      context: request.root,
      entry: request.entry,
      target: "node",
      devtool: "source-map",
      output: { path: request.outDir, filename: "bundle.cjs", library: { type: "commonjs2" } },
      externals: { [RUNTIME]: `commonjs ${RUNTIME}` },
      resolve: { extensions: [".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
      optimization: { minimize: request.minify ?? false },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: {
              loader: requireHere.resolve("swc-loader"),
              options: { jsc: { parser: { syntax: "typescript" }, target: "es2022" } },
            },
          },
        ],
      },
      plugins: [pools(request.plugin)],
    });
    const stats = await new Promise<import("webpack").Stats>((resolve, reject) =>
      compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
    );
    await new Promise((resolve) => compiler.close(resolve));
    const info = stats.toJson({ all: false, errors: true, warnings: true });
    const warnings = (info.warnings ?? []).map((warning) => warning.message);
    if (stats.hasErrors()) {
      return failed((info.errors ?? []).map((error) => error.message).join("\n"), warnings);
    }
    return output(path.join(request.outDir, "bundle.cjs"), warnings);
  },
};

export const TOOLS: readonly Tool[] = [vite, esbuild, rolldown, webpack];
