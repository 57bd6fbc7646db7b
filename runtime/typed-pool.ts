import type { ElementKind, ElementType, TypedArray } from "./element-types.js";
import { Slot } from "./slot.js";
import { warnGrowth } from "./warnings.js";

interface CompactTally {
  compactedSlots: number;
  releasedBytes: number;
}

/**
 * The sub-pool of one element type: a stack of slots of which the first `active` are handed out, and a
 * stack of saved `active` counts, one per scope depth at which this type was first touched (the lazy
 * checkpoint). Scope bookkeeping across types lives in AdaptiveArrayPool.
 */
export class TypedPool {
  readonly type: ElementType;
  readonly kind: ElementKind;
  readonly bytesPerElement: number;
  /** Slots in use, from the bottom of the stack. */
  active = 0;
  readonly slots: Slot[] = [];
  /** Depth of the newest saved count (0 when none): equal to the pool depth once touched there. */
  savedDepth = 0;
  private readonly savedCounts: number[] = [];
  private readonly savedDepths: number[] = [];
  private savedTop = 0;
  private readonly growthWarningThreshold: number;
  private warned = false;

  constructor(type: ElementType, kind: ElementKind, growthWarningThreshold: number) {
    this.type = type;
    this.kind = kind;
    this.bytesPerElement = type.BYTES_PER_ELEMENT;
    this.growthWarningThreshold = growthWarningThreshold;
  }

  /** Take the next slot's view of `length` elements. */
  take(length: number): TypedArray {
    const index = this.active;
    const slot = index < this.slots.length ? this.slots[index]! : this.addSlot();
    const view = slot.view(this.type, length, length * this.bytesPerElement);
    this.active = index + 1;
    return view;
  }

  /** Remember the active count at `depth` (first acquire of this type at that depth). */
  save(depth: number): void {
    const top = this.savedTop;
    if (top < this.savedCounts.length) {
      this.savedCounts[top] = this.active;
      this.savedDepths[top] = depth;
    } else {
      this.savedCounts.push(this.active);
      this.savedDepths.push(depth);
    }
    this.savedTop = top + 1;
    this.savedDepth = depth;
  }

  /** Undo the newest save: every slot taken since then is free again. */
  restore(): void {
    const top = this.savedTop - 1;
    this.active = this.savedCounts[top]!;
    this.savedTop = top;
    this.savedDepth = top > 0 ? this.savedDepths[top - 1]! : 0;
  }

  /** Free every slot and forget every saved count; buffers are kept for reuse. */
  reset(): void {
    this.active = 0;
    this.savedTop = 0;
    this.savedDepth = 0;
  }

  /** Drop the buffers of free slots; returns the bytes released. */
  releaseInactive(): number {
    let released = 0;
    for (let i = this.active; i < this.slots.length; i++) released += this.slots[i]!.bytes;
    this.slots.length = this.active;
    return released;
  }

  /** Shrink free slots whose buffer is over `factor` × their recent peak and `minBytes` above it. */
  compactInactive(factor: number, minBytes: number, summary: CompactTally): void {
    for (let i = this.active; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      const target = slot.peakBytes;
      if (slot.bytes > factor * target && slot.bytes - target >= minBytes) {
        summary.compactedSlots++;
        summary.releasedBytes += slot.bytes - target;
        slot.resize(target);
      }
      slot.peakBytes = 0;
    }
  }

  get bytes(): number {
    let total = 0;
    for (const slot of this.slots) total += slot.bytes;
    return total;
  }

  get activeBytes(): number {
    let total = 0;
    for (let i = 0; i < this.active; i++) total += this.slots[i]!.bytes;
    return total;
  }

  get cachedViews(): number {
    let total = 0;
    for (const slot of this.slots) total += slot.cachedViews;
    return total;
  }

  private addSlot(): Slot {
    const slot = new Slot(0);
    this.slots.push(slot);
    if (this.slots.length > this.growthWarningThreshold && !this.warned) {
      this.warned = true;
      warnGrowth(this.type.name, this.slots.length);
    }
    return slot;
  }
}
