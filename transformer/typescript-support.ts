/** Whether a TypeScript instance has the transformer API this plugin needs (TypeScript 7 has none). */
import type * as TS from "typescript";

const REQUIRED_FUNCTIONS = [
  "visitEachChild",
  "setTextRange",
  "setOriginalNode",
  "setSourceMapRange",
  "addSyntheticLeadingComment",
  "addSyntheticTrailingComment",
  "transpileModule",
] as const;

export function hasTransformerApi(ts: Partial<typeof TS> | undefined): ts is typeof TS {
  if (ts === undefined || ts === null) return false;
  const api = ts as unknown as Record<string, unknown>;
  const factory = api["factory"] as Record<string, unknown> | undefined;
  return (
    REQUIRED_FUNCTIONS.every((name) => typeof api[name] === "function") &&
    typeof factory?.["createBlock"] === "function"
  );
}

export function versionOf(ts: unknown): string {
  const version = (ts as { version?: unknown } | undefined)?.version;
  return typeof version === "string" ? version : "(unknown version)";
}
