/**
 * Every diagnostic the transformer reports, in one table: code, category, the title of its section in
 * docs/diagnostics.md (the docs anchor is derived from it) and the message template. An entry is
 * called with the template's arguments to get the message (`NOT_INLINE_FUNCTION("withPool")`);
 * diagnostics.ts turns that into a `ts.Diagnostic`. A test checks that every entry has its docs
 * section and a fixture (or, where no input can trigger it, the test named in `coveredBy`).
 *
 * Ranges: AAP1xxx the rewrite (markers it cannot rewrite, options), AAP2xxx escapes, AAP3xxx
 * interleaving and buffer detachment. Every AAP1xxx case that leaves a marker untouched says so,
 * because the runtime fallback then runs.
 */

/**
 * `definite-escape` follows the `escapeLint` option (error, warning, or nothing); `possible-escape`
 * is a warning unless the lint is off; `error` and `warning` hold at every lint level.
 */
export type Category = "error" | "warning" | "definite-escape" | "possible-escape";

/** A registered diagnostic with its arguments filled in. */
export interface PoolMessage {
  readonly code: number;
  readonly category: Category;
  readonly message: string;
}

interface EntrySpec<Args extends readonly unknown[]> {
  readonly code: number;
  readonly category: Category;
  /** The section heading in docs/diagnostics.md after `AAPnnnn — `. */
  readonly title: string;
  /** A test that triggers the code, where no fixture input can (no transformer API, internal errors). */
  readonly coveredBy?: string;
  readonly text: (...args: Args) => string;
}

export interface DiagnosticEntry<Args extends readonly unknown[]> extends EntrySpec<Args> {
  (...args: Args): PoolMessage;
}

const entries: EntrySpec<never>[] = [];
/** Every entry, for the docs / fixture coverage test and for lookups by code. */
export const REGISTRY: readonly EntrySpec<never>[] = entries;

function define<Args extends readonly unknown[]>(spec: EntrySpec<Args>): DiagnosticEntry<Args> {
  entries.push(spec);
  const entry = (...args: Args): PoolMessage => ({
    code: spec.code,
    category: spec.category,
    message: spec.text(...args),
  });
  return Object.assign(entry, spec);
}

/** The section of docs/diagnostics.md that explains `code`, as a GitHub heading anchor. */
export function docsAnchor(spec: Pick<EntrySpec<never>, "code" | "title">): string {
  const heading = `AAP${spec.code} — ${spec.title}`;
  const slug = heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
  return `docs/diagnostics.md#${slug}`;
}

const LEFT_TO_RUNTIME =
  "The call is left as it is, so the runtime fallback (one wrapper closure) runs.";
const LEFT_AS_USING =
  "The declaration is left as a real 'using', so the runtime's Disposable runs.";
const leftAlone = (marker: string): string =>
  marker === "poolScope" ? LEFT_AS_USING : LEFT_TO_RUNTIME;

// ---- AAP1xxx: the rewrite ----

export const UNSUPPORTED_TYPESCRIPT = define({
  code: 1001,
  category: "warning",
  title: "TypeScript without a transformer API",
  coveredBy: "test/transformer/unit-plugin.test.ts",
  text: (version: string) =>
    `TypeScript ${version} has no transformer API, so the adaptive-array-pools transformer is ` +
    `skipped: markers run through their runtime fallbacks. Build with TypeScript 5.x (ts-patch 3.3) ` +
    `or 6.0 (ts-patch 4.0) to get the inline rewrite.`,
});

export const INVALID_OPTION = define({
  code: 1002,
  category: "error",
  title: "invalid plugin option",
  text: (name: string, expected: string, got: string) =>
    `Plugin option "${name}" must be ${expected}, got ${got}; using the default instead. ` +
    `Fix the entry in compilerOptions.plugins.`,
});

export const NOT_INLINE_FUNCTION = define({
  code: 1010,
  category: "warning",
  title: "the function argument is not an inline function",
  text: (marker: string) =>
    `${marker}: the function argument is not an inline function expression or arrow, so it cannot ` +
    `be rewritten in place. ${LEFT_TO_RUNTIME} Write the function inside the call, e.g. ` +
    `${marker}(pool, function name(...) { ... }).`,
});

export const SPREAD_ARGUMENT = define({
  code: 1011,
  category: "warning",
  title: "spread argument",
  text: (marker: string) =>
    `${marker}: a spread argument hides which argument is the pool and which the function. ` +
    `${leftAlone(marker)} Pass the arguments one by one.`,
});

export const WRONG_ARGUMENT_COUNT = define({
  code: 1012,
  category: "error",
  title: "wrong argument count",
  text: (marker: string, got: number, expected: string) =>
    `${marker} takes ${expected}, got ${got}. ${leftAlone(marker)}`,
});

