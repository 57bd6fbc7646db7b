/**
 * Programs for the differential fuzz test: modules full of pool markers in the shapes that broke the
 * rewrite before (comments, line and block, in every position of a marker call and after `return`;
 * pool bindings that a helper, the body or a loop rebinds; optional pools; parameter defaults;
 * thenable results; many `using`s in one block; long expressions). Each module exports `run()`,
 * which calls everything it defines and returns what a user could observe: results, thrown error
 * classes, how often pool expressions ran, and every pool's depth and per-type counts.
 */
import fc from "fast-check";

const HEADER = [
  'import { AdaptiveArrayPool, acquire, getTaskLocalPool, maybeWithPool, poolScope, poolStats, withPool } from "adaptive-array-pools";',
  'import type { Pool } from "adaptive-array-pools";',
  "const pools = [new AdaptiveArrayPool(), new AdaptiveArrayPool(), new AdaptiveArrayPool()] as const;",
  "const first = pools[0];",
  "let current: Pool = pools[0];",
  "let lookups = 0;",
  "function pick(): Pool { lookups++; return pools[lookups % 3]!; }",
  "function rebind(): number { current = current === pools[0] ? pools[1] : pools[0]; return 1; }",
  "function scratch(n: number): number { return acquire(first, Float64Array, n).fill(1).length; }",
  "function sum(a: ArrayLike<number>): number { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]!; return s; }",
].join("\n");

/** Comments a marker call may carry at any of its positions. */
const comment = fc.constantFrom(
  "",
  "",
  " /* c */ ",
  " // line\n",
  "\n// own line\n",
  " /* two\nlines */ ",
);

/** Pool expressions, as written at the marker, with how the body may acquire from "its" pool. */
const poolExpression = fc.constantFrom(
  "first",
  "current",
  "pick()",
  "pools[1]",
  "(current as Pool)",
);

/** A body statement list acquiring from `pool` (an expression valid inside the body). */
function body(pool: string, terms: number, rebinds: boolean): string {
  const expression = Array.from({ length: terms }, (_, i) => `a[${i % 4}]!`).join(" + ");
  return [
    `const a = acquire(${pool}, Float64Array, 4).fill(2);`,
    rebinds ? "rebind();" : "",
    `const b = acquire(${pool}, Int32Array, n).fill(3);`,
    `return ${expression} + sum(b);`,
  ].join(" ");
}

interface Piece {
  /** Declarations at module level. */
  readonly code: string;
  /** Expressions `run()` evaluates, each in its own try. */
  readonly calls: readonly string[];
}

/** `withPool(P, fn)` with comments everywhere; a function expression, a block arrow or an expression arrow. */
const functionMarker = (name: string): fc.Arbitrary<Piece> =>
  fc
    .record({
      marker: fc.constantFrom("withPool", "maybeWithPool"),
      pool: poolExpression,
      form: fc.constantFrom("function", "block-arrow", "arrow"),
      comments: fc.array(comment, { minLength: 7, maxLength: 7 }),
      terms: fc.integer({ min: 1, max: 40 }),
      rebinds: fc.boolean(),
      defaulted: fc.boolean(),
    })
    .map(({ marker, pool, form, comments, terms, rebinds, defaulted }) => {
      const [c0, c1, c2, c3, c4, c5, c6] = comments;
      const parameters = defaulted ? "n: number, k: number = n + 1" : "n: number";
      const inner = body("first", terms, rebinds);
      const fn =
        form === "function"
          ? `function ${name}(${parameters}) { ${inner} }`
          : form === "block-arrow"
            ? `(${parameters}) => { ${inner} }`
            : `(${parameters}) => acquire(first, Float64Array, n).fill(1).length${rebinds ? " + rebind()" : ""}`;
      const code = `const ${name} = ${c0}${marker}(${c1}${pool}${c2},${c3}${c4}${fn}${c5})${c6};`;
      return { code, calls: [`${name}(2)`, `${name}(3)`] };
    });

/** A marker right after `return`, with a line-breaking comment between them: ASI must not strike. */
const returnedMarker = (name: string): fc.Arbitrary<Piece> =>
  fc.record({ c: comment, d: comment, pool: poolExpression }).map(({ c, d, pool }) => ({
    code: `function ${name}(n: number) { return withPool(${pool},${c}function (m: number) { return scratch(m) + m; }${d}); }`,
    calls: [`${name}(1)(2)`, `${name}(2)(3)`],
  }));

/** Markers evaluated once per loop iteration and once per arrow call: each keeps its own pool. */
const repeatedMarker = (name: string): fc.Arbitrary<Piece> =>
  fc.constantFrom(
    {
      code: `const ${name}: ((n: number) => number)[] = []; for (let i = 0; i < 3; i++) ${name}.push(withPool(pools[i]!, (n: number) => acquire(pools[i]!, Float64Array, n).length + i));`,
      calls: [`${name}.map((f, i) => f(i + 1))`],
    },
    {
      code: `const ${name} = pools.map((p: Pool) => withPool(p, function (n: number) { return acquire(p, Int32Array, n).length; }));`,
      calls: [`${name}.map((f, i) => f(i + 2))`],
    },
  );

