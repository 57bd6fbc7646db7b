// `npm run test:unit`: every compiled test file (build/test/**/*.test.js whose test/**/*.test.ts still
// exists, so a deleted test's stale output never runs) under uvu, split across worker processes that run
// in parallel. Each worker's report is printed whole, in turn, then one combined summary in uvu's own
// format (CI reads its Total: and Passed: lines).
//
// Files are dealt to workers longest first, by the durations the last run recorded in
// build/test-durations.json; a file with no record counts as long. TEST_WORKERS sets the number of
// workers (default 2, the cores of the machine the 40 s budget is measured on; 1 runs everything in one).
// A worker runs its files in one uvu process, except a test file whose source has a line starting
// `// test-runner: own process`: that one runs in a process of its own, after the shared one, on the
// same worker. It is for a file that depends on the process's garbage collector: one whose cost is
// full collections (a multi-GiB typed array makes V8 collect the whole heap, several times if the
// allocation fails) or one that counts collections, so it must not share a heap with the compilers
// and bundlers other files load; the line says why.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUILD_TESTS = path.join(ROOT, "build", "test");
const DURATIONS_FILE = path.join(ROOT, "build", "test-durations.json");
const UVU_BIN = path.join(ROOT, "node_modules", "uvu", "bin.js");
/** Colour codes, so the parent can read the lines uvu prints. */
const ANSI = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/** Test files as uvu names them: paths relative to build/test, with forward slashes. */
function testFiles(dir = BUILD_TESTS, prefix = "") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return testFiles(path.join(dir, entry.name), relative + "/");
    if (!entry.name.endsWith(".test.js")) return [];
    return existsSync(sourceOf(relative)) ? [relative] : [];
  });
}

/** The TypeScript source of a compiled test file (its .test.ts under test/). */
function sourceOf(file) {
  return path.join(ROOT, "test", file.replace(/\.js$/, ".ts"));
}

const OWN_PROCESS = /^\/\/ test-runner: own process/m;
/** Node options of the shared uvu process and of everything it spawns (see processesOf). */
const SHARED_NODE_OPTIONS = "--max-semi-space-size=32";

/**
 * A worker's uvu processes, run one after the other: the shared one, then each loner. The shared
 * process and every compiler, bundler and program it spawns get a 32 MB young generation (Node 20's
 * default is 16): TypeScript allocates fast, and halving its scavenges cut the suite's CPU by about
 * 8%. A loner keeps the defaults, since what it measures is the collector as users get it.
 */
function processesOf(files) {
  const alone = files.filter((file) => OWN_PROCESS.test(readFileSync(sourceOf(file), "utf8")));
  const shared = files.filter((file) => !alone.includes(file));
  const groups = [
    { files: shared, nodeOptions: SHARED_NODE_OPTIONS },
    ...alone.map((file) => ({ files: [file], nodeOptions: "" })),
  ];
  return groups.filter((group) => group.files.length > 0);
}

/** The environment of a uvu process: the runner's, with `nodeOptions` added to NODE_OPTIONS. */
function processEnv(nodeOptions) {
  const inherited = process.env.NODE_OPTIONS ?? "";
  return {
    ...process.env,
    FORCE_COLOR: process.env.FORCE_COLOR ?? "1",
    NODE_OPTIONS: [inherited, nodeOptions].filter((part) => part !== "").join(" "),
  };
}

function readDurations() {
  try {
    return JSON.parse(readFileSync(DURATIONS_FILE, "utf8"));
  } catch {
    return {};
  }
}

/** Longest processing time first: each file goes to the worker with the least work so far. */
function deal(files, durations, workers) {
  const unknown = Math.max(1, ...Object.values(durations));
  const weight = (file) => durations[file] ?? unknown;
  const shards = Array.from({ length: workers }, () => ({ files: [], load: 0 }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = shards.reduce((best, shard) => (shard.load < best.load ? shard : best));
    lightest.files.push(file);
    lightest.load += weight(file);
  }
  return shards.filter((shard) => shard.files.length > 0).map((shard) => shard.files.sort());
}

/** A regular expression uvu's pattern argument matches against exactly these files. */
function patternFor(files) {
  const escaped = files.map((file) => file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return `^(${escaped.join("|")})$`;
}

/** A worker: its uvu processes in turn, one result each. */
async function runWorker(files) {
  const results = [];
  for (const group of processesOf(files))
    results.push(await runProcess(group.files, group.nodeOptions));
  return results;
}

/**
 * One uvu process over `files`. uvu prints a file's name as it starts it, so the time between two
 * names is the earlier file's duration.
 */
function runProcess(files, nodeOptions) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--expose-gc", UVU_BIN, BUILD_TESTS, patternFor(files)],
      { cwd: ROOT, env: processEnv(nodeOptions) },
    );
    let output = "";
    const durations = {};
    let current;
    let startedAt = 0;
    const finishCurrent = () => {
      if (current !== undefined) durations[current] = Date.now() - startedAt;
    };
    child.stdout.on("data", (chunk) => {
      output += chunk;
      for (const line of chunk.toString().replace(ANSI, "").split("\n")) {
        const name = line.trim();
        if (files.includes(name)) {
          finishCurrent();
          current = name;
          startedAt = Date.now();
        }
      }
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code, signal) => {
      finishCurrent();
      resolve({ code: code ?? 1, signal, output, durations });
    });
  });
}

/** uvu's summary block, split from the report above it. */
function splitSummary(output) {
  const start = output.search(/\n[^\n]*Total:/);
  if (start < 0) return { report: output, counts: undefined };
  const summary = output.slice(start).replace(ANSI, "");
  const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(summary)?.[1] ?? 0);
  const counts = { total: count("Total"), passed: count("Passed"), skipped: count("Skipped") };
  return { report: output.slice(0, start), counts };
}

async function main() {
  const files = testFiles();
  if (files.length === 0)
    throw new Error("no compiled tests under build/test: run `npm run build`");
  const workers = Math.max(1, Number(process.env.TEST_WORKERS ?? 2));
  const previous = readDurations();
  const started = Date.now();
  const workerResults = await Promise.all(deal(files, previous, workers).map(runWorker));
  const results = workerResults.flat();
  let total = 0;
  let passed = 0;
  let skipped = 0;
  let failed = false;
  for (const result of results) {
    const { report, counts } = splitSummary(result.output);
    process.stdout.write(report.replace(/\n+$/, "\n"));
    if (counts === undefined) {
      process.stdout.write(`\nA test process ended without a summary (exit ${result.code}).\n`);
      failed = true;
      continue;
    }
    total += counts.total;
    passed += counts.passed;
    skipped += counts.skipped;
    if (result.code !== 0 || counts.passed + counts.skipped !== counts.total) failed = true;
  }
  writeFileSync(
    DURATIONS_FILE,
    JSON.stringify(Object.assign({}, ...results.map((r) => r.durations)), null, 2) + "\n",
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(2);
  process.stdout.write(
    `\n  Total:     ${total}\n  Passed:    ${passed}\n  Skipped:   ${skipped}\n` +
      `  Duration:  ${seconds}s (${workerResults.length} parallel workers, ${results.length} processes)\n\n`,
  );
  process.exitCode = failed ? 1 : 0;
}

await main();
