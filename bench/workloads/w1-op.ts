/** What W1's two shapes (one and three temporaries per op) share. */
import { isPeerPool } from "../contenders/peer-pools.js";
import type { PeerPoolId } from "../contenders/peer-pools.js";
import { unknownImpl } from "../contenders/contender-list.js";
import type { DType } from "../contenders/dtypes.js";

export type Op = () => void;

/** The seed changes every op so the work cannot be hoisted; kept small so it stays a SMI. */
export function counter(): () => number {
  let i = 0;
  return () => (i = (i + 1) & 1023);
}

export function peerImpl(impl: string): PeerPoolId {
  if (!isPeerPool(impl)) throw unknownImpl("W1", impl);
  return impl;
}

export interface W1Row {
  readonly n: number;
  readonly type: DType;
  readonly temporaries: 1 | 3;
}

/** A W1 case's label, e.g. "n=16 f64" or "n=16 3 temporaries (2 f64 + i32)". */
export function w1Label({ n, type, temporaries }: W1Row): string {
  return temporaries === 3 ? `n=${n} 3 temporaries (2 f64 + i32)` : `n=${n} ${type}`;
}
