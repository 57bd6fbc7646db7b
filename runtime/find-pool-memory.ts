/**
 * The search behind check mode's scope-exit inspection: does a value leaving a scope hold memory of
 * that scope? It looks through typed arrays, DataViews and ArrayBuffers, and inside arrays, plain
 * objects, Maps (keys and values) and Sets, nested up to MAX_DEPTH levels and MAX_VISITS values in
 * all, so its cost is bounded whatever is returned. Class instances, functions (closures) and proxies
 * are not looked into: reading their properties could run user code.
 *
 * The search allocates nothing for scalars and typed arrays; the path to a hit is rebuilt (with
 * strings) only once a hit is known, for the error message.
 */

/** The memory a search looks for: the buffers of the closing scope's arrays. */
export interface ScopeMemory {
  /** Index of the record owning `buffer`, or -1. */
  recordOf(buffer: ArrayBufferLike): number;
}

export const MAX_DEPTH = 4;
export const MAX_VISITS = 10_000;

interface Search {
  visits: number;
}

const search: Search = { visits: 0 };

/** Index of the first record whose memory `value` holds, or -1. */
export function findPoolMemory(value: unknown, memory: ScopeMemory): number {
  search.visits = 0;
  return find(value, memory, 0);
}

/** Where the hit for `record` sits inside `value`, e.g. "the returned value's .rows[1]". */
export function pathToRecord(value: unknown, memory: ScopeMemory, record: number): string {
  search.visits = 0;
  const path = pathIn(value, memory, record, 0);
  if (path === undefined) return "the returned value";
  return path === "" ? "the returned value itself" : `the returned value's ${path}`;
}

function bufferOf(value: object): ArrayBufferLike | undefined {
  if (ArrayBuffer.isView(value)) return value.buffer;
  if (value instanceof ArrayBuffer) return value;
  return undefined;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function find(value: unknown, memory: ScopeMemory, depth: number): number {
  if (typeof value !== "object" || value === null) return -1;
  if (++search.visits > MAX_VISITS) return -1;
  const buffer = bufferOf(value);
  if (buffer !== undefined) return memory.recordOf(buffer);
  if (depth >= MAX_DEPTH) return -1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = find(value[i], memory, depth + 1);
      if (hit >= 0) return hit;
    }
    return -1;
  }
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      const hit = find(key, memory, depth + 1);
      if (hit >= 0) return hit;
      const entryHit = find(entry, memory, depth + 1);
      if (entryHit >= 0) return entryHit;
    }
    return -1;
  }
  if (value instanceof Set) {
    for (const entry of value) {
      const hit = find(entry, memory, depth + 1);
      if (hit >= 0) return hit;
    }
    return -1;
  }
  if (!isPlainObject(value)) return -1;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const hit = find((value as Record<string, unknown>)[key], memory, depth + 1);
    if (hit >= 0) return hit;
  }
  return -1;
}

/** The same walk as `find`, naming the steps to `record`; "" when `value` is the memory itself. */
function pathIn(
  value: unknown,
  memory: ScopeMemory,
  record: number,
  depth: number,
): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (++search.visits > MAX_VISITS) return undefined;
  const buffer = bufferOf(value);
  if (buffer !== undefined) {
    return memory.recordOf(buffer) === record ? "" : undefined;
  }
  if (depth >= MAX_DEPTH) return undefined;
  const step = (label: string, inner: unknown): string | undefined => {
    const rest = pathIn(inner, memory, record, depth + 1);
    return rest === undefined ? undefined : label + rest;
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const path = step(`[${i}]`, value[i]);
      if (path !== undefined) return path;
    }
    return undefined;
  }
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      const path = step("(a Map key)", key) ?? step(`.get(${describeKey(key)})`, entry);
      if (path !== undefined) return path;
    }
    return undefined;
  }
  if (value instanceof Set) {
    for (const entry of value) {
      const path = step("(a Set entry)", entry);
      if (path !== undefined) return path;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const path = step(`.${key}`, (value as Record<string, unknown>)[key]);
    if (path !== undefined) return path;
  }
  return undefined;
}

function describeKey(key: unknown): string {
  if (typeof key === "string") return JSON.stringify(key);
  if (typeof key === "number" || typeof key === "boolean") return String(key);
  return "…";
}
