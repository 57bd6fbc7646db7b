/**
 * Severity policy: definite escapes follow `escapeLint`; possible escapes are warnings unless the lint
 * is off; interleaving and buffer detachment are always errors, because they corrupt the pool itself
 * rather than one array, so no lint level makes them acceptable.
 */
import type * as TS from "typescript";
import { createPoolDiagnostic } from "../diagnostics.js";
import type { Severity } from "../diagnostics.js";
import type { SafetyContext } from "./index.js";
import type { SafetyCode } from "./messages.js";

export type Certainty = "definite" | "possible" | "corrupts-pool";

export function reportSafety(
  context: SafetyContext,
  code: SafetyCode,
  certainty: Certainty,
  node: TS.Node,
  message: string,
): void {
  const severity = severityFor(context, certainty);
  if (severity === undefined) return;
  context.report(
    createPoolDiagnostic(context.ts, context.sourceFile, { code, severity, node, message }),
  );
}

function severityFor(context: SafetyContext, certainty: Certainty): Severity | undefined {
  if (certainty === "corrupts-pool") return "error";
  if (context.escapeLint === "off") return undefined;
  if (certainty === "possible") return "warning";
  return context.escapeLint === "error" ? "error" : "warning";
}
