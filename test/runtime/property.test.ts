/**
 * Property: for random programs of nested scopes (every scope form), acquires of every element type,
 * throws, early returns and leaked scopes, no two live arrays ever share memory, every live array keeps
 * the values written into it, and every scope restores depth and per-type counts exactly.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { AdaptiveArrayPool } from "../../runtime/index.js";
import { Interpreter, body, emptyTally } from "./program-model.js";

/** Enough programs to matter, few enough to stay within a couple of seconds on a slow machine. */
const PROGRAMS = 1000;

test(`random programs (${PROGRAMS}) keep arrays unaliased and restore state after every scope`, () => {
  const tally = emptyTally();
  fc.assert(
    fc.property(body(4, 8), (program) => {
      new Interpreter(new AdaptiveArrayPool(), tally).run(program);
    }),
    { numRuns: PROGRAMS },
  );
  // Guard against a generator that degenerated into trivial programs: this would make the test hollow.
  if (process.env.POOL_TEST_VERBOSE) console.log("property test:", tally);
  assert.ok(tally.programs >= PROGRAMS, `${tally.programs} programs`);
  assert.ok(tally.scopes > PROGRAMS, `${tally.scopes} scopes`);
  assert.ok(tally.acquires > 5 * PROGRAMS, `${tally.acquires} acquires`);
  assert.ok(tally.throws > PROGRAMS / 10, `${tally.throws} throws`);
  assert.ok(tally.leaks > PROGRAMS / 10, `${tally.leaks} leaks`);
});

test("a shared pool across programs: state carries over and stays consistent", () => {
  const pool = new AdaptiveArrayPool();
  const tally = emptyTally();
  fc.assert(
    fc.property(body(3), (program) => {
      new Interpreter(pool, tally).run(program);
    }),
    { numRuns: 200 },
  );
  assert.is(pool.depth, 0);
});

test.run();
