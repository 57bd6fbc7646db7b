// `using` a pool scope: what a project writes once its lib (lib.esnext.disposable, TypeScript >= 5.2)
// or @types/node declares Symbol.dispose.
import { AdaptiveArrayPool, DISABLED_POOL, acquire, poolScope } from "adaptive-array-pools";
import type { PoolScopeHandle } from "adaptive-array-pools";

const pool = new AdaptiveArrayPool();

export function sumOfSquares(n: number): number {
  using _ = poolScope(pool);
  const squares = acquire(pool, n);
  for (let i = 0; i < n; i++) squares[i] = i * i;
  return squares.reduce((a, b) => a + b, 0);
}

export function onTheTaskLocalPool(): string {
  using scope = poolScope();
  return typeof scope[Symbol.dispose];
}

export function disabled(): void {
  using _ = poolScope(DISABLED_POOL);
}

// The handle is a Disposable where the lib has one, so it passes where Disposable is asked for.
const asDisposable: Disposable = poolScope(pool);
const handle: PoolScopeHandle = poolScope(pool);
handle[Symbol.dispose]();
asDisposable[Symbol.dispose]();
