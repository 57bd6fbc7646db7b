/**
 * The cheap test that keeps files which cannot contain a marker from being parsed at all: a marker
 * is only recognised through an import of the runtime module, so its specifier must be in the text.
 */
export function mayUseRuntime(code: string, runtimeModule: string): boolean {
  return code.includes(runtimeModule);
}
