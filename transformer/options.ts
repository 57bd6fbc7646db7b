/** The plugin options from tsconfig's `compilerOptions.plugins` entry, checked and defaulted. */
import type { EscapeLint } from "./safety/index.js";
import { INVALID_OPTION } from "./diagnostic-registry.js";
import type { PoolMessage } from "./diagnostic-registry.js";

/**
 * The plugin's options, as written in tsconfig's plugins entry (every one optional there; these are
 * the checked values with defaults filled in).
 *
 * @example
 * ```ts
 * // tsconfig.json, compilerOptions:
 * // "plugins": [{
 * //   "transform": "adaptive-array-pools/transformer",
 * //   "pooling": true, "escapeLint": "error", "runtimeCheck": false, "warnings": "print"
 * // }]
 * transformSource(sourceText, { plugin: { escapeLint: "warn", runtimeCheck: true } });
 * ```
 */
export interface PoolPluginOptions {
  /** false compiles pooling out: marked code sees DISABLED_POOL and the pool is never touched. */
  readonly pooling: boolean;
  /** Severity of the safety checks (transformer/safety): "error" (default), "warn" or "off". */
  readonly escapeLint: EscapeLint;
  /**
   * Check mode in the emitted code: acquire and scope call sites as constants, and scope-exit
   * inspection of returned values (transformer/runtime-check.ts). Off: the output is unchanged.
   */
  readonly runtimeCheck: boolean;
  /**
   * The module specifier of the runtime: recognised in imports when there is no type checker, and used
   * for the import the rewrite adds. Tools that alias the package (tests, monorepos) set it.
   */
  readonly runtimeModule: string;
  /**
   * Where the plugin's warnings go under ts-patch. "print" (default): written in TypeScript's own
   * format to the compiler's output, so they are seen but do not fail the build (`tspc` exits 2
   * for any diagnostic handed to it, a warning included). "error": reported as errors, failing the
   * build (warnings as errors). "diagnostics": handed to the compiler as warning diagnostics, for
   * tools that read them from the Program's emit result.
   */
  readonly warnings: WarningsMode;
}

/** Where the plugin's warnings go under ts-patch: see `PoolPluginOptions.warnings`. */
export type WarningsMode = "print" | "error" | "diagnostics";

export const DEFAULT_OPTIONS: PoolPluginOptions = {
  pooling: true,
  escapeLint: "error",
  runtimeCheck: false,
  runtimeModule: "adaptive-array-pools",
  warnings: "print",
};

export interface ParsedOptions {
  readonly options: PoolPluginOptions;
  readonly problems: readonly PoolMessage[];
}

const ESCAPE_LINTS: readonly EscapeLint[] = ["error", "warn", "off"];
const WARNINGS_MODES: readonly WarningsMode[] = ["print", "error", "diagnostics"];

/** Unknown keys are ignored: ts-patch passes its own keys (transform, after, ...) through the same object. */
export function parseOptions(config: Readonly<Record<string, unknown>> | undefined): ParsedOptions {
  const raw = config ?? {};
  const problems: PoolMessage[] = [];
  const pick = <T>(name: string, expected: string, ok: (v: unknown) => v is T, fallback: T): T => {
    const value = raw[name];
    if (value === undefined) return fallback;
    if (ok(value)) return value;
    problems.push(INVALID_OPTION(name, expected, describeOptionValue(value)));
    return fallback;
  };
  const options: PoolPluginOptions = {
    pooling: pick("pooling", "true or false", isBoolean, DEFAULT_OPTIONS.pooling),
    escapeLint: pick(
      "escapeLint",
      '"error", "warn" or "off"',
      isEscapeLint,
      DEFAULT_OPTIONS.escapeLint,
    ),
    runtimeCheck: pick("runtimeCheck", "true or false", isBoolean, DEFAULT_OPTIONS.runtimeCheck),
    runtimeModule: pick(
      "runtimeModule",
      "a non-empty module specifier string",
      isNonEmptyString,
      DEFAULT_OPTIONS.runtimeModule,
    ),
    warnings: pick(
      "warnings",
      '"print", "error" or "diagnostics"',
      isWarningsMode,
      DEFAULT_OPTIONS.warnings,
    ),
  };
  return { options, problems };
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === "boolean";
}

function isEscapeLint(value: unknown): value is EscapeLint {
  return ESCAPE_LINTS.includes(value as EscapeLint);
}

function isWarningsMode(value: unknown): value is WarningsMode {
  return WARNINGS_MODES.includes(value as WarningsMode);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/** An option value as the message shows it: JSON where it has one (functions, symbols and bigints do not). */
function describeOptionValue(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol" || typeof value === "bigint") return value.toString();
  return JSON.stringify(value) ?? "a value with no JSON form";
}
