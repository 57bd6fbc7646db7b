/**
 * Where the rewritten syntax tree differs from the parsed one. The transformer returns input nodes
 * where it changed nothing (identity) and updated copies (with `original` set) where something below
 * changed, so walking both trees side by side finds the smallest nodes and statement runs that were
 * really replaced; everything else keeps the user's text.
 */
import type * as TS from "typescript";
import ts from "./typescript.js";

/** Replace the input text `[start, end)` with the printed `nodes` (an empty range inserts). */
export interface Change {
  /** Where the replaced input's leading trivia (comments) begins; `start` for an insertion. */
  readonly fullStart: number;
  readonly start: number;
  readonly end: number;
  readonly nodes: readonly TS.Node[];
  /** A statement run (printed one per line) rather than one expression or node. */
  readonly statements: boolean;
}

type Slot = TS.Node | TS.NodeArray<TS.Node>;

export function collectChanges(input: TS.Node, output: TS.Node, changes: Change[]): void {
  if (input === output) return;
  if (output.kind === input.kind && ts.getOriginalNode(output) === input) {
    const before = slotsOf(input);
    const after = slotsOf(output);
    if (before.length === after.length && before.every((slot, i) => canPair(slot, after[i]!))) {
      before.forEach((slot, i) => collectSlotChanges(slot, after[i]!, changes));
      return;
    }
  }
  changes.push({
    fullStart: input.pos,
    start: input.getStart(),
    end: input.end,
    nodes: [output],
    statements: false,
  });
}

function slotsOf(node: TS.Node): Slot[] {
  const slots: Slot[] = [];
  ts.forEachChild(
    node,
    (child) => void slots.push(child),
    (children) => void slots.push(children),
  );
  return slots;
}

/** Two nodes, two lists of the same length, or two statement lists (matched element by element). */
function canPair(a: Slot, b: Slot): boolean {
  if (!isNodeArray(a) || !isNodeArray(b)) return !isNodeArray(a) && !isNodeArray(b);
  return a.length === b.length || (isStatementList(a) && isStatementList(b));
}

function isStatementList(list: TS.NodeArray<TS.Node>): boolean {
  return list.every((element) => ts.isStatement(element));
}

function isNodeArray(slot: Slot): slot is TS.NodeArray<TS.Node> {
  return Array.isArray(slot);
}

function collectSlotChanges(input: Slot, output: Slot, changes: Change[]): void {
  if (!isNodeArray(input) || !isNodeArray(output)) {
    collectChanges(input as TS.Node, output as TS.Node, changes);
  } else if (input.length === output.length && pairsInPlace(input, output)) {
    input.forEach((element, i) => collectChanges(element, output[i]!, changes));
  } else {
    collectListChanges(input, output, changes);
  }
}

/** Same length, and (for statements) no element moved: compare position by position. */
function pairsInPlace(input: TS.NodeArray<TS.Node>, output: TS.NodeArray<TS.Node>): boolean {
  if (!isStatementList(input)) return true;
  return output.every(
    (element, i) => element === input[i] || ts.getOriginalNode(element) === input[i],
  );
}

/**
 * Lists are matched element by element (an output element matches the input element it is, or was
 * updated from, in order); each run of unmatched output elements replaces the unmatched input run
 * between the same matched neighbours.
 */
function collectListChanges(
  input: TS.NodeArray<TS.Node>,
  output: TS.NodeArray<TS.Node>,
  changes: Change[],
): void {
  if (input === output) return;
  let next = 0; // the first input element not yet matched or replaced
  let pending: TS.Node[] = [];
  const flush = (until: number): void => {
    if (pending.length === 0 && until === next) return;
    const replaced = input.slice(next, until);
    const first = replaced[0];
    const start = first !== undefined ? first.getStart() : insertionPoint(input, next);
    const end = replaced.length > 0 ? replaced[replaced.length - 1]!.end : start;
    const fullStart = first !== undefined ? first.pos : start;
    changes.push({ fullStart, start, end, nodes: pending, statements: true });
    pending = [];
  };
  for (const element of output) {
    const match = matchIndex(input, element, next);
    if (match === -1) {
      pending.push(element);
      continue;
    }
    flush(match);
    collectChanges(input[match]!, element, changes);
    next = match + 1;
  }
  flush(input.length);
}

function matchIndex(input: TS.NodeArray<TS.Node>, element: TS.Node, from: number): number {
  const original = ts.getOriginalNode(element);
  for (let i = from; i < input.length; i++) {
    if (input[i] === element || input[i] === original) return i;
  }
  return -1;
}

/** Where elements inserted before `input[index]` go: after the previous element, or the list's start. */
function insertionPoint(input: TS.NodeArray<TS.Node>, index: number): number {
  return index > 0 ? input[index - 1]!.end : input.pos;
}
