/**
 * The two TypeScript / ts-patch pairings this project supports, and how to run a real `tspc` build
 * with either. Shared by the integration test, the demo and the scope-overhead measurement.
 */
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import * as path from "node:path";

/** The repository root; this file runs as build/test/support/compilers.js. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/** The published transformer, as `npm run build` leaves it (what the example tsconfigs point at). */
export const DIST_TRANSFORMER = path.join(REPO_ROOT, "dist", "transformer", "index.js");

/**
 * Where the spawned tspc processes keep ts-patch's cache (the patched compiler, and the backup of the
 * original it rewrites on every run). Its default is node_modules/.cache, which would put every
 * build's writes inside the installed dependencies; build/ keeps them with this checkout's other
 * generated files, and across runs, so only the first build after a clean patches the compiler.
 */
const TS_PATCH_CACHE = path.join(REPO_ROOT, "build", "ts-patch-cache");

/** The environment every compiler process of the tests runs in. */
function compilerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TSP_CACHE_DIR: TS_PATCH_CACHE };
}

/**
 * The pairing's `ts-patch/compiler` (its TypeScript, patched in memory) loaded in this process, with
 * ts-patch's cache where the compiler processes keep it; ts-patch reads the variable on the first
 * load, so the process's environment is left as it was. Besides keeping writes out of node_modules,
 * this is what lets ts-patch 3.3 use its cache at all: it loads the cached patch only if the cache
 * also holds the patched typescript.d.ts, which its in-memory route never writes (4.0 no longer asks
 * for it) but `ts-patch install` does (the integration test runs it). Patching again costs some
 * 0.7 s of CPU per load.
 */
export function requirePatchedCompiler(pairing: CompilerPairing): unknown {
  const previous = process.env["TSP_CACHE_DIR"];
  process.env["TSP_CACHE_DIR"] = TS_PATCH_CACHE;
  try {
    return createRequire(__filename)(pairing.patchedCompiler);
  } finally {
    if (previous === undefined) delete process.env["TSP_CACHE_DIR"];
    else process.env["TSP_CACHE_DIR"] = previous;
  }
}

export interface CompilerPairing {
  /** e.g. "TypeScript 5.9.3 + ts-patch 3.3.0". */
  readonly label: string;
  readonly typescriptVersion: string;
  /** The folder whose node_modules holds this pairing's typescript and ts-patch. */
  readonly root: string;
  /** `tspc`'s script: run it with this Node, so the same call works wherever `.bin` shims differ. */
  readonly tspcScript: string;
  /** `ts-patch/compiler`: the in-memory patched TypeScript that ts-node, ts-jest and ts-loader use. */
  readonly patchedCompiler: string;
  /** The `ts-patch` command line (`ts-patch install` patches a TypeScript installation in place). */
  readonly tsPatchCli: string;
}

function versionOf(root: string, packageName: string): string {
  const manifest = path.join(root, "node_modules", packageName, "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

function pairingAt(root: string): CompilerPairing {
  const typescriptVersion = versionOf(root, "typescript");
  const tsPatch = path.join(root, "node_modules", "ts-patch");
  return {
    label: `TypeScript ${typescriptVersion} + ts-patch ${versionOf(root, "ts-patch")}`,
    typescriptVersion,
    root,
    tspcScript: path.join(tsPatch, "bin", "tspc.js"),
    patchedCompiler: path.join(tsPatch, "compiler"),
    tsPatchCli: path.join(tsPatch, "bin", "ts-patch.js"),
  };
}

/** TypeScript 5.9 + ts-patch 3.3 (the root's), then TypeScript 6.0 + ts-patch 4.0 (compat/ts6). */
export const PAIRINGS: readonly CompilerPairing[] = [
  pairingAt(REPO_ROOT),
  pairingAt(path.join(REPO_ROOT, "compat", "ts6")),
];

export interface BuildResult {
  readonly status: number | null;
  /** tsc prints its diagnostics on stdout. */
  readonly stdout: string;
  readonly stderr: string;
}

function tspcArgs(
  pairing: CompilerPairing,
  project: string,
  extraArgs: readonly string[],
): string[] {
  return [pairing.tspcScript, "-p", project, "--pretty", "false", ...extraArgs];
}

/**
 * `tspc -p <project>` with one pairing, run from the repository root as a user would; `extraArgs` are
 * further command-line options (e.g. `--outDir`).
 */
export function runTspc(
  pairing: CompilerPairing,
  project: string,
  extraArgs: readonly string[] = [],
): BuildResult {
  const args = tspcArgs(pairing, project, extraArgs);
  const result = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    env: compilerEnv(),
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** {@link runTspc} without blocking: independent builds of one test file run side by side. */
export function runTspcAsync(
  pairing: CompilerPairing,
  project: string,
  extraArgs: readonly string[] = [],
): Promise<BuildResult> {
  return runNode(tspcArgs(pairing, project, extraArgs), REPO_ROOT);
}

/**
 * Compiler processes of this test process running at once: one per core. A build costs seconds of
 * CPU, so more would only make each slower.
 */
const MAX_RUNNING = Math.max(1, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

/** A finished process hands its slot to the next one waiting, if any. */
function release(): void {
  const next = waiting.shift();
  if (next === undefined) running--;
  else next();
}

async function slot(): Promise<void> {
  if (running < MAX_RUNNING) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

/** A child's exit status and output once it closes; never rejects (a failed start is a null status). */
export function outputOf(child: ChildProcessWithoutNullStreams): Promise<BuildResult> {
  return new Promise<BuildResult>((resolve) => {
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => resolve({ status: null, stdout, stderr: String(error) }));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * `node <args>` in `cwd`, once a slot is free; never rejects (a failure to start is a null status
 * with the reason on stderr), so a build started ahead of its test cannot go unhandled.
 */
export async function runNode(args: readonly string[], cwd: string): Promise<BuildResult> {
  await slot();
  try {
    return await outputOf(spawn(process.execPath, args, { cwd, env: compilerEnv() }));
  } finally {
    release();
  }
}
