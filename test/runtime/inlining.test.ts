/**
 * The hot path fits V8's inlining budget: a scope with one or three acquires (free function and the
 * transformer's per-type method) compiles with every runtime call inlined and no call left on the
 * hit path. Runs the same check as `node build/bench/inlining/check.js`, from V8's own trace.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CUMULATIVE_BUDGET,
  checkInlining,
  formatReport,
  parseTrace,
} from "../../bench/inlining/check.js";

test("every hot-path scenario inlines all of the runtime within the budget", () => {
  const reports = checkInlining();
  const table = formatReport(reports);
  for (const report of reports) {
    assert.ok(report.ok, table);
    assert.ok(report.cumulativeBytes <= CUMULATIVE_BUDGET, table);
  }
});

test("the parser fails a trace in which a runtime call stayed a call", () => {
  const trace = [
    "Considering 0x1 {0x2 <SharedFunctionInfo checkpoint>} for inlining with 0x3 {0x4 <FeedbackVector[11]>}",
    "Considering 0x1 {0x2 <SharedFunctionInfo acquire>} for inlining with 0x3 {0x4 <FeedbackVector[11]>}",
    "  - target: 0x1 {0x2 <SharedFunctionInfo checkpoint>}, bytecode size: 30",
    "Inlining 0x1 {0x2 <SharedFunctionInfo checkpoint>} into 0x5 {0x6 <SharedFunctionInfo oneAcquire>}",
    "[inlining-check] turbofanned=true",
  ].join("\n");
  const report = parseTrace("oneAcquire", trace);
  assert.is(report.ok, false);
  assert.equal(report.notInlined, ["acquire"]);
  assert.equal(report.missingExpected, ["acquire", "take", "rewind"]);
  assert.is(report.cumulativeBytes, 30);
});

test("the parser fails a trace without a TurboFan compile", () => {
  assert.is(parseTrace("oneAcquire", "").ok, false);
});

test.run();
