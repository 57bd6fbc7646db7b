/** The runtime exports the transformer recognises, by symbol or (without a checker) by import. */

const ACQUIRE_FAMILY_NAMES = ["acquire", "zeros", "ones", "similar", "rand", "randn"] as const;
const RUNTIME_EXPORT_NAMES = [
  "withPool",
  "maybeWithPool",
  "poolScope",
  "getTaskLocalPool",
  ...ACQUIRE_FAMILY_NAMES,
] as const;

export type AcquireFamilyName = (typeof ACQUIRE_FAMILY_NAMES)[number];
export type RuntimeExportName = (typeof RUNTIME_EXPORT_NAMES)[number];

const acquireFamily: ReadonlySet<string> = new Set(ACQUIRE_FAMILY_NAMES);
const runtimeExports: ReadonlySet<string> = new Set(RUNTIME_EXPORT_NAMES);

/** `name` as a runtime export, or undefined when this package exports nothing by that name. */
export function asRuntimeExport(name: string): RuntimeExportName | undefined {
  return runtimeExports.has(name) ? (name as RuntimeExportName) : undefined;
}

/** True for the functions that hand out pool memory (acquire, zeros, ones, similar, rand, randn). */
export function isAcquireFamily(name: string | undefined): name is AcquireFamilyName {
  return name !== undefined && acquireFamily.has(name);
}
