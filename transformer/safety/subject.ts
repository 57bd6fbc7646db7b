/**
 * How a safety diagnostic names the pool memory it is about: the variable (`v`), an alias of it
 * (`w` (an alias of `v`)), or the acquiring call; the fix it suggests; and where the memory was
 * acquired, which travels as the diagnostic's related information. The message templates themselves
 * are in diagnostic-registry.ts.
 */
import type * as TS from "typescript";
import type { RelatedPlace } from "../diagnostics.js";
import type { Acquisition } from "./origin.js";
import { acquiredTypeName } from "./element-type.js";
import type { SafetyContext } from "./index.js";

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
  const root = acquisition.name;
  const what =
    (subject.inClosure ? "a function capturing " : "") + (subject.isBuffer ? "the buffer of " : "");
  if (root === undefined) {
    return `${what}the array from \`${callText(acquisition.call, sourceFile)}\``;
  }
  if (subject.usedName !== undefined && subject.usedName !== root) {
    return `${what}\`${subject.usedName}\` (an alias of \`${root}\`)`;
  }
  return `${what}\`${root}\``;
}

/** The subject at the start of a sentence. */
export function describeSubjectCapitalised(subject: Subject, sourceFile: TS.SourceFile): string {
  const text = describeSubject(subject, sourceFile);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where the memory was acquired: the related place every safety diagnostic carries. */
export function acquisitionPlace(subject: Subject): RelatedPlace {
  const { name, call } = subject.acquisition;
  const message =
    name === undefined ? "The array is acquired here." : `\`${name}\` is acquired here.`;
  return { node: call, message };
}

/** The fix for an escaping array: a copy of the right type, or a scalar. */
export function copyFix(subject: Subject, context: SafetyContext): string {
  const name = subjectName(subject, context.sourceFile);
  if (subject.isBuffer) {
    return `Return a copy instead (\`${name}.slice().buffer\`), or a scalar.`;
  }
  const { call, runtime } = subject.acquisition;
  const type = acquiredTypeName(call, runtime, context);
  const alternative = type === undefined ? "" : ` or \`${type}.from(${name})\``;
  return `Return a copy instead (\`${name}.slice()\`${alternative}), or a scalar.`;
}

/** The name to write in a fix: the variable, or the acquiring call itself. */
export function subjectName(subject: Subject, sourceFile: TS.SourceFile): string {
  return (
    subject.usedName ?? subject.acquisition.name ?? callText(subject.acquisition.call, sourceFile)
  );
}

function callText(call: TS.CallExpression, sourceFile: TS.SourceFile): string {
  const text = call.getText(sourceFile).replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
