/**
 * Applies printed changes to the user's text with magic-string: generated pieces replace the input
 * between holes, holes keep their text (and so their exact source-map positions). Every generated
 * line maps to the input position its piece replaces, so each line of a rewritten function maps
 * back into the `.ts` source.
 */
import MagicString from "magic-string";
import type { PrintedChange } from "./print-changes.js";

export interface Spliced {
  readonly code: string;
  readonly map: ReturnType<MagicString["generateMap"]>;
}

export function splice(
  source: string,
  fileName: string,
  changes: readonly PrintedChange[],
): Spliced {
  const text = new MagicString(source);
  for (const change of changes) apply(text, change);
  return {
    code: text.toString(),
    map: text.generateMap({ source: fileName, includeContent: true, hires: "boundary" }),
  };
}

function apply(text: MagicString, change: PrintedChange): void {
  let from = change.start;
  change.holes.forEach((hole, index) => {
    replace(text, from, hole.pos, change.pieces[index]!, "before");
    from = hole.end;
  });
  replace(text, from, change.end, change.pieces[change.holes.length]!, "after");
}

/** `[start, end)` becomes `content`; an empty range inserts, beside the hole it borders. */
function replace(
  text: MagicString,
  start: number,
  end: number,
  content: string,
  side: "before" | "after",
): void {
  if (start < end) {
    if (content.length > 0) text.update(start, end, content);
    else text.remove(start, end);
  } else if (content.length === 0) return;
  else if (side === "before") text.appendLeft(start, content);
  else text.prependRight(start, content);
}
