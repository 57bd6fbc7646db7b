/**
 * Detaching a released check-mode buffer: every view of it (the array itself, subarrays, views a
 * caller built over `.buffer`) drops to length 0, so a stale loop stops and a stale read is
 * `undefined` (NaN in arithmetic). `ArrayBuffer.prototype.transfer` where the engine has it (Node 21+,
 * current browsers), else a structured clone with the buffers in its transfer list (one clone per
 * scope, Node 17+ and every current browser). The memory itself is freed by the collector.
 */
type Transferable = ArrayBuffer;

const transfer = (ArrayBuffer.prototype as { transfer?: (this: ArrayBuffer) => ArrayBuffer })
  .transfer;
const clone = (
  globalThis as {
    structuredClone?: (value: unknown, options: { transfer: Transferable[] }) => unknown;
  }
).structuredClone;

/** How this engine detaches buffers: reported by the docs and the tests. */
export const DETACH_MECHANISM: "transfer" | "structuredClone" | "none" =
  transfer !== undefined ? "transfer" : clone !== undefined ? "structuredClone" : "none";

/**
 * Detach every buffer in `buffers` (then empties the list). Returns false where the engine cannot
 * detach; the caller poisons the memory instead.
 */
export function detachAll(buffers: ArrayBuffer[]): boolean {
  if (buffers.length === 0) return true;
  if (transfer !== undefined) {
    for (let i = 0; i < buffers.length; i++) transfer.call(buffers[i]!);
  } else if (clone !== undefined) {
    clone(buffers, { transfer: buffers });
  } else {
    return false;
  }
  buffers.length = 0;
  return true;
}

/**
 * Whether `buffer` still needs detaching: not empty and not detached already (user code may have
 * transferred it; a structured clone refuses to transfer a detached buffer).
 */
export function isAttached(buffer: ArrayBuffer): boolean {
  return buffer.byteLength > 0;
}
