import type { ElementType, TypedArray } from "./element-types.js";

/** The length of an empty cache entry or hot entry (whose type is null, so nothing matches it). */
const NO_LENGTH = -1;
/**
 * The smallest buffer a slot allocates, so every buffer has room for the one-byte detach probe
 * (a zero-length request included); 8 bytes keeps it a whole number of elements of every type.
 */
const MIN_BYTES = 8;
/** The probe of a released (0-byte) buffer: its length is 0, so every acquire takes the miss path. */
const EMPTY_PROBE = new Uint8Array(0);
/** The buffer of a slot that has served nothing yet: any request grows it first. */
const EMPTY_BUFFER = new ArrayBuffer(0);
/** The hot view of a slot that has none yet; never returned, since its type (null) matches no request. */
const NO_VIEW: TypedArray = new Float64Array(0);

type ViewConstructor = new (buffer: ArrayBuffer, offset: number, length: number) => TypedArray;

/**
 * One position of the pool's slot stack: a backing buffer that only grows, shared by whatever element
 * type the position serves, and a four-entry cache of views over it keyed by (type, length), so a
 * repeated acquire of the same request hands back the same typed-array object and allocates nothing.
 *
 * The hot entry (`type`, `length`, `dim0`, `dim1`, `view`) is a copy of the cache entry served last:
 * a one-dim hit compares the type, the length and the probe, a two-dim hit the type, both dims and
 * the probe, nothing else. Everything else (the cache search, growth, detach recovery, peak
 * tracking) runs in `arm`, out of line.
 *
 * Fields are separate (not an array of entries) to keep lookups free of allocation, and lengths are
 * stored beside the views so no code reads `.length` off typed arrays of many types (megamorphic).
 */
export class Slot {
  /**
   * Hot entry: the request the next hit serves. `type` null: none, so the next acquire misses
   * (`length`, `dim0` and `dim1` mean nothing then).
   */
  type: ElementType | null = null;
  length = NO_LENGTH;
  /**
   * The hot entry's length as the two validated dims it was asked as, `dim0 * dim1 === length` (a
   * one-dim request is `(length, 1)`), so a two-dim hit needs no arithmetic and no dims check.
   */
  dim0 = NO_LENGTH;
  dim1 = NO_LENGTH;
  view: TypedArray = NO_VIEW;
  /**
   * A one-byte view over `buffer`: its length drops to 0 when the buffer is detached (transferred
   * away), a check optimised code does with two field loads. Empty for a released 0-byte buffer.
   */
  probe: Uint8Array = EMPTY_PROBE;
  /** Index in ELEMENT_TYPES of the type this slot served last (per-type stats and growth counts). */
  typeIndex = -1;
  buffer: ArrayBuffer = EMPTY_BUFFER;
  /** Largest byte size requested since the last compact: what `compact` may shrink the buffer to. */
  peakBytes = 0;
  /** `buffer.byteLength` as of the last resize (reading `byteLength` is a runtime call in V8). */
  private capacity = 0;
  private type0: ElementType | null = null;
  private type1: ElementType | null = null;
  private type2: ElementType | null = null;
  private type3: ElementType | null = null;
  private length0 = NO_LENGTH;
  private length1 = NO_LENGTH;
  private length2 = NO_LENGTH;
  private length3 = NO_LENGTH;
  private view0: TypedArray = NO_VIEW;
  private view1: TypedArray = NO_VIEW;
  private view2: TypedArray = NO_VIEW;
  private view3: TypedArray = NO_VIEW;
  private nextEntry = 0;

  get bytes(): number {
    return this.buffer.byteLength;
  }

  /**
   * Make `(type, length)` this slot's hot entry, requested as the dims `(dim0, dim1)` (validated by
   * the caller, product `length`), and return its view: from the cache, or a new view over the
   * buffer, growing (or, when detached, replacing) the buffer first. An allocation the engine
   * refuses throws before anything changes, so the slot stays as it was.
   */
  arm(
    type: ElementType,
    typeIndex: number,
    length: number,
    dim0: number,
    dim1: number,
  ): TypedArray {
    const bytes = length * type.BYTES_PER_ELEMENT;
    // A detached buffer (its memory transferred away) has an empty probe, so it is replaced too.
    if (bytes > this.capacity || this.probe.length === 0) this.grow(bytes);
    if (bytes > this.peakBytes) this.peakBytes = bytes;
    this.typeIndex = typeIndex;
    this.type = type;
    this.length = length;
    // `+ 0` stores a -0 dim as 0 (equal under ===), so the fields stay small integers.
    this.dim0 = dim0 + 0;
    this.dim1 = dim1 + 0;
    this.view = this.cachedView(type, length) ?? this.cacheView(type, length);
    return this.view;
  }

