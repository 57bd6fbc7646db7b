import type { DType } from "./dtypes.js";
import { DTYPE_CONSTRUCTORS } from "./dtypes.js";
import type { NumericArray } from "../workloads/kernels.js";

/**
 * The usual hand-rolled bump allocator: one big array, `subarray` views carved from a moving top,
 * released by moving the top back. Each take allocates a view object, as `subarray` must.
 */
export class SubarrayArena {
  private readonly memory: NumericArray;
  private top = 0;

  constructor(dtype: DType, elements: number) {
    this.memory = new DTYPE_CONSTRUCTORS[dtype](elements);
  }

  take(n: number): NumericArray {
    const start = this.top;
    const end = start + n;
    if (end > this.memory.length)
      throw new RangeError(`arena of ${this.memory.length} elements is full`);
    this.top = end;
    return this.memory.subarray(start, end);
  }

  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    this.top = mark;
  }

  get heldBytes(): number {
    return this.memory.byteLength;
  }
}
