/**
 * The type of `Symbol.dispose` where the compiling project's lib declares it (lib.esnext.disposable from
 * TypeScript 5.2 on, or @types/node), and `never` where it does not (e.g. lib ES2022 + DOM, or
 * TypeScript 5.0). Read off `SymbolConstructor` instead of written as `Symbol.dispose`, so the published
 * declarations type-check under either lib and never ask a project that does not write `using` to add
 * esnext.disposable.
 */
type DisposeSymbol = SymbolConstructor extends { readonly dispose: infer S extends symbol }
  ? S
  : never;

/**
 * What `poolScope(pool)` returns. Where the lib declares `Symbol.dispose` it is a `Disposable`:
 * `using _ = poolScope(pool);` rewinds the scope when the block exits. Where it does not (no `using`
 * there either), it has no members.
 */
export type PoolScopeHandle = { readonly [K in DisposeSymbol]: () => void };