  /**
   * `arm` for a request whose view is already cached: the hot entry's element type, a length this
   * slot served before, a live buffer. A slot at one position alternating between two lengths of
   * one type (two sibling scopes at the same depth, e.g. a helper's scope between two acquires of
   * its caller) then costs a few compares instead of the whole miss path. Changes what `arm` would
   * change for this request (the hot entry, the peak) and nothing else; `undefined` when the
   * request needs `arm`: another type, a length not cached, a detached buffer, a disarmed slot.
   */
  rearm(type: unknown, length: unknown): TypedArray | undefined {
    const hot = this.type;
    if (hot === null || type !== hot || this.probe.length === 0) return undefined;
    const view = this.cachedView(hot, length);
    if (view === undefined) return undefined;
    // A cached length was validated when its view was made, and equals `length` under ===; `+ 0`
    // stores a -0 request as 0, as `arm` does, so the fields stay small integers.
    const served = (length as number) + 0;
    const bytes = served * hot.BYTES_PER_ELEMENT;
    if (bytes > this.peakBytes) this.peakBytes = bytes;
    this.length = served;
    this.dim0 = served;
    this.dim1 = 1;
    this.view = view;
    return view;
  }

  /**
   * Send the next acquire through `arm` (so it records its peak) without dropping any view. The hot
   * type, not the length, is cleared: every acquire passes an element-type constructor, never null,
   * while a length or dim of NO_LENGTH (-1) can be asked for and must be refused, not hit.
   */
  disarm(): void {
    this.type = null;
  }

  /**
   * Replace the buffer with one of `bytes` bytes (0 releases the memory); every cached view is
   * dropped with the old buffer.
   */
  resize(bytes: number): void {
    const buffer = new ArrayBuffer(bytes);
    this.buffer = buffer;
    this.capacity = bytes;
    this.probe = bytes > 0 ? new Uint8Array(buffer, 0, 1) : EMPTY_PROBE;
    this.type = this.type0 = this.type1 = this.type2 = this.type3 = null;
    this.length = this.length0 = this.length1 = this.length2 = this.length3 = NO_LENGTH;
    this.dim0 = this.dim1 = NO_LENGTH;
    this.view = this.view0 = this.view1 = this.view2 = this.view3 = NO_VIEW;
    this.nextEntry = 0;
  }

  /** Number of cached view objects, for stats. */
  get cachedViews(): number {
    return (
      (this.type0 === null ? 0 : 1) +
      (this.type1 === null ? 0 : 1) +
      (this.type2 === null ? 0 : 1) +
      (this.type3 === null ? 0 : 1)
    );
  }

  private grow(bytes: number): void {
    // Grow geometrically so a slot serving slowly rising lengths reallocates O(log n) times.
    // A detached buffer reads as 0 bytes here, so its replacement is exactly what is asked.
    const grown = roundUpTo8(Math.floor(this.buffer.byteLength * 1.5));
    const wanted = bytes > grown ? bytes : grown;
    this.resize(wanted > MIN_BYTES ? wanted : MIN_BYTES);
  }

  private cachedView(type: ElementType, length: unknown): TypedArray | undefined {
    if (this.type0 === type && this.length0 === length) return this.view0;
    if (this.type1 === type && this.length1 === length) return this.view1;
    if (this.type2 === type && this.length2 === length) return this.view2;
    if (this.type3 === type && this.length3 === length) return this.view3;
    return undefined;
  }

  private cacheView(type: ElementType, length: number): TypedArray {
    const view = new (type as unknown as ViewConstructor)(this.buffer, 0, length);
    switch (this.nextEntry) {
      case 0:
        this.type0 = type;
        this.length0 = length;
        this.view0 = view;
        break;
      case 1:
        this.type1 = type;
        this.length1 = length;
        this.view1 = view;
        break;
      case 2:
        this.type2 = type;
        this.length2 = length;
        this.view2 = view;
        break;
      default:
        this.type3 = type;
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
