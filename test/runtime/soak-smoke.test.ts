/**
 * A short run of the soak script (scripts/soak.ts; `npm run soak` runs it long): random nested scopes
 * of 1..2^20 elements with throws and leaks, a retained-bytes cap, normal and check mode. It must end
 * with no cap violation, no corrupted live array and no overlap. The run is a fixed number of
 * operations from a fixed seed, not a time: it does the same work on a loaded machine as on an idle
 * one, and with seed 1 the cap releases arrays within the first thousand operations, so
 * "the cap was exercised" holds by construction. SOAK_SMOKE_OPS sets the length. The default,
 * 200,000 operations and an eighth of that in check mode (which is slower per operation), is about
 * what the earlier 10 s of wall time covered on an idle machine.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const SCRIPT = path.resolve(__dirname, "..", "..", "scripts", "soak.js");
const OPS = Number(process.env.SOAK_SMOKE_OPS ?? 200_000);
const SEED = "1";
const CAP = String(8 << 20);

function soak(ops: number, ...flags: readonly string[]): string {
  const args = ["--ops", String(ops), "--seed", SEED, "--cap", CAP, ...flags];
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });
  assert.is(run.status, 0, run.stdout + run.stderr);
  return run.stdout;
}

test(`soak smoke (${OPS} operations): retained bytes within cap + live, no live-data corruption`, () => {
  const normal = soak(OPS);
  assert.match(normal, /violations \(held > cap \+ live after [1-9]\d* outermost closes\): 0/);
  assert.match(normal, /live-data corruptions: 0, overlapping live arrays: 0/);
  assert.match(normal, /released by the cap: [1-9]/, "the cap was exercised");
  const checked = soak(Math.ceil(OPS / 8), "--check");
  assert.match(checked, /check mode/);
  assert.match(checked, /live-data corruptions: 0, overlapping live arrays: 0/);
});

test.run();
