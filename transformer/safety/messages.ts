/**
 * Codes and texts of the safety diagnostics. Every escape message names the value, where its memory
 * was acquired and where it escapes, and says how to fix it; docs/diagnostics.md lists them all.
 */
import type * as TS from "typescript";
import type { Acquisition } from "./origin.js";

export const SafetyCode = {
  /** A returned value is a pool-backed array (or a view or the buffer of one). */
  ReturnedArray: 2001,
  /** A returned array or object holds a pool-backed array. */
  ReturnedInLiteral: 2002,
  /** A returned function captures a pool-backed array. */
  ReturnedClosure: 2003,
  /** Possible escape: assigned to a variable declared outside the scope. */
  AssignedToOuterVariable: 2010,
  /** Possible escape: stored in a property of an object from outside the scope. */
  StoredInOuterObject: 2011,
  /** Possible escape: pushed / added / set into a container from outside the scope. */
  StoredInOuterContainer: 2012,
  /** Possible escape: sent with postMessage. */
  PostedMessage: 2013,
  /** Possible escape: a pool-backed typed array listed in a transfer list. */
  ListedForTransfer: 2014,
  /** The analysis itself failed on this scope (a bug to report): it checked nothing there. */
  AnalysisFailed: 2099,
  /** `await` (also `for await`, `await using`) inside a `using poolScope` block. */
  AwaitInScope: 3001,
  /** `yield` inside a `using poolScope` block. */
  YieldInScope: 3002,
  /** `v.buffer.transfer()` / `transferToFixedLength()` detaches pool memory. */
  BufferTransferred: 3010,
  /** `structuredClone(x, { transfer: [v.buffer] })` detaches pool memory. */
  BufferTransferredByClone: 3011,
  /** `postMessage(m, [v.buffer])` detaches pool memory. */
  BufferTransferredByMessage: 3012,
} as const;

export type SafetyCode = (typeof SafetyCode)[keyof typeof SafetyCode];

/** `line:col`, 1-based like the rendered diagnostic itself. */
export function positionOf(node: TS.Node, sourceFile: TS.SourceFile): string {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return `${line + 1}:${character + 1}`;
}

/** How a diagnostic refers to pool memory: `v`, `w` (alias of `v`), or the acquiring call. */
export interface Subject {
  /** The name the escaping expression uses, when it is a plain name. */
  readonly usedName: string | undefined;
  readonly acquisition: Acquisition;
  /** `.buffer` of the array rather than the array. */
  readonly isBuffer: boolean;
  /** A function that captures the array, rather than the array. */
  readonly inClosure: boolean;
}

export function describeSubject(subject: Subject, sourceFile: TS.SourceFile): string {
  const { acquisition } = subject;
  const acquired = `acquired at ${positionOf(acquisition.call, sourceFile)}`;
  const root = acquisition.name;
  const what =
    (subject.inClosure ? "a function capturing " : "") + (subject.isBuffer ? "the buffer of " : "");
  if (root === undefined) {
    return `${what}the array from \`${callText(acquisition.call, sourceFile)}\` (${acquired})`;
  }
  if (subject.usedName !== undefined && subject.usedName !== root) {
    return `${what}\`${subject.usedName}\` (an alias of \`${root}\`, ${acquired})`;
  }
  return `${what}\`${root}\` (${acquired})`;
}

/** The fix for an escaping array: a copy of the right type, or a scalar. */
export function copyFix(subject: Subject, sourceFile: TS.SourceFile): string {
  const name = subjectName(subject, sourceFile);
  const type = subject.acquisition.typeName;
  if (subject.isBuffer) {
    return `Return a copy instead (\`${name}.slice().buffer\`), or a scalar.`;
  }
  const alternative = type === undefined ? "" : ` or \`${type}.from(${name})\``;
  return `Return a copy instead (\`${name}.slice()\`${alternative}), or a scalar.`;
}

const POOL_REUSE = "after which the pool hands its memory out again";

/** `exit`: "returned at 6:3", "thrown at 6:3", or "returned by the arrow function's expression body at 4:48". */
export function returnedArrayMessage(
  subject: Subject,
  exit: string,
  sourceFile: TS.SourceFile,
): string {
  return (
    `${capitalise(describeSubject(subject, sourceFile))} escapes its pool scope: ${exit}, ` +
    `${POOL_REUSE}. ${copyFix(subject, sourceFile)}`
  );
}

export function returnedInLiteralMessage(
  subject: Subject,
  exit: string,
  sourceFile: TS.SourceFile,
): string {
  return (
    `${capitalise(describeSubject(subject, sourceFile))} escapes its pool scope inside an array or object ` +
    `${exit}, ${POOL_REUSE}. Put a copy in it instead ` +
    `(\`${subjectName(subject, sourceFile)}.slice()\`), or a scalar.`
  );
}

