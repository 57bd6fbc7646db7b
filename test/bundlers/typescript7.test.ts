/**
 * A TypeScript 7 user's project (compat/ts7: the native compiler, whose `tsc` runs no plugins): it
 * imports the runtime and configures Vite with the bundler package, and TypeScript 7's own
 * `tsc --noEmit` type-checks it: the route DESIGN.md gives TypeScript 7 users (tsc for types, the
 * bundler plugin for the rewrite).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";

const TS7 = path.join(REPO_ROOT, "compat", "ts7", "node_modules", "typescript");

const MAIN = `import { AdaptiveArrayPool, acquire, poolScope, withPool, zeros } from "adaptive-array-pools";

const pool = new AdaptiveArrayPool();

export const energy = withPool(pool, function energy(positions: Float64Array, n: number): number {
  const d = zeros(pool, Float64Array, n);
  const tmp: Int32Array = acquire(pool, Int32Array, n);
  for (let i = 0; i < n; i++) {
    tmp[i] = i;
    d[i] = positions[i]! * 2;
  }
  return d.reduce((s, x) => s + x, 0);
});

export function block(n: number): number {
  using _scope = poolScope(pool);
  return zeros(pool, n).length;
}

// @ts-expect-error the result is a number, not a string: TypeScript 7 sees the real types.
export const wrong: string = energy(new Float64Array(2), 2);
`;

const VITE_CONFIG = `import { defineConfig } from "vite";
import pools from "unplugin-adaptive-array-pools/vite";

export default defineConfig({ plugins: [pools({ escapeLint: "error", pooling: true })] });
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "ESNext.Disposable"],
    module: "ESNext",
    moduleResolution: "bundler",
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ["src", "vite.config.ts"],
};

test(`TypeScript ${readVersion()} tsc --noEmit type-checks a project using the runtime and the Vite plugin`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aap-ts7-"));
  try {
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "src", "main.ts"), MAIN);
    writeFileSync(path.join(dir, "vite.config.ts"), VITE_CONFIG);
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const modules = path.join(dir, "node_modules");
    mkdirSync(modules);
    symlinkSync(REPO_ROOT, path.join(modules, "adaptive-array-pools"), "dir");
    symlinkSync(
      path.join(REPO_ROOT, "unplugin"),
      path.join(modules, "unplugin-adaptive-array-pools"),
      "dir",
    );
    symlinkSync(path.join(REPO_ROOT, "node_modules", "vite"), path.join(modules, "vite"), "dir");
    const check = spawnSync(
      process.execPath,
      [path.join(TS7, "bin", "tsc"), "-p", dir, "--pretty", "false"],
      {
        encoding: "utf8",
      },
    );
    assert.is(check.stdout + check.stderr, "", "no diagnostics");
    assert.is(check.status, 0);
    // The same project with a real type error fails: the check has teeth.
    writeFileSync(
      path.join(dir, "src", "bad.ts"),
      'import { zeros } from "adaptive-array-pools";\nexport const n: string = zeros(1);\n',
    );
    const bad = spawnSync(
      process.execPath,
      [path.join(TS7, "bin", "tsc"), "-p", dir, "--pretty", "false"],
      {
        encoding: "utf8",
      },
    );
    assert.ok(/src\/bad\.ts\(2,14\): error TS2322/.test(bad.stdout), bad.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function readVersion(): string {
  return (JSON.parse(readFileSync(path.join(TS7, "package.json"), "utf8")) as { version: string })
    .version;
}

test.run();
