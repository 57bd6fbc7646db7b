/**
 * W7's inputs: generated TypeScript projects of `files` modules. In the importing project each module
 * has pooled functions (marker and `using` forms), helpers and types, importing the package by name
 * (a self-reference resolved through the repository's package.json exports, i.e. dist/). The
 * non-importing project has the same shape with `new Float64Array` temporaries and no import of the
 * package, the files a plugin must pass over at no measurable cost.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function moduleSource(index: number, files: number): string {
  const previous = index > 0 ? `import { scale${index - 1} } from "./m${index - 1}.js";\n` : "";
  const usePrevious = index > 0 ? `scale${index - 1}(v, 0.5)` : "v";
  return `import { AdaptiveArrayPool, acquire, poolScope, withPool, zeros } from "adaptive-array-pools";
${previous}
export interface Body${index} {
  readonly id: number;
  position: Float64Array;
  velocity: Float64Array;
}

const pool = new AdaptiveArrayPool();

export function scale${index}(v: number, k: number): number {
  return v * k + ${index % 17};
}

export const energy${index} = withPool(pool, function energy${index}(b: Body${index}, n: number): number {
  const d = zeros(pool, Float64Array, n);
  const tmp = acquire(pool, Float64Array, n);
  for (let i = 0; i < n; i++) {
    tmp[i] = b.position[i % b.position.length]! * 2;
    d[i] = tmp[i]! * tmp[i]!;
  }
  let e = 0;
  for (let i = 0; i < n; i++) e += d[i]!;
  return e;
});

export const step${index} = withPool(pool, (b: Body${index}, dt: number): number => {
  const v = acquire(pool, Float64Array, 3);
  for (let k = 0; k < 3; k++) v[k] = b.velocity[k]! * dt;
  return v[0]! + v[1]! + v[2]!;
});

export function blockScoped${index}(values: readonly number[]): number {
  let total = 0;
  {
    using _ = poolScope(pool);
    const buf = acquire(pool, Float64Array, values.length);
    buf.set(values);
    for (const v of buf) total += ${usePrevious};
  }
  return total / ${files};
}
`;
}

function nonImportingModuleSource(index: number, files: number): string {
  const previous = index > 0 ? `import { scale${index - 1} } from "./m${index - 1}.js";\n` : "";
  const usePrevious = index > 0 ? `scale${index - 1}(v, 0.5)` : "v";
  return `${previous}
export interface Body${index} {
  readonly id: number;
  position: Float64Array;
  velocity: Float64Array;
}

export function scale${index}(v: number, k: number): number {
  return v * k + ${index % 17};
}

export function energy${index}(b: Body${index}, n: number): number {
  const d = new Float64Array(n);
  const tmp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tmp[i] = b.position[i % b.position.length]! * 2;
    d[i] = tmp[i]! * tmp[i]!;
  }
  let e = 0;
  for (let i = 0; i < n; i++) e += d[i]!;
  return e;
}

export const step${index} = (b: Body${index}, dt: number): number => {
  const v = new Float64Array(3);
  for (let k = 0; k < 3; k++) v[k] = b.velocity[k]! * dt;
  return v[0]! + v[1]! + v[2]!;
};

export function blockScoped${index}(values: readonly number[]): number {
  let total = 0;
  {
    const buf = Float64Array.from(values);
    for (const v of buf) total += ${usePrevious};
  }
  return total / ${files};
}
`;
}

function tsconfig(outDir: string, plugin: boolean): string {
  return JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2023", "ESNext.Disposable"],
        module: "node16",
        moduleResolution: "node16",
        strict: true,
        skipLibCheck: true,
        types: [],
        rootDir: "src",
        outDir,
        ...(plugin ? { plugins: [{ transform: "../../../dist/transformer/index.js" }] } : {}),
      },
      include: ["src"],
    },
    null,
    2,
  );
}

export type ProjectKind = "importing" | "non-importing";

/** Write the project into `dir` (wiped first): src/m0.ts .. m<files-1>.ts and two tsconfigs. */
export function generateProject(dir: string, files: number, kind: ProjectKind = "importing"): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  const source = kind === "importing" ? moduleSource : nonImportingModuleSource;
  for (let i = 0; i < files; i++) writeFileSync(join(dir, "src", `m${i}.ts`), source(i, files));
  writeFileSync(join(dir, "tsconfig.plain.json"), tsconfig("out-plain", false));
  writeFileSync(join(dir, "tsconfig.plugin.json"), tsconfig("out-plugin", true));
}