export const ASYNC_OR_GENERATOR = define({
  code: 1013,
  category: "error",
  title: "async function or generator given to withPool",
  text: (marker: string, kind: string) =>
    `${marker}: ${kind} cannot be pooled: its scope would end at the first await/yield while the ` +
    `body keeps using its arrays. Finish the pooled work in a synchronous function and call it from ` +
    `the ${kind.replace(/^an? /, "")}, or give each task its own pool. Left untouched (the runtime ` +
    `fallback rejects it with a TypeError).`,
});

export const ACQUIRE_IN_PARAMETER_DEFAULT = define({
  code: 1016,
  category: "warning",
  title: "a parameter default acquires",
  text: (marker: string) =>
    `${marker}: a parameter default acquires from a pool (itself or through a function of this ` +
    `file it calls), and parameter defaults run before the rewritten body opens its scope, so that ` +
    `array would outlive the call. ${LEFT_TO_RUNTIME} ` +
    `Acquire inside the body instead (if (out === undefined) out = zeros(pool, n);).`,
});

export const THENABLE_RESULT = define({
  code: 1017,
  category: "error",
  title: "a pooled function returns a thenable",
  text: (marker: string) =>
    `${marker}: the function returns a promise or another thenable, so its scope would close ` +
    `before the work it started is done, while that work may still use the scope's arrays. ` +
    `Left untouched: the runtime fallback throws when it is called, as it does for every thenable ` +
    `result. Finish the pooled work synchronously and return plain values.`,
});

export const POOL_SCOPE_OUTSIDE_USING = define({
  code: 1020,
  category: "error",
  title: "poolScope outside a using declaration",
  text: () =>
    `poolScope(...) opens a scope that only a 'using' declaration closes: here it is never ` +
    `rewound and the pool grows. Write 'using _ = poolScope(pool);' at the start of the block, or ` +
    `use checkpoint(pool) / rewind(pool, token) in try/finally.`,
});

export const USING_BINDING_REFERENCED = define({
  code: 1021,
  category: "warning",
  title: "the scope handle is used",
  text: (name: string) =>
    `The scope handle '${name}' is used later in the block, so the 'using' declaration cannot be ` +
    `replaced by inline checkpoint/rewind and is left as a real 'using'. Do not refer to the ` +
    `handle (name it '_') to get the inline form.`,
});

export const USING_NOT_REWRITABLE = define({
  code: 1022,
  category: "warning",
  title: "a using poolScope left as a real using",
  text: (reason: string) =>
    `This 'using ... = poolScope(...)' is left as a real 'using' declaration: ${reason}.`,
});

export const POOLING_OFF_NEEDS_NAME = define({
  code: 1023,
  category: "warning",
  title: "pooling false needs the pool as a plain name",
  text: (marker: string) =>
    `${marker}: with the plugin option pooling: false the body must see DISABLED_POOL, which the ` +
    `rewrite can only arrange when the pool is a plain name the scope does not assign. ` +
    `${LEFT_TO_RUNTIME} Pooling stays on for this call. Store the pool in a const and pass that name.`,
});

export const COMPILER_FAILED = define({
  code: 1098,
  category: "error",
  title: "TypeScript could not compile the file",
  coveredBy: "test/transformer/scale.test.ts",
  text: (detail: string) =>
    `TypeScript could not compile this file (${detail}), so transformSource produced no output. ` +
    `TypeScript's own emitter fails on it without the plugin too (code nested too deeply, such as ` +
    `tens of thousands of terms in one expression): split it up.`,
});

export const INTERNAL_ERROR = define({
  code: 1099,
  category: "error",
  title: "internal error in the transformer",
  coveredBy: "test/transformer/unit-plugin.test.ts",
  text: (detail: string, what: "marker" | "file") =>
    `Internal error in the adaptive-array-pools transformer (${detail}); this ${what} was left ` +
    `untouched so the runtime fallback runs. Please report it with the code that triggered it.`,
});

// ---- AAP2xxx: escapes ----
// `subject` is how the message names the memory (`v`, `w` (an alias of `v`), the array from `...`),
// capitalised by the caller where it starts a sentence; `name` is what a fix writes; where it was
// acquired travels as the diagnostic's related information.

const POOL_REUSE = "after which the pool hands its memory out again";
const READ_LATER =
  "so it may be read after the scope ends, when the pool has handed its memory out again";

export const RETURNED_ARRAY = define({
  code: 2001,
  category: "definite-escape",
  title: "pool-backed array returned",
  text: (subject: string, exit: string, fix: string) =>
    `${subject} escapes its pool scope: ${exit}, ${POOL_REUSE}. ${fix}`,
});

export const RETURNED_IN_LITERAL = define({
  code: 2002,
  category: "definite-escape",
  title: "pool-backed array returned inside an array or object",
  text: (subject: string, exit: string, name: string) =>
    `${subject} escapes its pool scope inside an array or object ${exit}, ${POOL_REUSE}. ` +
    `Put a copy in it instead (\`${name}.slice()\`), or a scalar.`,
});