/** A block with many `using`s (same and different pools, optional pools, none), comments before them. */
const usingBlock = (name: string): fc.Arbitrary<Piece> =>
  fc
    .record({
      pools: fc.array(fc.constantFrom("first", "current", "pick()", "maybe", "", "pools[2]"), {
        minLength: 1,
        maxLength: 12,
      }),
      comments: fc.array(comment, { minLength: 12, maxLength: 12 }),
      optional: fc.boolean(),
      rebinds: fc.boolean(),
      hoisted: fc.boolean(),
    })
    .map(({ pools, comments, optional, rebinds, hoisted }) => {
      const statements = pools.map(
        (pool, i) =>
          `${comments[i]}using _${i} = poolScope(${pool});\n const v${i} = acquire(${pool === "maybe" ? "maybe ?? getTaskLocalPool()" : pool === "" ? "getTaskLocalPool()" : "first"}, Float64Array, ${i + 1}).fill(${i});${rebinds && i === 0 ? " rebind();" : ""}`,
      );
      const total = pools.map((_, i) => `sum(v${i})`).join(" + ");
      const early = hoisted ? "const warm = later(1);" : "const warm = 0;";
      const code = [
        `function ${name}(n: number, maybe?: Pool) {`,
        early,
        ...statements,
        `return ${total} + n + warm;`,
        "function later(k: number): number { return k; }",
        "}",
      ].join("\n");
      const second = optional ? "undefined" : "pools[1]";
      return { code, calls: [`${name}(1, ${second})`, `${name}(2, pools[2])`] };
    });

/** A thenable result: the fallback throws (the scope would end before the promise settles). */
const thenableMarker = (name: string): fc.Arbitrary<Piece> =>
  fc.constantFrom(
    {
      code: `const ${name} = withPool(first, (n: number) => ({ then(resolve: (v: number) => void) { resolve(n); } }));`,
      calls: [`typeof ${name}(1)`],
    },
    {
      code: `const ${name} = withPool(first, function ${name}(n: number) { return Promise.resolve(n); });`,
      calls: [`typeof ${name}(1)`],
    },
  );

const piece = (name: string): fc.Arbitrary<Piece> =>
  fc.oneof(
    { weight: 4, arbitrary: functionMarker(name) },
    { weight: 2, arbitrary: returnedMarker(name) },
    { weight: 1, arbitrary: repeatedMarker(name) },
    { weight: 3, arbitrary: usingBlock(name) },
    { weight: 1, arbitrary: thenableMarker(name) },
  );

/** A whole module: the header, a few pieces, and `run()`. */
export const differentialProgram: fc.Arbitrary<string> = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => piece(`f${i}`))))
  .map((pieces) => {
    const calls = pieces.flatMap((p) => p.calls);
    const attempts = calls
      .map(
        (call) =>
          `try { out.push(${call}); } catch (error) { out.push("threw " + (error as Error).constructor.name); }`,
      )
      .join("\n");
    return [
      HEADER,
      ...pieces.map((p) => p.code),
      "export function run(): unknown {",
      "const out: unknown[] = [];",
      attempts,
      "const state = (p: Pool) => { const s = poolStats(p); return [s.depth, s.types.map((t) => [t.type, t.slots, t.active])]; };",
      "return { out, lookups, pools: pools.map(state), taskLocal: state(getTaskLocalPool()) };",
      "}",
    ].join("\n");
  });

/** A block of `count` `using`s and a `terms`-term expression, for the scale test and benchmark. */
export function scaleProgram(usings: number, terms: number): string {
  const lines = [
    'import { AdaptiveArrayPool, acquire, poolScope, withPool } from "adaptive-array-pools";',
    "const pool = new AdaptiveArrayPool();",
    "export function manyUsings(n: number): number {",
    "  let s = 0;",
  ];
  for (let i = 0; i < usings; i++) {
    lines.push(`  using _${i} = poolScope(pool);`, "  s += acquire(pool, Float64Array, n).length;");
  }
  lines.push("  return s;", "}");
  // Plain `a[k]` terms: TypeScript's own checker overflows on 2,000 `a[k]!` terms.
  const expression = Array.from({ length: Math.max(terms, 1) }, (_, i) => `a[${i % 4}]`).join(
    " + ",
  );
  lines.push(
    "export const longExpression = withPool(pool, (n: number) => {",
    "  const a = acquire(pool, Float64Array, 4).fill(n);",
    `  return ${expression};`,
    "});",
  );
  return lines.join("\n");
}
