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
  // Read once: each read of a compiler export is a getter call, and this loop runs per node.
  const forEachChild = ts.forEachChild;
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const control = enter(node);
    if (control === "stop") return true;
    if (control === "skip") continue;
    // The children go straight onto the stack, then their order is turned round in place: no
    // array per node (this walk passes over every node of every file).
    const first = stack.length;
    forEachChild(node, push);
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
  // Three parallel stacks rather than a frame object and a children array per node: the safety
  // walk passes over every expression of every scope, loop bodies more than once.
  const nodes: TS.Node[] = [root];
  const contexts: C[] = [rootContext];
  const entered: boolean[] = [false];
  let childContext = rootContext;
  const forEachChild = ts.forEachChild;
  const push = (child: TS.Node): void => {
    nodes.push(child);
    contexts.push(childContext);
    entered.push(false);
  };
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top]!;
    const context = contexts[top]!;
    if (entered[top]!) {
      pop(nodes, contexts, entered);
      leave(node, context);
      continue;
    }
    const next = enter(node, context);
    if (next === undefined) {
      pop(nodes, contexts, entered);
      continue;
    }
    entered[top] = true;
    childContext = next;
    const first = nodes.length;
    forEachChild(node, push);
    // The children share one context and one flag: only their order needs turning round.
    reverseFrom(nodes, first);
  }
}

function pop<C>(nodes: TS.Node[], contexts: C[], entered: boolean[]): void {
  nodes.pop();
  contexts.pop();
  entered.pop();
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
