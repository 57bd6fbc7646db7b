/**
 * Buffer detachment, the JavaScript analogue of the Julia macro's structural-mutation check:
 * transferring a pool array's buffer (`v.buffer.transfer()`, a `structuredClone` or `postMessage`
 * transfer list) detaches memory the pool still owns (AAP3010-3012). A pool-backed typed array itself
 * in a transfer list is not transferable and is reported as a possible escape (AAP2014).
 */
import type * as TS from "typescript";
import { calleeName, ownOrigin, subjectOf } from "./escape-analysis.js";
import type { FlowHooks } from "./flow.js";
import {
  BUFFER_TRANSFERRED,
  BUFFER_TRANSFERRED_BY_CLONE,
  BUFFER_TRANSFERRED_BY_MESSAGE,
  LISTED_FOR_TRANSFER,
} from "../diagnostic-registry.js";
import {
  acquisitionPlace,
  describeSubjectCapitalised,
  positionOf,
  subjectName,
} from "./subject.js";
import type { Origin } from "./origin.js";
import { skipOuterExpressions } from "../syntax.js";
import { propertyKey } from "./pool-backed.js";
import type { Environment } from "./pool-backed.js";
import { reportSafety } from "./report.js";

const TRANSFER_METHODS: ReadonlySet<string> = new Set(["transfer", "transferToFixedLength"]);

export const detachHooks: FlowHooks = {
  onReturn() {},
  onExpression(node, env) {
    const { ts } = env.context;
    if (!ts.isCallExpression(node)) return;
    const name = calleeName(node, ts);
    if (name === "structuredClone") {
      checkTransferOptions(node.arguments[1], node, BUFFER_TRANSFERRED_BY_CLONE, env);
    } else if (name === "postMessage") {
      // postMessage(m, transferList), postMessage(m, { transfer }), window's postMessage(m, origin, list)
      for (const argument of node.arguments.slice(1)) {
        checkTransferOptions(argument, node, BUFFER_TRANSFERRED_BY_MESSAGE, env);
      }
    } else if (name !== undefined && TRANSFER_METHODS.has(name)) {
      checkBufferTransfer(node, env);
    }
  },
};

/** `v.buffer.transfer()`: the receiver is a pool array's buffer. */
function checkBufferTransfer(call: TS.CallExpression, env: Environment): void {
  const { ts } = env.context;
  const callee = skipOuterExpressions(ts, call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return;
  const origin = ownOrigin(callee.expression, env);
  if (origin?.kind !== "buffer") return;
  report(BUFFER_TRANSFERRED, callee.expression, origin, call, env);
}

/** A transfer list, or an options object with a `transfer` list. */
function checkTransferOptions(
  argument: TS.Expression | undefined,
  call: TS.CallExpression,
  code: Detach,
  env: Environment,
): void {
  const { ts } = env.context;
  if (argument === undefined) return;
  const node = skipOuterExpressions(ts, argument);
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property) && propertyKey(ts, property.name) === "transfer") {
        checkTransferList(property.initializer, call, code, env);
      } else if (ts.isShorthandPropertyAssignment(property) && property.name.text === "transfer") {
        checkTransferList(property.name, call, code, env);
      }
    }
    return;
  }
  checkTransferList(node, call, code, env);
}

function checkTransferList(
  list: TS.Expression,
  call: TS.CallExpression,
  code: Detach,
  env: Environment,
): void {
  const { ts } = env.context;
  const node = skipOuterExpressions(ts, list);
  if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) {
      const item = ts.isSpreadElement(element) ? element.expression : element;
      const origin = ownOrigin(item, env);
      if (origin !== undefined) report(code, item, unwrapList(origin), call, env);
    }
    return;
  }
  // A list built elsewhere (`const list = [v.buffer]`): its elements as the literal recorded them.
  const origin = ownOrigin(node, env);
  if (origin?.kind === "container") report(code, node, unwrapList(origin), call, env);
}

function unwrapList(origin: Origin): Origin {
  return origin.kind === "container" ? unwrapList(origin.inner) : origin;
}

/** The three ways a buffer is detached. */
type Detach =
  | typeof BUFFER_TRANSFERRED
  | typeof BUFFER_TRANSFERRED_BY_CLONE
  | typeof BUFFER_TRANSFERRED_BY_MESSAGE;

function report(
  code: Detach,
  item: TS.Expression,
  origin: Origin,
  call: TS.CallExpression,
  env: Environment,
): void {
  const { sourceFile } = env.context;
  const subject = subjectOf(item, origin, env);
  const at = positionOf(call, sourceFile);
  const name = subjectName(subject, sourceFile);
  const related = [acquisitionPlace(subject)];
  if (origin.kind === "buffer") {
    const buffer = describeSubjectCapitalised({ ...subject, isBuffer: true }, sourceFile);
    reportSafety(env.context, code(buffer, at, name), call, related);
  } else if (origin.kind === "array") {
    const described = describeSubjectCapitalised(subject, sourceFile);
    reportSafety(env.context, LISTED_FOR_TRANSFER(described, at, name), call, related);
  }
}
