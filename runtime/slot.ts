import type { ElementType, TypedArray } from "./element-types.js";

const NO_LENGTH = -1;
/** The probe of an empty buffer: never consulted, since any non-empty request grows such a slot. */
const EMPTY_PROBE = new Uint8Array(0);

/**
 * One reusable array position of a typed sub-pool: a backing buffer that only grows, and a four-entry
 * cache of views over it keyed by length, so a repeated acquire of the same length hands back the same
 * typed-array object and allocates nothing.
 *
 * Cache entries are separate fields (not an array of pairs) to keep lookups free of allocation, and
 * lengths are stored beside the views so this code never reads `.length` off typed arrays of many
 * different types, which would make it megamorphic.
 */
export class Slot {
  buffer: ArrayBuffer;
  /** `buffer.byteLength` as of the last resize (reading `byteLength` is a runtime call in V8). */
  private capacity = 0;
  /**
   * A one-byte view over `buffer`: its length drops to 0 when the buffer is detached (transferred
   * away), a check optimised code does with a field load.
   */
  private probe: Uint8Array = EMPTY_PROBE;
  /** Largest byte size requested since the last compact: what `compact` may shrink the buffer to. */
  peakBytes = 0;
  private length0 = NO_LENGTH;
  private length1 = NO_LENGTH;
  private length2 = NO_LENGTH;
  private length3 = NO_LENGTH;
  private view0: TypedArray | null = null;
  private view1: TypedArray | null = null;
  private view2: TypedArray | null = null;
  private view3: TypedArray | null = null;
  private nextEntry = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
    this.track(this.buffer);
  }

  get bytes(): number {
    return this.buffer.byteLength;
  }

  /** A view of exactly `length` elements over this slot's memory, growing the buffer if needed. */
  view(type: ElementType, length: number, bytes: number): TypedArray {
    if (bytes > this.peakBytes) this.peakBytes = bytes;
    // A detached buffer (its memory transferred away) counts as 0 bytes, so it is replaced here too.
    if (bytes > this.capacity || (bytes > 0 && this.probe.length === 0)) this.grow(bytes);
    if (this.length0 === length) return this.view0!;
    if (this.length1 === length) return this.view1!;
    if (this.length2 === length) return this.view2!;
    if (this.length3 === length) return this.view3!;
    return this.cacheView(type, length);
  }

  /** Replace the buffer with one of `bytes` bytes; every cached view is dropped with the old buffer. */
  resize(bytes: number): void {
    this.buffer = new ArrayBuffer(bytes);
    this.track(this.buffer);
    this.length0 = this.length1 = this.length2 = this.length3 = NO_LENGTH;
    this.view0 = this.view1 = this.view2 = this.view3 = null;
    this.nextEntry = 0;
  }

  /** Number of cached view objects, for stats. */
  get cachedViews(): number {
    return (
      (this.view0 === null ? 0 : 1) +
      (this.view1 === null ? 0 : 1) +
      (this.view2 === null ? 0 : 1) +
      (this.view3 === null ? 0 : 1)
    );
  }

  private track(buffer: ArrayBuffer): void {
    this.capacity = buffer.byteLength;
    this.probe = this.capacity > 0 ? new Uint8Array(buffer, 0, 1) : EMPTY_PROBE;
  }

  private grow(bytes: number): void {
    // Grow geometrically so a slot serving slowly rising lengths reallocates O(log n) times.
    const grown = Math.floor(this.buffer.byteLength * 1.5);
    this.resize(bytes > grown ? bytes : roundUpTo8(grown));
  }

  private cacheView(type: ElementType, length: number): TypedArray {
    // A 0-byte buffer here (a zero-length request) may be a detached one, transferred away by user
    // code; no view can be built over that, so the slot gets a fresh empty buffer.
    if (this.buffer.byteLength === 0) {
      this.buffer = new ArrayBuffer(0);
      this.track(this.buffer);
    }
    const view = new (type as unknown as new (b: ArrayBuffer, o: number, l: number) => TypedArray)(
      this.buffer,
      0,
      length,
    );
    switch (this.nextEntry) {
      case 0:
        this.length0 = length;
        this.view0 = view;
        break;
      case 1:
        this.length1 = length;
        this.view1 = view;
        break;
      case 2:
        this.length2 = length;
        this.view2 = view;
        break;
      default:
        this.length3 = length;
        this.view3 = view;
    }
    this.nextEntry = (this.nextEntry + 1) & 3;
    return view;
  }
}

function roundUpTo8(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
