import type { AdaptiveArrayPool } from "./pool.js";

// Engines without Symbol.dispose (Node < 20.4): TypeScript's downlevel `using` then looks up
// Symbol.for("Symbol.dispose"), so the handle answers to whichever exists.
const disposeSymbol: symbol =
  (Symbol as { dispose?: symbol }).dispose ?? Symbol.for("Symbol.dispose");

/** What `poolScope(pool)` returns: disposing it (the end of a `using` block) rewinds the scope. */
export class ScopeHandle {
  readonly pool: AdaptiveArrayPool;
  readonly token: number;
  declare readonly [Symbol.dispose]: () => void;

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
