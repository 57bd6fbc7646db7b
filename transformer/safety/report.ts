/**
 * Severity policy: definite escapes follow `escapeLint`; possible escapes are warnings unless the lint
 * is off; interleaving and buffer detachment are always errors, because they corrupt the pool itself
 * rather than one array, so no lint level makes them acceptable.
 */
import type * as TS from "typescript";
import type { Category, PoolMessage } from "../diagnostic-registry.js";
import { createPoolDiagnostic } from "../diagnostics.js";
import type { RelatedPlace, Severity } from "../diagnostics.js";
import type { EscapeLint, SafetyContext } from "./index.js";

export function reportSafety(
  context: SafetyContext,
  message: PoolMessage,
  node: TS.Node,
  related: readonly RelatedPlace[],
): void {
  const severity = severityFor(message.category, context.escapeLint);
  if (severity === undefined) return;
  const place = { sourceFile: context.sourceFile, node, related };
  context.report(createPoolDiagnostic(context.ts, message, place, severity));
}

function severityFor(category: Category, lint: EscapeLint): Severity | undefined {
  if (category === "error" || category === "warning") return category;
  if (lint === "off") return undefined;
  if (category === "possible-escape") return "warning";
  return lint === "error" ? "error" : "warning";
}
