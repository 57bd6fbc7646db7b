/** Issue list 1: definite escapes (AAP2001-2003) and possible escapes (AAP2010-2014), each with the variable, where it was acquired, where it escapes and the fix; nested scopes report once. */
import { checkCases } from "./check.js";
import { ESCAPES, POSSIBLE_ESCAPES, NESTING } from "./cases.js";

checkCases("escapes: returned pool memory", ESCAPES, {
  "return-array": [
    "return-array.ts(9,10): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 9:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-alias": [
    "return-alias.ts(10,10): error AAP2001: `w` (an alias of `v`, acquired at 8:13) escapes its pool scope: returned at 10:3, after which the pool hands its memory out again. Return a copy instead (`w.slice()` or `Float64Array.from(w)`), or a scalar.",
  ],
  "return-array-literal": [
    "return-array-literal.ts(9,10): error AAP2002: `v` (acquired at 8:13) escapes its pool scope inside an array or object returned at 9:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "return-shorthand-object": [
    "return-shorthand-object.ts(9,10): error AAP2002: `v` (acquired at 8:13) escapes its pool scope inside an array or object returned at 9:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "return-object-property": [
    "return-object-property.ts(9,10): error AAP2002: `v` (acquired at 8:13) escapes its pool scope inside an array or object returned at 9:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "return-nested-literal": [
    "return-nested-literal.ts(9,10): error AAP2002: `v` (acquired at 8:13) escapes its pool scope inside an array or object returned at 9:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "return-conditional": [
    "return-conditional.ts(9,10): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 9:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-if-else-branches": [
    "return-if-else-branches.ts(11,12): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 11:5, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
    "return-if-else-branches.ts(13,12): error AAP2001: `w` (acquired at 9:13) escapes its pool scope: returned at 13:5, after which the pool hands its memory out again. Return a copy instead (`w.slice()` or `Float64Array.from(w)`), or a scalar.",
  ],
  "return-switch-case": [
    "return-switch-case.ts(13,14): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 13:7, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-fill": [
    "return-fill.ts(9,10): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 9:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-subarray": [
    "return-subarray.ts(9,10): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 9:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Int32Array.from(v)`), or a scalar.",
  ],
  "return-buffer": [
    "return-buffer.ts(9,10): error AAP2001: The buffer of `v` (acquired at 8:13) escapes its pool scope: returned at 9:3, after which the pool hands its memory out again. Return a copy instead (`v.slice().buffer`), or a scalar.",
  ],
  "return-acquire-directly": [
    "return-acquire-directly.ts(8,10): error AAP2001: The array from `acquire(pool, 4)` (acquired at 8:10) escapes its pool scope: returned at 8:3, after which the pool hands its memory out again. Return a copy instead (`acquire(pool, 4).slice()` or `Float64Array.from(acquire(pool, 4))`), or a scalar.",
  ],
  "arrow-expression-body": [
    "arrow-expression-body.ts(7,48): error AAP2001: The array from `zeros(pool, n)` (acquired at 7:48) escapes its pool scope: returned by the arrow function's expression body at 7:48, after which the pool hands its memory out again. Return a copy instead (`zeros(pool, n).slice()` or `Float64Array.from(zeros(pool, n))`), or a scalar.",
  ],
  "return-capturing-closure": [
    "return-capturing-closure.ts(9,10): error AAP2003: A function returned at 9:3 captures `v` (acquired at 8:13) and outlives its pool scope, after which the pool hands its memory out again: the function would read reused memory. Capture a copy instead (`const copy = v.slice()`), or a scalar.",
  ],
  "return-in-loop": [
    "return-in-loop.ts(10,27): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 10:20, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-in-try": [
    "return-in-try.ts(10,12): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 10:5, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-destructured": [
    "return-destructured.ts(10,10): error AAP2001: `a` (an alias of `v`, acquired at 8:13) escapes its pool scope: returned at 10:3, after which the pool hands its memory out again. Return a copy instead (`a.slice()` or `Float64Array.from(a)`), or a scalar.",
  ],
  "return-same-memory-methods": [
    "return-same-memory-methods.ts(9,23): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 9:16, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float32Array.from(v)`), or a scalar.",
    "return-same-memory-methods.ts(10,23): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 10:16, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float32Array.from(v)`), or a scalar.",
    "return-same-memory-methods.ts(11,23): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 11:16, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float32Array.from(v)`), or a scalar.",
    "return-same-memory-methods.ts(12,10): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 12:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float32Array.from(v)`), or a scalar.",
  ],
  "block-scope-return": [
    "block-scope-return.ts(10,10): error AAP2001: `v` (acquired at 9:13) escapes its pool scope: returned at 10:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "maybe-with-pool-return": [
    "maybe-with-pool-return.ts(9,10): error AAP2001: `v` (acquired at 8:13) escapes its pool scope: returned at 9:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
});

checkCases("escapes: possible escapes", POSSIBLE_ESCAPES, {
  "assign-outer-variable": [
    "assign-outer-variable.ts(10,3): warning AAP2010: `v` (acquired at 9:13) is assigned at 10:3 to a variable declared outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
  ],
  "assign-outer-property": [
    "assign-outer-property.ts(10,3): warning AAP2011: `v` (acquired at 9:13) is stored at 10:3 in an object from outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
  ],
  "push-outer-container": [
    "push-outer-container.ts(10,3): warning AAP2012: `v` (acquired at 9:13) is put at 10:3 into a container from outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
  ],
  "post-message": [
    "post-message.ts(9,3): warning AAP2013: `v` (acquired at 8:13) is sent with postMessage at 9:3, from inside its pool scope. Only a copy of its contents is sent, which is safe unless a transfer list detaches its buffer; send `v.slice()` (or a scalar) to make the copy explicit.",
  ],
  "transfer-list-array": [
    "transfer-list-array.ts(9,3): warning AAP2014: `v` (acquired at 8:13) is listed for transfer at 9:3: a typed array is not transferable (the call throws DataCloneError), and transferring its buffer would detach memory the pool still owns. Send a copy (`v.slice()`) without a transfer list.",
  ],
});

checkCases("escapes: nested scopes", NESTING, {
  "nested-block-in-function": [
    "nested-block-in-function.ts(14,10): error AAP2001: `outer` (acquired at 8:17) escapes its pool scope: returned at 14:3, after which the pool hands its memory out again. Return a copy instead (`outer.slice()` or `Float64Array.from(outer)`), or a scalar.",
    "nested-block-in-function.ts(12,32): error AAP2001: `inner` (acquired at 11:19) escapes its pool scope: returned at 12:25, after which the pool hands its memory out again. Return a copy instead (`inner.slice()` or `Float64Array.from(inner)`), or a scalar.",
  ],
});