export function returnedClosureMessage(
  subject: Subject,
  exit: string,
  sourceFile: TS.SourceFile,
): string {
  return (
    `A function ${exit} captures ${describeSubject({ ...subject, inClosure: false }, sourceFile)} ` +
    `and outlives its pool ` +
    `scope, ${POOL_REUSE}: the function would read reused memory. Capture a copy instead ` +
    `(\`const copy = ${subjectName(subject, sourceFile)}.slice()\`), or a scalar.`
  );
}

const READ_LATER =
  "so it may be read after the scope ends, when the pool has handed its memory out again";

/** The possible escapes: each names the sink and why it is only possibly an escape. */
export function possibleEscapeMessage(
  code: SafetyCode,
  subject: Subject,
  sink: TS.Node,
  sourceFile: TS.SourceFile,
): string {
  const at = positionOf(sink, sourceFile);
  const described = capitalise(describeSubject(subject, sourceFile));
  const name = subjectName(subject, sourceFile);
  const keepCopy = subject.inClosure
    ? `Capture a copy (\`const copy = ${name}.slice()\`) if the function runs after the scope.`
    : `Keep a copy (\`${name}.slice()\`) if it is read after the scope.`;
  switch (code) {
    case SafetyCode.AssignedToOuterVariable:
      return `${described} is assigned at ${at} to a variable declared outside its pool scope, ${READ_LATER}. ${keepCopy}`;
    case SafetyCode.StoredInOuterObject:
      return `${described} is stored at ${at} in an object from outside its pool scope, ${READ_LATER}. ${keepCopy}`;
    case SafetyCode.StoredInOuterContainer:
      return `${described} is put at ${at} into a container from outside its pool scope, ${READ_LATER}. ${keepCopy}`;
    case SafetyCode.PostedMessage:
      return (
        `${described} is sent with postMessage at ${at}, from inside its pool scope. Only a copy ` +
        `of its contents is sent, which is safe unless a transfer list detaches its buffer; send ` +
        `\`${name}.slice()\` (or a scalar) to make the copy explicit.`
      );
    default:
      return (
        `${described} is listed for transfer at ${at}: a typed array is not transferable (the ` +
        `call throws DataCloneError), and transferring its buffer would detach memory the pool ` +
        `still owns. Send a copy (\`${name}.slice()\`) without a transfer list.`
      );
  }
}

export function interleavingMessage(code: SafetyCode, keyword: string, pool: string): string {
  const what = code === SafetyCode.YieldInScope ? "generator" : "async function";
  return (
    `\`${keyword}\` inside the pool scope of ${pool}: while this ${what} is suspended other ` +
    `tasks run and use the same pool, open and close their own scopes on it, and rewind out of ` +
    `order (a PoolStateError, or arrays handed out twice). Finish the pooled work before the ` +
    `\`${keyword}\` (close the block first, or move it into a synchronous function), or give ` +
    `each task its own pool (\`new AdaptiveArrayPool()\`).`
  );
}

export function detachMessage(
  code: SafetyCode,
  subject: Subject,
  call: TS.Node,
  sourceFile: TS.SourceFile,
): string {
  const how =
    code === SafetyCode.BufferTransferred
      ? "by `.transfer()`"
      : code === SafetyCode.BufferTransferredByClone
        ? "by structuredClone's transfer list"
        : "by postMessage's transfer list";
  const buffer = capitalise(describeSubject({ ...subject, isBuffer: true }, sourceFile));
  const name = subjectName(subject, sourceFile);
  const fix =
    code === SafetyCode.BufferTransferred
      ? `Transfer a copy instead (\`${name}.slice().buffer\`).`
      : `Transfer a copy instead (\`${name}.slice().buffer\`), or send without a transfer list.`;
  return (
    `${buffer} is transferred at ${positionOf(call, sourceFile)} ${how}, which detaches memory ` +
    `the pool still owns: the array and every other view of that buffer become empty until the ` +
    `pool replaces the buffer. ${fix}`
  );
}

export function analysisFailedMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `The safety analysis failed on this pool scope and did not check it (${reason}). The code is ` +
    `still rewritten; please report this with the scope's source.`
  );
}

/** The name to write in a fix: the variable, or the acquiring call itself. */
function subjectName(subject: Subject, sourceFile: TS.SourceFile): string {
  return (
    subject.usedName ?? subject.acquisition.name ?? callText(subject.acquisition.call, sourceFile)
  );
}

function callText(call: TS.CallExpression, sourceFile: TS.SourceFile): string {
  const text = call.getText(sourceFile).replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
