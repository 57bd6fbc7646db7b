/**
 * The project every bundler test builds: examples/pipeline and the guide's seed patterns
 * (examples/seed-patterns), copied into a throwaway folder that depends on the package the way users
 * do (node_modules/adaptive-array-pools, a symlink to this checkout), plus `all.ts`, which runs them
 * all and prints what they return and the pools' state. The reference is the same project built by
 * `tspc` with the plugin and run by Node.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PAIRINGS, REPO_ROOT, runNode, runTspcAsync } from "../support/compilers.js";

export interface ProjectFiles {
  readonly dir: string;
  readonly entry: string;
  /**
   * The pipeline alone (`main.ts`), for `pooling: false`: the seed pattern task-local-access reads
   * `activeCount`, which DISABLED_POOL does not have.
   */
  readonly unpooledEntry: string;
  remove(): void;
}

export interface Project extends ProjectFiles {
  /** `all.ts`'s output built by tspc with the plugin, and `main.ts`'s with `pooling: false`. */
  readonly tspcOutput: string;
  readonly tspcUnpooledOutput: string;
}

const ALL = `// Runs examples/pipeline and the five seed patterns; prints results and the pools' state.
import "./main.js";
import { getTaskLocalPool, poolStats } from "adaptive-array-pools";
import * as calling from "./seeds/calling-pooled-functions.js";
import * as manual from "./seeds/manual-checkpoint-rewind.js";
import * as asArgument from "./seeds/pool-as-argument.js";
import * as scopeOnly from "./seeds/scope-only.js";
import * as taskLocal from "./seeds/task-local-access.js";

const chunks = [[1, 2, 3], [4, 5], [6]];
console.log(\`calling.pipeline(10) = \${calling.pipeline(10)}\`);
console.log(\`mainComputation = \${asArgument.mainComputation(chunks)}\`);
console.log(\`mainPipeline = \${taskLocal.mainPipeline(chunks)} peak \${taskLocal.observed.peakActive}\`);
console.log(\`manualControl() = \${manual.manualControl()}\`);
console.log(\`orchestrate() = \${scopeOnly.orchestrate()}\`);
for (const pool of [getTaskLocalPool(), calling.pool, asArgument.pool]) {
  const { depth, activeBytes, types } = poolStats(pool);
  console.log(\`depth=\${depth} activeBytes=\${activeBytes} \${types.map((t) => \`\${t.type}:\${t.slots}\`).join(",")}\`);
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023", "ESNext.Disposable"],
    types: ["node"],
    module: "node16",
    moduleResolution: "node16",
    strict: true,
    skipLibCheck: true,
    rootDir: "src",
    sourceMap: true,
  },
  include: ["src"],
};

/** The project's files, in a new throwaway folder: what the bundlers build. */
export function writeProject(): ProjectFiles {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aap-bundlers-"));
  const src = path.join(dir, "src");
  cpSync(path.join(REPO_ROOT, "examples", "pipeline", "src"), src, { recursive: true });
  copySeedPatterns(path.join(src, "seeds"));
  writeFileSync(path.join(src, "all.ts"), ALL);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  linkPackages(dir);
  return {
    dir,
    entry: path.join(src, "all.ts"),
    unpooledEntry: path.join(src, "main.ts"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Both tspc reference builds of the project (run side by side, in children: the bundlers can build
 * meanwhile) and what the built programs print.
 */
export async function buildReferences(files: ProjectFiles): Promise<Project> {
  const [tspcOutput, tspcUnpooledOutput] = await Promise.all([
    buildWithTspc(files.dir, "out-tspc", {}, "all.js"),
    buildWithTspc(files.dir, "out-tspc-unpooled", { pooling: false }, "main.js"),
  ]);
  return { ...files, tspcOutput, tspcUnpooledOutput };
}

/** The seed patterns import the runtime by path and run as CommonJS main modules; users do neither. */
function copySeedPatterns(to: string): void {
  mkdirSync(to, { recursive: true });
  const from = path.join(REPO_ROOT, "examples", "seed-patterns");
  for (const name of readdirSync(from).filter((file) => file.endsWith(".ts"))) {
    const text = readFileSync(path.join(from, name), "utf8")
      .replaceAll('"../../runtime/index.js"', '"adaptive-array-pools"')
      .replaceAll("require.main === module", "false");
    writeFileSync(path.join(to, name), text);
  }
}

/** The package, its types for tspc, and the tools whose test files import them by name. */
function linkPackages(dir: string): void {
  const modules = path.join(dir, "node_modules");
  mkdirSync(modules);
  symlinkSync(REPO_ROOT, path.join(modules, "adaptive-array-pools"), "dir");
  for (const name of ["@types", "vitest"]) {
    symlinkSync(path.join(REPO_ROOT, "node_modules", name), path.join(modules, name), "dir");
  }
}

async function buildWithTspc(
  dir: string,
  outDir: string,
  plugin: Record<string, unknown>,
  entry: string,
): Promise<string> {
  const config = structuredClone(TSCONFIG) as typeof TSCONFIG & {
    compilerOptions: { plugins?: unknown[]; outDir?: string };
  };
  config.compilerOptions.outDir = outDir;
  config.compilerOptions.plugins = [{ transform: "adaptive-array-pools/transformer", ...plugin }];
  const tsconfig = path.join(dir, `tsconfig.${outDir}.json`);
  writeFileSync(tsconfig, JSON.stringify(config, null, 2));
  const build = await runTspcAsync(PAIRINGS[0]!, tsconfig);
  if (build.status !== 0) throw new Error(`tspc failed:\n${build.stdout}${build.stderr}`);
  return runProgram(path.join(dir, outDir, entry));
}

/**
 * Runs a built program with Node; throws with its stderr unless it exits 0 and writes no stderr. Does
 * not block: the bundler builds started ahead keep going meanwhile.
 */
export async function runProgram(file: string): Promise<string> {
  const run = await runNode([file], process.cwd());
  if (run.status !== 0 || run.stderr !== "") {
    throw new Error(`${file} exited ${run.status}:\n${run.stderr}`);
  }
  return run.stdout;
}

/** A small project whose one file has an AAP error, or only a warning. */
export function writeDiagnosticsProject(dir: string): { errorEntry: string; warningEntry: string } {
  const src = path.join(dir, "diag");
  mkdirSync(src, { recursive: true });
  const errorEntry = path.join(src, "escape.ts");
  writeFileSync(
    errorEntry,
    [
      'import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";',
      "const pool = new AdaptiveArrayPool();",
      "export const leak = withPool(pool, function leak(n: number) {",
      "  const a = acquire(pool, Float64Array, n);",
      "  return a;",
      "});",
      "console.log(leak(2).length);",
      "",
    ].join("\n"),
  );
  const warningEntry = path.join(src, "by-reference.ts");
  writeFileSync(
    warningEntry,
    [
      'import { AdaptiveArrayPool, withPool, zeros } from "adaptive-array-pools";',
      "const pool = new AdaptiveArrayPool();",
      "function body(n: number): number {",
      "  return zeros(pool, Float64Array, n).length;",
      "}",
      "export const byReference = withPool(pool, body);",
      "console.log(`byReference(3) = ${byReference(3)}`);",
      "",
    ].join("\n"),
  );
  return { errorEntry, warningEntry };
}

export { REPO_ROOT };
