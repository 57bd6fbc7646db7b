/**
 * The rewrite's diagnostics, AAP1001..AAP1099: one function per code, each saying what went wrong and
 * what to do. Every case that leaves a marker untouched says so, because the runtime fallback then runs.
 */
import type { Severity } from "./diagnostics.js";

export interface PoolMessage {
  readonly code: number;
  readonly severity: Severity;
  readonly message: string;
}

const LEFT_TO_RUNTIME =
  "The call is left as it is, so the runtime fallback (one wrapper closure) runs.";
const LEFT_AS_USING =
  "The declaration is left as a real 'using', so the runtime's Disposable runs.";

export function unsupportedTypeScript(version: string): PoolMessage {
  return {
    code: 1001,
    severity: "warning",
    message:
      `TypeScript ${version} has no transformer API, so the adaptive-array-pools transformer is ` +
      `skipped: markers run through their runtime fallbacks. Build with TypeScript 5.x (ts-patch 3.3) ` +
      `or 6.0 (ts-patch 4.0) to get the inline rewrite.`,
  };
}

export function invalidOption(name: string, expected: string, got: string): PoolMessage {
  return {
    code: 1002,
    severity: "error",
    message:
      `Plugin option "${name}" must be ${expected}, got ${got}; using the default instead. ` +
      `Fix the entry in compilerOptions.plugins.`,
  };
}

export function notInlineFunction(marker: string): PoolMessage {
  return {
    code: 1010,
    severity: "warning",
    message:
      `${marker}: the function argument is not an inline function expression or arrow, so it cannot ` +
      `be rewritten in place. ${LEFT_TO_RUNTIME} Write the function inside the call, e.g. ` +
      `${marker}(pool, function name(...) { ... }).`,
  };
}

export function spreadArgument(marker: string): PoolMessage {
  return {
    code: 1011,
    severity: "warning",
    message:
      `${marker}: a spread argument hides which argument is the pool and which the function. ` +
      `${marker === "poolScope" ? LEFT_AS_USING : LEFT_TO_RUNTIME} Pass the arguments one by one.`,
  };
}

export function wrongArgumentCount(marker: string, got: number, expected: string): PoolMessage {
  return {
    code: 1012,
    severity: "error",
    message: `${marker} takes ${expected}, got ${got}. ${marker === "poolScope" ? LEFT_AS_USING : LEFT_TO_RUNTIME}`,
  };
}

export function asyncOrGenerator(marker: string, kind: string): PoolMessage {
  return {
    code: 1013,
    severity: "error",
    message:
      `${marker}: ${kind} cannot be pooled: its scope would end at the first await/yield while the ` +
      `body keeps using its arrays. Finish the pooled work in a synchronous function and call it from ` +
      `the ${kind.replace(/^an? /, "")}, or give each task its own pool. Left untouched (the runtime ` +
      `fallback rejects it with a TypeError).`,
  };
}

export function poolExpressionNotMovable(marker: string, reason: string): PoolMessage {
  return {
    code: 1014,
    severity: "warning",
    message:
      `${marker}: the pool expression is evaluated inside the rewritten function on every call, but ` +
      `${reason}. ${LEFT_TO_RUNTIME} Store the pool in a const outside the call and pass that name.`,
  };
}

export function newPoolPerCall(marker: string): PoolMessage {
  return {
    code: 1015,
    severity: "warning",
    message:
      `${marker}: the pool expression constructs a new pool, and the rewrite evaluates it on every ` +
      `call, so nothing is ever reused. Create the pool once (const pool = new AdaptiveArrayPool()) ` +
      `and pass that name.`,
  };
}

export function acquireInParameterDefault(marker: string): PoolMessage {
  return {
    code: 1016,
    severity: "warning",
    message:
      `${marker}: a parameter default acquires from a pool, and parameter defaults run before the ` +
      `rewritten body opens its scope, so that array would outlive the call. ${LEFT_TO_RUNTIME} ` +
      `Acquire inside the body instead (if (out === undefined) out = zeros(pool, n);).`,
  };
}

export function poolScopeOutsideUsing(): PoolMessage {
  return {
    code: 1020,
    severity: "error",
    message:
      `poolScope(...) opens a scope that only a 'using' declaration closes: here it is never ` +
      `rewound and the pool grows. Write 'using _ = poolScope(pool);' at the start of the block, or ` +
      `use checkpoint(pool) / rewind(pool, token) in try/finally.`,
  };
}

export function usingBindingReferenced(name: string): PoolMessage {
  return {
    code: 1021,
    severity: "warning",
    message:
      `The scope handle '${name}' is used later in the block, so the 'using' declaration cannot be ` +
      `replaced by inline checkpoint/rewind and is left as a real 'using'. Do not refer to the ` +
      `handle (name it '_') to get the inline form.`,
  };
}

export function usingNotRewritable(reason: string): PoolMessage {
  return {
    code: 1022,
    severity: "warning",
    message: `This 'using ... = poolScope(...)' is left as a real 'using' declaration: ${reason}.`,
  };
}

export function poolingOffNeedsName(marker: string): PoolMessage {
  return {
    code: 1023,
    severity: "warning",
    message:
      `${marker}: with the plugin option pooling: false the body must see DISABLED_POOL, which the ` +
      `rewrite can only arrange when the pool is a plain name the scope does not assign. ` +
      `${LEFT_TO_RUNTIME} Pooling stays on for this call. Store the pool in a const and pass that name.`,
  };
}

export function internalError(detail: string, what: "marker" | "file"): PoolMessage {
  return {
    code: 1099,
    severity: "error",
    message:
      `Internal error in the adaptive-array-pools transformer (${detail}); this ${what} was left ` +
      `untouched so the runtime fallback runs. Please report it with the code that triggered it.`,
  };
}
