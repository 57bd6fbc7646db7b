/**
 * adaptive-array-pools/transformer: a ts-patch "program" plugin. In tsconfig:
 *
 * ```json
 * "plugins": [{ "transform": "adaptive-array-pools/transformer", "pooling": true, "escapeLint": "error" }]
 * ```
 *
 * and build with `tspc`. It rewrites withPool / maybeWithPool / `using _ = poolScope()` markers into
 * inline checkpoint / try / finally rewind code and reports what it cannot rewrite as AAPnnnn
 * diagnostics. All TypeScript access goes through `extras.ts`, the compiler that loaded the plugin.
 *
 * @module adaptive-array-pools/transformer
 */
import type * as TS from "typescript";
import { CATEGORIES_ONLY, createPoolDiagnostic } from "./diagnostics.js";
import { UNSUPPORTED_TYPESCRIPT } from "./diagnostic-registry.js";
import { parseOptions } from "./options.js";
import { warningDelivery } from "./warnings.js";
import { diagnosticKey, programState } from "./plugin-state.js";
import { createCheckerResolver, createImportResolver } from "./resolve-markers.js";
import { createMarkerReach } from "./package-reach.js";
import { createSourceFileTransformer } from "./source-file-transformer.js";
import { hasTransformerApi, versionOf } from "./typescript-support.js";

export { transformSource } from "./transform-source.js";
export type { TransformSourceOptions, TransformSourceResult } from "./transform-source.js";
export { transformSyntaxTree } from "./transform-syntax-tree.js";
export type {
  TransformSyntaxTreeOptions,
  TransformSyntaxTreeResult,
} from "./transform-syntax-tree.js";
export { formatPoolDiagnostic } from "./diagnostics.js";
export type { PoolPluginOptions } from "./options.js";

/** The part of ts-patch's TransformerExtras the plugin uses (ts-patch 3.3 and 4.0 agree on it). */
export interface PluginExtras {
  /** The TypeScript that loaded the plugin: every compiler API call goes through it. */
  readonly ts: typeof TS;
  /** Hands a diagnostic to the compiler (absent on loaders that cannot report one). */
  readonly addDiagnostic?: (diagnostic: TS.Diagnostic) => number;
}

/** What the plugin gives ts-patch: one source-file transformer, run before TypeScript's own. */
export interface PluginTransformers {
  /** The rewrite (empty when the TypeScript in use is not supported). */
  readonly before: TS.TransformerFactory<TS.SourceFile>[];
}

const warnedInstances = new WeakSet<object>();

/**
 * The ts-patch program plugin: ts-patch calls it once per Program with the plugins entry of
 * tsconfig as `config`. Never throws; problems are AAPnnnn diagnostics.
 *
 * @example
 * ```ts
 * // In tsconfig.json, built with tspc:
 * //   "plugins": [{ "transform": "adaptive-array-pools/transformer", "escapeLint": "warn" }]
 * // or by hand, handing it the extras ts-patch would:
 * import * as ts from "typescript";
 * import adaptiveArrayPoolsTransformer from "adaptive-array-pools/transformer";
 *
 * const program = ts.createProgram(["src/kernel.ts"], { strict: true });
 * const { before } = adaptiveArrayPoolsTransformer(program, { escapeLint: "warn" }, { ts });
 * program.emit(undefined, undefined, undefined, false, { before });
 * ```
 */
export default function adaptiveArrayPoolsTransformer(
  program: TS.Program,
  config: Readonly<Record<string, unknown>> | undefined,
  extras: PluginExtras,
): PluginTransformers {
  const ts = extras?.ts;
  const addDiagnostic = (diagnostic: TS.Diagnostic): void => {
    if (typeof extras?.addDiagnostic === "function") extras.addDiagnostic(diagnostic);
  };
  if (!hasTransformerApi(ts)) {
    reportUnsupported(ts, addDiagnostic, typeof extras?.addDiagnostic === "function");
    return { before: [] };
  }
  const state = programState(ts, program);
  const { options, problems } = parseOptions(config);
  const deliver = warningDelivery(ts, program, options.warnings, addDiagnostic);
  const report = (diagnostic: TS.Diagnostic): void => {
    const key = diagnosticKey(diagnostic);
    if (state.reported.has(key)) return;
    state.reported.add(key);
    deliver(diagnostic);
  };
  if (!state.optionProblemsReported) {
    state.optionProblemsReported = true;
    for (const problem of problems) deliver(createPoolDiagnostic(ts, problem, undefined));
  }
  // A Program without a usable checker (a loader that passes none): recognise markers by imports.
  const checker =
    typeof program?.getTypeChecker === "function" ? program.getTypeChecker() : undefined;
  const resolverFor = (sourceFile: TS.SourceFile) => {
    const byImports = createImportResolver(ts, sourceFile, options.runtimeModule);
    return checker === undefined
      ? byImports
      : createCheckerResolver(ts, checker, state.isPackageFile, sourceFile, byImports);
  };
  const mayHoldMarkers =
    checker === undefined || typeof program.getSourceFiles !== "function"
      ? undefined
      : createMarkerReach(ts, program, checker, state.isPackageFile);
  const compilerOptions =
    typeof program?.getCompilerOptions === "function" ? program.getCompilerOptions() : {};
  const strictNullChecks = compilerOptions.strictNullChecks ?? compilerOptions.strict ?? false;
  return {
    before: [
      createSourceFileTransformer({
        ts,
        options,
        checker,
        strictNullChecks,
        resolverFor,
        mayHoldMarkers,
        report,
      }),
    ],
  };
}

/**
 * One message per TypeScript instance: as a diagnostic when ts-patch gave us a way to add one,
 * otherwise on stderr. Never throws, so the build goes on with the runtime fallbacks.
 */
function reportUnsupported(
  ts: unknown,
  addDiagnostic: (diagnostic: TS.Diagnostic) => void,
  canAddDiagnostic: boolean,
): void {
  const instance = typeof ts === "object" && ts !== null ? ts : warnedInstances;
  if (warnedInstances.has(instance)) return;
  warnedInstances.add(instance);
  const message = UNSUPPORTED_TYPESCRIPT(versionOf(ts));
  if (canAddDiagnostic) {
    // `ts` itself may be unusable here.
    addDiagnostic(createPoolDiagnostic(CATEGORIES_ONLY, message, undefined));
  } else {
    console.warn(`warning AAP${message.code}: ${message.message}`);
  }
}
