/**
 * The bench's heavy dependencies (the peer pools and the chart renderer; @stdlib alone is over 400 MB)
 * live in bench/peers, a separate npm package with its own lockfile that the root `npm ci` never
 * installs. `npm run bench` installs it (`npm ci --prefix bench/peers`) when it is missing or older
 * than its lockfile; the bench loads these packages from there, never from the root node_modules.
 * Without it, the peer contenders and the chart are reported unavailable, with the reason.
 */
import { createRequire } from "node:module";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./repo-root.js";
import { firstLines, run } from "./spawn.js";

export const PEERS_FOLDER = join("bench", "peers");

function peersDir(): string {
  return join(repoRoot(), PEERS_FOLDER);
}

function declaredPeers(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(manifest.dependencies ?? {});
}

/** Why the peers cannot be loaded (not installed, or a package missing), or undefined when they can. */
export function peersUnavailable(): string | undefined {
  const dir = peersDir();
  const missing = declaredPeers(dir).filter(
    (name) => !existsSync(join(dir, "node_modules", name, "package.json")),
  );
  if (missing.length === 0) return undefined;
  return `${PEERS_FOLDER} is not installed (missing ${missing.join(", ")}); npm run bench installs it`;
}

/** npm ci writes node_modules/.package-lock.json; a lockfile newer than it means a stale install. */
function installIsCurrent(dir: string): boolean {
  const installed = join(dir, "node_modules", ".package-lock.json");
  if (!existsSync(installed) || peersUnavailable() !== undefined) return false;
  return statSync(installed).mtimeMs >= statSync(join(dir, "package-lock.json")).mtimeMs;
}

/** Install bench/peers if needed; returns why the peers are unavailable, or undefined when ready. */
export function installPeers(log: (line: string) => void): string | undefined {
  const dir = peersDir();
  if (installIsCurrent(dir)) return undefined;
  log(`installing the peer contenders: npm ci --prefix ${PEERS_FOLDER}`);
  const installed = run("npm", ["ci", "--no-audit", "--no-fund"], dir);
  if (!installed.ok) return `npm ci in ${PEERS_FOLDER} failed: ${firstLines(installed.output)}`;
  return peersUnavailable();
}

function resolvePeer(name: string): string {
  const reason = peersUnavailable();
  if (reason !== undefined) throw new Error(reason);
  return createRequire(join(peersDir(), "package.json")).resolve(name);
}

/** A CommonJS peer package, typed by the caller's declaration of the calls the bench makes. */
export function requirePeer<T>(name: string): T {
  return createRequire(join(peersDir(), "package.json"))(resolvePeer(name)) as T;
}

/** An ESM-only peer package (a real dynamic import of its resolved entry file). */
export async function importPeer<T>(name: string): Promise<T> {
  return (await import(pathToFileURL(resolvePeer(name)).href)) as T;
}