export const RETURNED_CLOSURE = define({
  code: 2003,
  category: "definite-escape",
  title: "returned function captures a pool-backed array",
  text: (subject: string, exit: string, name: string) =>
    `A function ${exit} captures ${subject} and outlives its pool scope, ${POOL_REUSE}: the ` +
    `function would read reused memory. Capture a copy instead (\`const copy = ${name}.slice()\`), ` +
    `or a scalar.`,
});

export const ASSIGNED_TO_OUTER_VARIABLE = define({
  code: 2010,
  category: "possible-escape",
  title: "possible escape: assigned to an outer variable",
  text: (subject: string, at: string, keepCopy: string) =>
    `${subject} is assigned at ${at} to a variable declared outside its pool scope, ${READ_LATER}. ${keepCopy}`,
});

export const STORED_IN_OUTER_OBJECT = define({
  code: 2011,
  category: "possible-escape",
  title: "possible escape: stored in an outer object",
  text: (subject: string, at: string, keepCopy: string) =>
    `${subject} is stored at ${at} in an object from outside its pool scope, ${READ_LATER}. ${keepCopy}`,
});

export const STORED_IN_OUTER_CONTAINER = define({
  code: 2012,
  category: "possible-escape",
  title: "possible escape: put into an outer container",
  text: (subject: string, at: string, keepCopy: string) =>
    `${subject} is put at ${at} into a container from outside its pool scope, ${READ_LATER}. ${keepCopy}`,
});

export const POSTED_MESSAGE = define({
  code: 2013,
  category: "possible-escape",
  title: "pool-backed array sent with postMessage",
  text: (subject: string, at: string, name: string) =>
    `${subject} is sent with postMessage at ${at}, from inside its pool scope. Only a copy of its ` +
    `contents is sent, which is safe unless a transfer list detaches its buffer; send ` +
    `\`${name}.slice()\` (or a scalar) to make the copy explicit.`,
});

export const LISTED_FOR_TRANSFER = define({
  code: 2014,
  category: "possible-escape",
  title: "pool-backed typed array in a transfer list",
  text: (subject: string, at: string, name: string) =>
    `${subject} is listed for transfer at ${at}: a typed array is not transferable (the call ` +
    `throws DataCloneError), and transferring its buffer would detach memory the pool still owns. ` +
    `Send a copy (\`${name}.slice()\`) without a transfer list.`,
});

export const ANALYSIS_FAILED = define({
  code: 2099,
  category: "warning",
  title: "the analysis failed on a scope",
  coveredBy: "test/safety/analysis-failure.test.ts",
  text: (reason: string) =>
    `The safety analysis failed on this pool scope and did not check it (${reason}). The code is ` +
    `still rewritten; please report this with the scope's source.`,
});

// ---- AAP3xxx: interleaving and buffer detachment (errors at every lint level) ----

const interleaving = (keyword: string, pool: string, what: string): string =>
  `\`${keyword}\` inside the pool scope of ${pool}: while this ${what} is suspended other ` +
  `tasks run and use the same pool, open and close their own scopes on it, and rewind out of ` +
  `order (a PoolStateError, or arrays handed out twice). Finish the pooled work before the ` +
  `\`${keyword}\` (close the block first, or move it into a synchronous function), or give ` +
  `each task its own pool (\`new AdaptiveArrayPool()\`).`;

export const AWAIT_IN_SCOPE = define({
  code: 3001,
  category: "error",
  title: "`await` inside a `using poolScope` block",
  text: (keyword: string, pool: string) => interleaving(keyword, pool, "async function"),
});

export const YIELD_IN_SCOPE = define({
  code: 3002,
  category: "error",
  title: "`yield` inside a `using poolScope` block",
  text: (keyword: string, pool: string) => interleaving(keyword, pool, "generator"),
});

const detaches = (buffer: string, at: string, how: string, fix: string): string =>
  `${buffer} is transferred at ${at} ${how}, which detaches memory the pool still owns: the array ` +
  `and every other view of that buffer become empty until the pool replaces the buffer. ${fix}`;

export const BUFFER_TRANSFERRED = define({
  code: 3010,
  category: "error",
  title: "a pool array's buffer transferred with `.transfer()`",
  text: (buffer: string, at: string, name: string) =>
    detaches(
      buffer,
      at,
      "by `.transfer()`",
      `Transfer a copy instead (\`${name}.slice().buffer\`).`,
    ),
});

const copyOrNoList = (name: string): string =>
  `Transfer a copy instead (\`${name}.slice().buffer\`), or send without a transfer list.`;

export const BUFFER_TRANSFERRED_BY_CLONE = define({
  code: 3011,
  category: "error",
  title: "a pool array's buffer in a `structuredClone` transfer list",
  text: (buffer: string, at: string, name: string) =>
    detaches(buffer, at, "by structuredClone's transfer list", copyOrNoList(name)),
});

export const BUFFER_TRANSFERRED_BY_MESSAGE = define({
  code: 3012,
  category: "error",
  title: "a pool array's buffer in a `postMessage` transfer list",
  text: (buffer: string, at: string, name: string) =>
    detaches(buffer, at, "by postMessage's transfer list", copyOrNoList(name)),
});
