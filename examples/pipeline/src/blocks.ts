/** The block form: `using _ = poolScope(pool)` scopes the rest of the block, like Julia's `@with_pool begin … end`. */
import { acquire, getTaskLocalPool, poolScope } from "adaptive-array-pools";

const pool = getTaskLocalPool();

/** Squares of 1..n summed through a pooled scratch array; the early return still rewinds. */
export function sumOfSquares(n: number): number {
  using _scope = poolScope(pool);
  if (n <= 0) return 0;
  const squares = acquire(pool, Int32Array, n);
  for (let i = 0; i < n; i++) squares[i] = (i + 1) * (i + 1);
  return squares.reduce((total, value) => total + value, 0);
}
