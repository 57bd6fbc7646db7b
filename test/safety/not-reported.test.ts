/** Issue list 2: copies, scalars, reassigned and shadowed names, outside arrays, closures used inside the scope and bare returns are not reported. */
import { checkCases } from "./check.js";
import { NOT_REPORTED } from "./cases.js";

checkCases("not reported", NOT_REPORTED, {
  "ok-return-sum": [],
  "ok-return-element": [],
  "ok-return-length": [],
  "ok-return-slice": [],
  "ok-return-array-from": [],
  "ok-return-typed-copy": [],
  "ok-return-map": [],
  "ok-reassigned-fresh": [],
  "ok-nested-function-same-name": [],
  "ok-shadowing-block": [],
  "ok-array-from-outside": [],
  "ok-closure-called-inside": [],
  "ok-return-nothing": [],
  "ok-local-container": [],
});
