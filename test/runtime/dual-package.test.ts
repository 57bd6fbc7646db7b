/**
 * Issue 9, class F: the package's ESM and CommonJS builds share one runtime state per process. A real
 * Node process with an ESM entry point that `require`s a CommonJS helper, both importing the package by
 * name: one task-local pool (an ESM scope covers the helper's acquires, so 100 calls reuse one array),
 * one maybe-pooling switch, one `PoolStateError` class. Run once with Node's own conditions and once
 * with `-C module`, the condition bundlers resolve (both formats then load the one ESM build).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

const HELPER = `
const aap = require("adaptive-array-pools");
exports.aap = aap;
exports.scratch = function scratch() {
  const v = aap.acquire(aap.getTaskLocalPool(), Float64Array, 16);
  v.fill(1);
  return v;
};
exports.rewindWithoutScope = function rewindWithoutScope() {
  try { new aap.AdaptiveArrayPool().rewind(); } catch (error) { return error; }
  return undefined;
};
exports.maybeOn = () => aap.maybePoolingEnabled();
`;

const MAIN = `
import * as aap from "adaptive-array-pools";
import { createRequire } from "node:module";
const helper = createRequire(import.meta.url)("./helper.cjs");
const seen = new Set();
const entry = aap.withPool(function entry() { seen.add(helper.scratch()); });
for (let i = 0; i < 100; i++) entry();
const error = helper.rewindWithoutScope();
aap.setMaybePooling(false);
const maybeOffSeenByHelper = helper.maybeOn() === false;
aap.setMaybePooling(true);
console.log(JSON.stringify({
  samePool: aap.getTaskLocalPool() === helper.aap.getTaskLocalPool(),
  distinctArrays: seen.size,
  slots: aap.getTaskLocalPool().stats().types.map((t) => t.slots),
  stateErrorIsShared: error instanceof aap.PoolStateError,
  maybeOffSeenByHelper,
}));
`;

function runProject(conditions: readonly string[]): unknown {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aap-dual-"));
  try {
    mkdirSync(path.join(dir, "node_modules"));
    symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "adaptive-array-pools"), "dir");
    writeFileSync(path.join(dir, "helper.cjs"), HELPER);
    writeFileSync(path.join(dir, "main.mjs"), MAIN);
    const flags = conditions.flatMap((condition) => ["-C", condition]);
    const run = spawnSync(process.execPath, ["--no-warnings", ...flags, "main.mjs"], {
      cwd: dir,
      encoding: "utf8",
    });
    assert.is(run.status, 0, run.stderr);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ONE_STATE = {
  samePool: true,
  distinctArrays: 1,
  slots: [1],
  stateErrorIsShared: true,
  maybeOffSeenByHelper: true,
};

test("Node: an ESM entry and a CommonJS helper share one runtime state", () => {
  assert.equal(runProject([]), ONE_STATE);
});

test("bundler conditions (-C module): import and require load one build, one state", () => {
  assert.equal(runProject(["module"]), ONE_STATE);
});

test.run();
