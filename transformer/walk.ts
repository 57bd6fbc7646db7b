/**
 * Tree walks with an explicit stack instead of recursion. A long expression (`a + b + ...` with
 * thousands of terms) nests thousands of nodes deep; a recursive walk overflows the JavaScript stack
 * long before TypeScript's own parser, checker and emitter (which are trampolined) do, so every walk
 * the transformer makes over user code goes through here.
 */
import type * as TS from "typescript";

/** What a pre-order visit wants next: "skip" leaves out the node's children, "stop" ends the walk. */
export type WalkControl = "skip" | "stop" | undefined;

/** Code to walk: one node or a list of them. */
export type WalkRoots = TS.Node | readonly TS.Node[];

/** Visit every node under `roots` (roots included) in source order; true if a visit said "stop". */
export function walkPreOrder(
  ts: typeof TS,
  roots: WalkRoots,
  enter: (node: TS.Node) => WalkControl,
): boolean {
  const stack: TS.Node[] = [];
  const push = (child: TS.Node): void => {
    stack.push(child);
  };
  pushReversed(stack, rootList(roots));
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const control = enter(node);
    if (control === "stop") return true;
    if (control === "skip") continue;
    // The children go straight onto the stack, then their order is turned round in place: no
    // array per node (this walk passes over every node of every file).
    const first = stack.length;
    ts.forEachChild(node, push);
    reverseFrom(stack, first);
  }
  return false;
}

function reverseFrom(stack: TS.Node[], first: number): void {
  for (let low = first, high = stack.length - 1; low < high; low++, high--) {
    const node = stack[low]!;
    stack[low] = stack[high]!;
    stack[high] = node;
  }
}

/**
 * Visit every node under `root` children first. `enter` gives the context its children see, or
 * undefined to leave the node and its children out; `leave` runs after the children with the context
 * the node itself got from its parent.
 */
export function walkPostOrder<C>(
  ts: typeof TS,
  root: TS.Node,
  rootContext: C,
  enter: (node: TS.Node, context: C) => C | undefined,
  leave: (node: TS.Node, context: C) => void,
): void {
  interface Frame {
    readonly node: TS.Node;
    readonly context: C;
    entered: boolean;
  }
  const stack: Frame[] = [{ node: root, context: rootContext, entered: false }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.entered) {
      leave(frame.node, frame.context);
      continue;
    }
    const childContext = enter(frame.node, frame.context);
    if (childContext === undefined) continue;
    frame.entered = true;
    stack.push(frame);
    const children = childrenOf(ts, frame.node);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, context: childContext, entered: false });
    }
  }
}

/** The direct children of `node`, in source order. */
export function childrenOf(ts: typeof TS, node: TS.Node): TS.Node[] {
  const children: TS.Node[] = [];
  ts.forEachChild(node, (child) => {
    children.push(child);
  });
  return children;
}

function rootList(roots: WalkRoots): readonly TS.Node[] {
  return Array.isArray(roots) ? (roots as readonly TS.Node[]) : [roots as TS.Node];
}

function pushReversed(stack: TS.Node[], nodes: readonly TS.Node[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
}
