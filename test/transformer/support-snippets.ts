/**
 * fast-check arbitraries for the fuzz test: TypeScript modules full of pool markers, nested at random,
 * in the forms the plugin rewrites and the forms it must refuse (spreads, wrong argument counts, async
 * and generator bodies, a function passed by name, poolScope outside `using`), plus mutations that
 * truncate a module or delete one of its tokens.
 */
import fc from "fast-check";

/** How the module imports the runtime, and so how its markers are spelled. */
interface ImportStyle {
  readonly header: string;
  readonly withPool: string;
  readonly maybeWithPool: string;
  readonly poolScope: string;
  readonly acquire: string;
}

const IMPORT_STYLES: readonly ImportStyle[] = [
  {
    header:
      'import { withPool, maybeWithPool, poolScope, acquire, getTaskLocalPool } from "adaptive-array-pools";',
    withPool: "withPool",
    maybeWithPool: "maybeWithPool",
    poolScope: "poolScope",
    acquire: "acquire",
  },
  {
    header:
      'import { withPool as wp, maybeWithPool as mwp, poolScope as scope, acquire as take } from "adaptive-array-pools";',
    withPool: "wp",
    maybeWithPool: "mwp",
    poolScope: "scope",
    acquire: "take",
  },
  {
    header: 'import * as aap from "adaptive-array-pools";',
    withPool: "aap.withPool",
    maybeWithPool: "aap.maybeWithPool",
    poolScope: "aap.poolScope",
    acquire: "aap.acquire",
  },
  {
    // A user's own withPool: must be left alone.
    header: "function withPool(...args: unknown[]): unknown { return args[args.length - 1]; }",
    withPool: "withPool",
    maybeWithPool: "withPool",
    poolScope: "withPool",
    acquire: "withPool",
  },
];

const POOLS = [
  "pool",
  "getTaskLocalPool()",
  "pools[i]",
  "this.pool",
  "new AdaptiveArrayPool()",
  "(0, pool)",
];
const NAMES = ["a", "b", "n", "pool", "arguments", "this", "new.target", "i", "_d", "depth"];

function snippetOf(style: ImportStyle): fc.Arbitrary<string> {
  const pool = fc.constantFrom(...POOLS);
  const name = fc.constantFrom(...NAMES);
  const tree = fc.letrec<{ expr: string; stmt: string; block: string; fn: string; marker: string }>(
    (tie) => ({
      expr: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        name,
        fc.integer({ min: -2, max: 64 }).map(String),
        fc.tuple(pool, name).map(([p, n]) => `${style.acquire}(${p}, Float64Array, ${n})`),
        tie("marker"),
        fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => `(${a} + ${b})`),
        fc
          .tuple(tie("expr"), fc.array(tie("expr"), { maxLength: 3 }))
          .map(([f, args]) => `${f}(${args.join(", ")})`),
      ),
      fn: fc.oneof(
        fc
          .tuple(
            fc.constantFrom("function f", "async function f", "function* g", "async function* g"),
            tie("block"),
          )
          .map(([head, body]) => `${head}(x: number, ...rest: number[]) ${body}`),
        fc
          .tuple(fc.constantFrom("", "async "), tie("expr"))
          .map(([kind, body]) => `${kind}(x: number) => ${body}`),
        fc
          .tuple(fc.constantFrom("", "async "), tie("block"))
          .map(([kind, body]) => `${kind}<T>(x: T, y = 1) => ${body}`),
        fc.constantFrom("existingFunction", "(existingFunction)"),
      ),
      marker: fc.oneof(
        fc
          .tuple(fc.constantFrom(style.withPool, style.maybeWithPool), pool, tie("fn"))
          .map(([m, p, f]) => `${m}(${p}, ${f})`),
        fc
          .tuple(fc.constantFrom(style.withPool, style.maybeWithPool), tie("fn"))
          .map(([m, f]) => `${m}(${f})`),
        fc
          .tuple(
            fc.constantFrom(style.withPool, style.maybeWithPool),
            fc.array(tie("expr"), { maxLength: 4 }),
          )
          .map(([m, args]) => `${m}(${args.join(", ")})`),
        fc.constantFrom(`${style.withPool}(...args)`, `${style.withPool}(pool, ...fns)`),
        pool.map((p) => `${style.poolScope}(${p})`),
      ),
      stmt: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        tie("expr").map((e) => `${e};`),
        fc
          .tuple(name, tie("expr"))
          .map(
            ([n, e]) =>
              `const ${n === "this" || n === "new.target" || n === "arguments" ? "v" : n} = ${e};`,
          ),
        pool.map((p) => `using _s = ${style.poolScope}(${p});`),
        pool.map((p) => `using s2 = ${style.poolScope}(${p}); s2;`),
        tie("expr").map((e) => `return ${e};`),
        tie("block"),
        fc
          .tuple(tie("expr"), tie("block"), tie("block"))
          .map(([c, a, b]) => `if (${c}) ${a} else ${b}`),
        fc
          .tuple(tie("block"), tie("block"))
          .map(([a, b]) => `try ${a} catch (e) { throw e; } finally ${b}`),
        fc.tuple(tie("block")).map(([b]) => `for (let i = 0; i < 3; i++) ${b}`),
        tie("block").map((b) => `function hoisted(y: number) ${b}`),
        fc.constantFrom(
          "await p;",
          "yield 1;",
          "throw new Error('x');",
          "break;",
          "label: { break label; }",
        ),
      ),
      block: fc.array(tie("stmt"), { maxLength: 4 }).map((stmts) => `{\n${stmts.join("\n")}\n}`),
    }),
  );
  return fc
    .array(
      fc.oneof(
        tree.stmt,
        tree.marker.map((m) => `export const exported = ${m};`),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((statements) =>
      [
        style.header,
        'import { AdaptiveArrayPool } from "adaptive-array-pools";',
        "declare const pool: AdaptiveArrayPool, pools: AdaptiveArrayPool[], p: Promise<number>;",
        "declare const args: [AdaptiveArrayPool, () => void], fns: Array<() => void>;",
        "declare function existingFunction(x: number): number;",
        ...statements,
      ].join("\n"),
    );
}

/** A generated module in one of the import styles. */
export const markerModule: fc.Arbitrary<string> = fc
  .constantFrom(...IMPORT_STYLES)
  .chain((style) => snippetOf(style));

/** A module cut short at a random point: unterminated calls, blocks and functions. */
export const truncatedModule: fc.Arbitrary<string> = fc
  .tuple(markerModule, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([code, at]) => code.slice(0, Math.floor(code.length * at)));

/** A module with one token-sized piece deleted: a missing paren, brace, comma or keyword. */
export const tokenDeletedModule: fc.Arbitrary<string> = fc
  .tuple(markerModule, fc.nat(), fc.integer({ min: 1, max: 8 }))
  .map(([code, at, length]) => {
    const start = at % Math.max(1, code.length);
    return code.slice(0, start) + code.slice(start + length);
  });
