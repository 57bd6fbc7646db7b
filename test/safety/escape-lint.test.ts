/**
 * Severity follows `escapeLint`: definite escapes are errors under "error" and warnings under "warn";
 * possible escapes are warnings under both; "off" silences every escape. Interleaving and buffer
 * detachment corrupt the pool itself and stay errors whatever the lint level.
 */
import { DETACH, ESCAPES, INTERLEAVING, POSSIBLE_ESCAPES } from "./cases.js";
import { checkCases } from "./check.js";

const PICKED = new Set([
  "return-array",
  "assign-outer-variable",
  "await-in-block-scope",
  "detach-post-message",
]);
const CASES = [...ESCAPES, ...POSSIBLE_ESCAPES, ...INTERLEAVING, ...DETACH].filter((c) =>
  PICKED.has(c.name),
);

const AWAIT =
  "await-in-block-scope.ts(10,10): error AAP3001: `await` inside the pool scope of `pool`: while this async function is suspended other tasks run and use the same pool, open and close their own scopes on it, and rewind out of order (a PoolStateError, or arrays handed out twice). Finish the pooled work before the `await` (close the block first, or move it into a synchronous function), or give each task its own pool (`new AdaptiveArrayPool()`).";
const DETACH_BUFFER =
  "detach-post-message.ts(9,3): error AAP3012: The buffer of `v` (acquired at 8:13) is transferred at 9:3 by postMessage's transfer list, which detaches memory the pool still owns: the array and every other view of that buffer become empty until the pool replaces the buffer. Transfer a copy instead (`v.slice().buffer`), or send without a transfer list.";

checkCases(
  'escapeLint "warn"',
  CASES,
  {
    "return-array": [
      "return-array.ts(9,10): warning AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 9:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
    ],
    "assign-outer-variable": [
      "assign-outer-variable.ts(10,3): warning AAP2010: `v` (acquired at 9:13) is assigned at 10:3 to a variable declared outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
    ],
    "await-in-block-scope": [AWAIT],
    "detach-post-message": [DETACH_BUFFER],
  },
  "warn",
);

checkCases(
  'escapeLint "off"',
  CASES,
  {
    "return-array": [],
    "assign-outer-variable": [],
    "await-in-block-scope": [AWAIT],
    "detach-post-message": [DETACH_BUFFER],
  },
  "off",
);
