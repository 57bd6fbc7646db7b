/** Issue item 3, compile-time half: await / yield / for await inside a `using poolScope` block on a shared pool (AAP3001, AAP3002). */
import { checkCases } from "./check.js";
import { INTERLEAVING } from "./cases.js";

checkCases("interleaving", INTERLEAVING, {
  "await-in-block-scope": [
    "await-in-block-scope.ts(10,10): error AAP3001: `await` inside the pool scope of `pool`: while this async function is suspended other tasks run and use the same pool, open and close their own scopes on it, and rewind out of order (a PoolStateError, or arrays handed out twice). Finish the pooled work before the `await` (close the block first, or move it into a synchronous function), or give each task its own pool (`new AdaptiveArrayPool()`).",
  ],
  "yield-in-block-scope": [
    "yield-in-block-scope.ts(10,3): error AAP3002: `yield` inside the pool scope of the task-local pool: while this generator is suspended other tasks run and use the same pool, open and close their own scopes on it, and rewind out of order (a PoolStateError, or arrays handed out twice). Finish the pooled work before the `yield` (close the block first, or move it into a synchronous function), or give each task its own pool (`new AdaptiveArrayPool()`).",
  ],
  "for-await-in-block-scope": [
    "for-await-in-block-scope.ts(10,7): error AAP3001: `for await` inside the pool scope of `pool`: while this async function is suspended other tasks run and use the same pool, open and close their own scopes on it, and rewind out of order (a PoolStateError, or arrays handed out twice). Finish the pooled work before the `for await` (close the block first, or move it into a synchronous function), or give each task its own pool (`new AdaptiveArrayPool()`).",
  ],
  "ok-await-after-block-scope": [],
  "ok-await-on-private-pool": [],
  "ok-await-in-nested-function": [],
});
