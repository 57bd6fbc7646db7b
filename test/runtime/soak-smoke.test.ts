/**
 * A short run of the soak script (scripts/soak.ts; `npm run soak` runs it long): random nested scopes
 * of 1..2^20 elements with throws and leaks, a retained-bytes cap, normal and check mode. It must end
 * with no cap violation, no corrupted live array and no overlap. SOAK_SMOKE_SECONDS sets the length.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const SCRIPT = path.resolve(__dirname, "..", "..", "scripts", "soak.js");
const SECONDS = Number(process.env.SOAK_SMOKE_SECONDS ?? 10);

function soak(args: readonly string[]): string {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });
  assert.is(run.status, 0, run.stdout + run.stderr);
  return run.stdout;
}

test(`soak smoke (${SECONDS} s): retained bytes within cap + live, no live-data corruption`, () => {
  const normal = soak(["--seconds", String(SECONDS * 0.8), "--cap", String(8 << 20)]);
  assert.match(normal, /violations \(held > cap \+ live after [1-9]\d* outermost closes\): 0/);
  assert.match(normal, /live-data corruptions: 0, overlapping live arrays: 0/);
  assert.match(normal, /released by the cap: [1-9]/, "the cap was exercised");
  const checked = soak(["--seconds", String(SECONDS * 0.2), "--cap", String(8 << 20), "--check"]);
  assert.match(checked, /check mode/);
  assert.match(checked, /live-data corruptions: 0, overlapping live arrays: 0/);
});

test.run();
