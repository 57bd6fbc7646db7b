/** Issue list 1: definite escapes (AAP2001-2003) and possible escapes (AAP2010-2014), each with the variable, where it was acquired, where it escapes and the fix; nested scopes report once. */
import { checkCases } from "./check.js";
import { ESCAPES, POSSIBLE_ESCAPES, NESTING } from "./cases.js";

checkCases("escapes: returned pool memory", ESCAPES, {
  "return-array": [
    "return-array.ts(6,10): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 6:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-alias": [
    "return-alias.ts(7,10): error AAP2001: `w` (an alias of `v`, acquired at 5:13) escapes its pool scope: returned at 7:3, after which the pool hands its memory out again. Return a copy instead (`w.slice()` or `Float64Array.from(w)`), or a scalar.",
  ],
  "return-array-literal": [
    "return-array-literal.ts(6,10): error AAP2002: `v` (acquired at 5:13) escapes its pool scope inside an array or object returned at 6:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "return-shorthand-object": [
    "return-shorthand-object.ts(6,10): error AAP2002: `v` (acquired at 5:13) escapes its pool scope inside an array or object returned at 6:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "return-object-property": [
    "return-object-property.ts(6,10): error AAP2002: `v` (acquired at 5:13) escapes its pool scope inside an array or object returned at 6:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "return-nested-literal": [
    "return-nested-literal.ts(6,10): error AAP2002: `v` (acquired at 5:13) escapes its pool scope inside an array or object returned at 6:3, after which the pool hands its memory out again. Put a copy in it instead (`v.slice()`), or a scalar.",
  ],
  "return-conditional": [
    "return-conditional.ts(6,10): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 6:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-if-else-branches": [
    "return-if-else-branches.ts(8,12): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 8:5, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
    "return-if-else-branches.ts(10,12): error AAP2001: `w` (acquired at 6:13) escapes its pool scope: returned at 10:5, after which the pool hands its memory out again. Return a copy instead (`w.slice()` or `Float64Array.from(w)`), or a scalar.",
  ],
  "return-switch-case": [
    "return-switch-case.ts(10,14): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 10:7, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-fill": [
    "return-fill.ts(6,10): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 6:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-subarray": [
    "return-subarray.ts(6,10): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 6:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Int32Array.from(v)`), or a scalar.",
  ],
  "return-buffer": [
    "return-buffer.ts(6,10): error AAP2001: The buffer of `v` (acquired at 5:13) escapes its pool scope: returned at 6:3, after which the pool hands its memory out again. Return a copy instead (`v.slice().buffer`), or a scalar.",
  ],
  "return-acquire-directly": [
    "return-acquire-directly.ts(5,10): error AAP2001: The array from `acquire(pool, 4)` (acquired at 5:10) escapes its pool scope: returned at 5:3, after which the pool hands its memory out again. Return a copy instead (`acquire(pool, 4).slice()` or `Float64Array.from(acquire(pool, 4))`), or a scalar.",
  ],
  "arrow-expression-body": [
    "arrow-expression-body.ts(4,48): error AAP2001: The array from `zeros(pool, n)` (acquired at 4:48) escapes its pool scope: returned by the arrow function's expression body at 4:48, after which the pool hands its memory out again. Return a copy instead (`zeros(pool, n).slice()` or `Float64Array.from(zeros(pool, n))`), or a scalar.",
  ],
  "return-capturing-closure": [
    "return-capturing-closure.ts(6,10): error AAP2003: A function returned at 6:3 captures `v` (acquired at 5:13) and outlives its pool scope, after which the pool hands its memory out again: the function would read reused memory. Capture a copy instead (`const copy = v.slice()`), or a scalar.",
  ],
  "return-in-loop": [
    "return-in-loop.ts(7,27): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 7:20, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-in-try": [
    "return-in-try.ts(7,12): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 7:5, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "return-destructured": [
    "return-destructured.ts(7,10): error AAP2001: `a` (an alias of `v`, acquired at 5:13) escapes its pool scope: returned at 7:3, after which the pool hands its memory out again. Return a copy instead (`a.slice()` or `Float64Array.from(a)`), or a scalar.",
  ],
  "return-same-memory-methods": [
    "return-same-memory-methods.ts(6,23): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 6:16, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float32Array.from(v)`), or a scalar.",
    "return-same-memory-methods.ts(7,23): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 7:16, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float32Array.from(v)`), or a scalar.",
    "return-same-memory-methods.ts(8,23): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 8:16, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float32Array.from(v)`), or a scalar.",
    "return-same-memory-methods.ts(9,10): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 9:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float32Array.from(v)`), or a scalar.",
  ],
  "block-scope-return": [
    "block-scope-return.ts(7,10): error AAP2001: `v` (acquired at 6:13) escapes its pool scope: returned at 7:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
  "maybe-with-pool-return": [
    "maybe-with-pool-return.ts(6,10): error AAP2001: `v` (acquired at 5:13) escapes its pool scope: returned at 6:3, after which the pool hands its memory out again. Return a copy instead (`v.slice()` or `Float64Array.from(v)`), or a scalar.",
  ],
});

checkCases("escapes: possible escapes", POSSIBLE_ESCAPES, {
  "assign-outer-variable": [
    "assign-outer-variable.ts(7,3): warning AAP2010: `v` (acquired at 6:13) is assigned at 7:3 to a variable declared outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
  ],
  "assign-outer-property": [
    "assign-outer-property.ts(7,3): warning AAP2011: `v` (acquired at 6:13) is stored at 7:3 in an object from outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
  ],
  "push-outer-container": [
    "push-outer-container.ts(7,3): warning AAP2012: `v` (acquired at 6:13) is put at 7:3 into a container from outside its pool scope, so it may be read after the scope ends, when the pool has handed its memory out again. Keep a copy (`v.slice()`) if it is read after the scope.",
  ],
  "post-message": [
    "post-message.ts(6,3): warning AAP2013: `v` (acquired at 5:13) is sent with postMessage at 6:3, from inside its pool scope. Only a copy of its contents is sent, which is safe unless a transfer list detaches its buffer; send `v.slice()` (or a scalar) to make the copy explicit.",
  ],
  "transfer-list-array": [
    "transfer-list-array.ts(6,3): warning AAP2014: `v` (acquired at 5:13) is listed for transfer at 6:3: a typed array is not transferable (the call throws DataCloneError), and transferring its buffer would detach memory the pool still owns. Send a copy (`v.slice()`) without a transfer list.",
  ],
});

checkCases("escapes: nested scopes", NESTING, {
  "nested-block-in-function": [
    "nested-block-in-function.ts(11,10): error AAP2001: `outer` (acquired at 5:17) escapes its pool scope: returned at 11:3, after which the pool hands its memory out again. Return a copy instead (`outer.slice()` or `Float64Array.from(outer)`), or a scalar.",
    "nested-block-in-function.ts(9,32): error AAP2001: `inner` (acquired at 8:19) escapes its pool scope: returned at 9:25, after which the pool hands its memory out again. Return a copy instead (`inner.slice()` or `Float64Array.from(inner)`), or a scalar.",
  ],
});
