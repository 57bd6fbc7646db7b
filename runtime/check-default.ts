/**
 * Whether pools are created in check mode when their options do not say: off, unless the environment
 * variable ADAPTIVE_ARRAY_POOLS_CHECK is "1" or "true" when the runtime loads (to run a whole test suite
 * in check mode) or `setRuntimeCheck(true)` was called.
 */
export const CHECK_ENV_VAR = "ADAPTIVE_ARRAY_POOLS_CHECK";

let checkByDefault = fromEnvironment();

export function checkModeByDefault(): boolean {
  return checkByDefault;
}

export function setCheckModeByDefault(on: boolean): void {
  checkByDefault = on;
}

function fromEnvironment(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const value = env?.[CHECK_ENV_VAR];
  return value === "1" || value === "true";
}
