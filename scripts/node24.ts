/**
 * Node 24 from the npm `node` package, installed on demand under a folder of the caller's (never in
 * package.json: its bin would shadow the repository's Node 20 in every npm script). The bench runs
 * native `using` on it; the register-hook test needs its type stripping (Node >= 22.18). One pinned
 * version, so every machine runs the same Node.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const NODE24_VERSION = "24.21.0";

export type Node24 =
  { readonly node: string; readonly version: string } | { readonly reason: string };

/** The node binary under `prefix`, installed there first if missing; never throws. */
export function installNode24(prefix: string): Node24 {
  const binary = join(prefix, "node_modules", ".bin", "node");
  if (!existsSync(binary)) {
    const installed = run("npm", [
      "install",
      "--prefix",
      prefix,
      "--no-audit",
      "--no-fund",
      `node@${NODE24_VERSION}`,
    ]);
    if (!installed.ok)
      return { reason: `npm install node@${NODE24_VERSION} failed: ${installed.output}` };
  }
  const version = run(binary, ["-v"]);
  if (!version.ok || version.output.trim() !== `v${NODE24_VERSION}`) {
    return { reason: `Node ${NODE24_VERSION} from npm did not start: ${version.output}` };
  }
  return { node: binary, version: version.output.trim() };
}

function run(command: string, args: readonly string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 600_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { ok: result.status === 0, output: output.trim().split("\n").slice(0, 3).join(" / ") };
}
