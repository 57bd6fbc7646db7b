import type { PoolScopeHandle } from "./pool-scope-handle.js";
import type { AdaptiveArrayPool } from "./pool.js";

// Engines without Symbol.dispose (Node < 20.4): TypeScript's downlevel `using` then looks up
// Symbol.for("Symbol.dispose"), so the handle answers to whichever exists.
const disposeSymbol: symbol =
  (Symbol as { dispose?: symbol }).dispose ?? Symbol.for("Symbol.dispose");

// The dispose member is installed on the prototype below, under a symbol chosen at run time; this
// merge gives it its type without naming `Symbol.dispose` in the published declarations, which must
// type-check where the consumer's lib has no such symbol.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface ScopeHandle extends PoolScopeHandle {}

/** What `poolScope(pool)` returns: disposing it (the end of a `using` block) rewinds the scope. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ScopeHandle {
  readonly pool: AdaptiveArrayPool;
  readonly token: number;

  constructor(pool: AdaptiveArrayPool, token: number) {
    this.pool = pool;
    this.token = token;
  }

  dispose(): void {
    this.pool.rewind(this.token);
  }
}

Object.defineProperty(ScopeHandle.prototype, disposeSymbol, {
  // The same method under the dispose symbol, on the same prototype: `this` is always a handle.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  value: ScopeHandle.prototype.dispose,
});
