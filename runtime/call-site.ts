/**
 * Call sites for check mode's messages. The transformer (plugin option `runtimeCheck`) passes each
 * site as a constant `file:line:col` through `checkAt(pool, site)`, which sets the pending site the
 * next checked checkpoint or acquire consumes. Without it, check mode captures the stack (V8 records
 * the frames when the holder is made and formats them only if a message needs them) and names the
 * first frame outside this runtime.
 */

export const UNKNOWN_CALL_SITE = "unknown call site";

/** A site as given by the transformer, or a captured stack still to be formatted. */
export type CallSite = string | StackHolder;

interface StackHolder {
  stack?: string;
}

const captureStackTrace = (
  Error as { captureStackTrace?: (holder: object, below?: (...args: never[]) => unknown) => void }
).captureStackTrace;

/** This runtime's folder as it appears in stack frames: frames in it are the runtime's own. */
const RUNTIME_FOLDER = runtimeFolder();

let pendingSite: string | undefined;

/** Set the site the next checked checkpoint or acquire on any pool records. */
export function setPendingSite(site: string): void {
  pendingSite = site;
}

/** The pending site (then cleared), else a capture of the current stack. */
export function takeSite(): CallSite {
  const site = pendingSite;
  if (site !== undefined) {
    pendingSite = undefined;
    return site;
  }
  if (captureStackTrace === undefined) return UNKNOWN_CALL_SITE;
  const holder: StackHolder = {};
  captureStackTrace(holder);
  return holder;
}

/** `file:line:col` of a site (formatting a captured stack), or "unknown call site". */
export function formatSite(site: CallSite | undefined): string {
  if (site === undefined) return UNKNOWN_CALL_SITE;
  if (typeof site === "string") return site;
  for (const line of (site.stack ?? "").split("\n").slice(1)) {
    const location = locationOf(line);
    if (location !== undefined && !location.startsWith(RUNTIME_FOLDER)) return location;
  }
  return UNKNOWN_CALL_SITE;
}

function locationOf(frame: string): string | undefined {
  const match = /\(?((?:[a-z]+:\/\/)?[^\s()]+:\d+:\d+)\)?\s*$/.exec(frame);
  return match?.[1];
}

function runtimeFolder(): string {
  const holder: StackHolder = {};
  captureStackTrace?.(holder);
  const here = locationOf((holder.stack ?? "").split("\n")[1] ?? "");
  if (here === undefined) return "\0";
  const slash = Math.max(here.lastIndexOf("/"), here.lastIndexOf("\\"));
  return here.slice(0, slash + 1);
}

/** Drop a pending site that nothing recorded (an acquire in a pooling-off scope). */
export function clearPendingSite(): void {
  pendingSite = undefined;
}
