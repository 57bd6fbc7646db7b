import { spawnSync } from "node:child_process";

/** Run a preparation command (a compile, an install) to completion; never throws. */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 600_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { ok: result.status === 0, output };
}

/** The first lines of a command's output, on one line, for an "unavailable: ..." reason. */
export function firstLines(text: string, count = 3): string {
  return text.trim().split("\n").slice(0, count).join(" / ");
}
