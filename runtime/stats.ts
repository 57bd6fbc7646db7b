/** Per-type figures in a pool's stats. */
export interface TypeStats {
  /** The element type's name, e.g. "Float64Array". */
  readonly type: string;
  /** Slots handed out and not yet rewound. */
  readonly active: number;
  /** Slots held, active or free. */
  readonly slots: number;
  /** Bytes of all backing buffers of this type. */
  readonly bytes: number;
  /** Bytes of the buffers of the active slots. */
  readonly activeBytes: number;
  /** Typed-array views the slots keep for reuse (up to four per slot, one per type and length). */
  readonly cachedViews: number;
}

/** What `poolStats(pool)` / `pool.stats()` returns: a snapshot, with a readable `toString`. */
export interface PoolStats {
  /** Open scopes when the snapshot was taken. */
  readonly depth: number;
  /** Whether the pool was pooling (false for a disabled pool, or in a pooling-off maybe-scope). */
  readonly pooling: boolean;
  /** The pool's cap on free buffer bytes kept after its outermost scope (Infinity: none). */
  readonly maxRetainedBytes: number;
  /** Bytes the cap released so far. */
  readonly releasedByCap: number;
  /** Bytes of every backing buffer held. */
  readonly bytes: number;
  /** Bytes of the buffers of arrays handed out. */
  readonly activeBytes: number;
  /** Only the types that hold at least one slot. */
  readonly types: readonly TypeStats[];
  /** A multi-line summary: a header with depth and bytes, then one row per type. */
  toString(): string;
}

/** What `trim` released. */
export interface TrimSummary {
  /** Free slots removed from the pool. */
  readonly releasedSlots: number;
  /** Bytes of their buffers. */
  readonly releasedBytes: number;
}

/** When `compact` shrinks a free buffer. */
export interface CompactOptions {
  /** A free slot is shrunk when its buffer exceeds `factor` × its recent peak request. Default 4. */
  readonly factor?: number;
  /** ...and exceeds that peak by at least this many bytes. Default 65536. */
  readonly minBytes?: number;
}

/** What `compact` shrank. */
export interface CompactSummary {
  /** Free slots whose buffer was shrunk. */
  readonly compactedSlots: number;
  /** Bytes released by shrinking them. */
  readonly releasedBytes: number;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function renderStats(stats: Omit<PoolStats, "toString">): string {
  const header =
    `AdaptiveArrayPool depth=${stats.depth}${stats.pooling ? "" : " (pooling off)"}, ` +
    `${formatBytes(stats.bytes)} held, ${formatBytes(stats.activeBytes)} active` +
    (stats.maxRetainedBytes === Infinity
      ? ""
      : `, cap ${formatBytes(stats.maxRetainedBytes)} free (${formatBytes(stats.releasedByCap)} released)`);
  const rows = stats.types.map(
    (t) =>
      `  ${t.type.padEnd(18)} ${String(t.active).padStart(5)} / ${String(t.slots).padEnd(5)} slots` +
      `  ${formatBytes(t.bytes).padStart(10)}  ${t.cachedViews} views`,
  );
  return [header, ...rows].join("\n");
}

/** Stats with a readable `toString` and `util.inspect` form. */
export function makePoolStats(fields: Omit<PoolStats, "toString">): PoolStats {
  const stats = {
    ...fields,
    toString(): string {
      return renderStats(fields);
    },
  };
  Object.defineProperty(stats, inspectSymbol, { value: () => renderStats(fields) });
  return stats;
}
