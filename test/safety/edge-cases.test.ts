/** Harder shapes: facts flowing through later assignments, one branch, loop back-edges, hoisted functions, objects built by assignment, type wrappers and optional chains; copies and shadowing that must stay silent; stores through `this`, parameters and Map.set; and one case per claim of docs/diagnostics.md. */
import { checkCases } from "./check.js";
import { EDGE_CASES, MORE_EDGE_CASES } from "./cases.js";

checkCases("edge cases", EDGE_CASES, {
  "edge-assigned-after-declaration": [
    "edge-assigned-after-declaration.ts(10,10): error AAP2001: `v` (acquired at 9:7) escapes its pool scope: returned at 10:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "edge-reassigned-in-one-branch": [
    "edge-reassigned-in-one-branch.ts(10,10): error AAP2001: `v` (acquired at 9:14) escapes its pool scope: returned at 10:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "edge-assigned-late-in-loop": [
    "edge-assigned-late-in-loop.ts(10,23): error AAP2001: `out` (acquired at 11:11) escapes its pool scope: returned at 10:16, after which the pool hands its memory out again. Return a copy instead (`out.slice()` or `Float64Array.from(out)`), or a scalar.",
  ],
  "edge-hoisted-function-closure": [
    "edge-hoisted-function-closure.ts(9,10): error AAP2003: A function returned at 9:3 captures `v` (acquired at 8:13) and outlives its pool scope, after which the pool hands its memory out again: the function would read reused memory. Capture a copy instead (`const copy = v.slice()`), or a scalar.",
  ],
  "edge-object-built-by-assignment": [
    "edge-object-built-by-assignment.ts(11,10): error AAP2002: `v` (acquired at 8:13) escapes its pool scope inside an array or object returned at 11:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "edge-type-wrappers-and-optional-chain": [
    "edge-type-wrappers-and-optional-chain.ts(9,23): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 9:16, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
    "edge-type-wrappers-and-optional-chain.ts(10,10): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 10:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "edge-for-of-over-literal": [
    "edge-for-of-over-literal.ts(11,28): error AAP2001: `a` (an alias of `v`, acquired at 8:13) escapes its pool scope: returned at 11:21, after which the pool hands its memory out again. Return a copy instead (`a.slice()` or `Float64Array.from(a)`), or a scalar.",
  ],
  "edge-ok-buffer-copy": [],
  "edge-ok-catch-variable-shadows": [],
  "edge-ok-typed-set-copies": [],
  "edge-store-on-this-and-parameter": [
    "edge-store-on-this-and-parameter.ts(9,3): warning AAP2011: `v` (acquired at 8:13) is stored at 9:3 in an object from outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
    "edge-store-on-this-and-parameter.ts(10,3): warning AAP2012: The array from `acquire(pool, 2)` (acquired at 10:12) is put at 10:3 into a container from outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`acquire(pool, 2).slice()`) if it is read after the scope.",
  ],
  "edge-map-set-outer": [
    "edge-map-set-outer.ts(10,3): warning AAP2012: `v` (acquired at 9:13) is put at 10:3 into a container from outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
  ],
  "edge-closure-assigned-outside-block": [
    "edge-closure-assigned-outside-block.ts(11,3): warning AAP2010: A function capturing `v` (acquired at 10:13) is assigned at 11:3 to a variable declared outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Capture a copy (`const copy = v.slice()`) if the function runs after the scope.",
  ],
});

checkCases("more edge cases", MORE_EDGE_CASES, {
  "edge-await-using-in-block-scope": [
    "edge-await-using-in-block-scope.ts(9,3): error AAP3001: `await using` inside the pool scope of `pool`: while this async function is suspended other tasks run and use the same pool, open and close their own scopes on it, and rewind out of order (a PoolStateError, or arrays handed out twice). Finish the pooled work before the `await using` (close the block first, or move it into a synchronous function), or give each task its own pool (`new AdaptiveArrayPool()`).",
  ],
  "edge-closures-in-returned-list": [
    "edge-closures-in-returned-list.ts(11,10): error AAP2002: A function capturing `v` (acquired at 8:13) escapes its pool scope inside an array or object returned at 11:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "edge-field-of-unknown-holder": [
    "edge-field-of-unknown-holder.ts(12,10): error AAP2001: `v` (acquired at 9:13) escapes its pool scope: returned at 12:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "edge-namespace-import": [
    "edge-namespace-import.ts(10,10): error AAP2001: `v` (acquired at 9:13) escapes its pool scope: returned at 10:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "edge-nested-marker-reports-once": [
    "edge-nested-marker-reports-once.ts(10,5): warning AAP2012: The array from `acquire(pool, 2)` (acquired at 10:15) is put at 10:5 into a container from outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`acquire(pool, 2).slice()`) if it is read after the scope.",
  ],
  "edge-ok-unknown-function-and-call-result": [],
  "edge-chain-through-nested-loops": [
    "edge-chain-through-nested-loops.ts(12,29): error AAP2001: `b` (an alias of `a`, acquired at 14:11) escapes its pool scope: returned at 12:22, after which the pool hands its memory out again. Return a copy instead (`b.slice()` or `Float64Array.from(b)`), or a scalar.",
  ],
  "edge-ok-deeply-nested-loops": [],
  "edge-thrown": [
    "edge-thrown.ts(9,18): error AAP2002: `v` (acquired at 8:13) escapes its pool scope inside an array or object thrown at 9:12, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "edge-ok-throw-caught-inside": [],
});
