/**
 * What `npm publish` would ship, read from `npm pack --dry-run --json` for both packages (this one and
 * the bundler package in unplugin/): every entry point package.json names with its type declarations,
 * README, LICENSE, CHANGELOG and docs; no tests, fixtures, benchmarks, sources, build info or stale
 * output; and source maps that carry their sources (the .ts files do not ship).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO_ROOT } from "../support/compilers.js";

interface PackedFile {
  readonly path: string;
}

interface PackResult {
  readonly name: string;
  readonly files: readonly PackedFile[];
}

interface SourceMap {
  readonly sources: readonly string[];
  readonly sourcesContent?: readonly (string | null)[];
}

/** npm itself: the one running this test under `npm test`, else the one on PATH. */
function npm(args: readonly string[]): string {
  const npmCli = process.env["npm_execpath"];
  const [command, commandArgs] =
    npmCli !== undefined && npmCli.endsWith(".js")
      ? [process.execPath, [npmCli, ...args]]
      : ["npm", args];
  const result = spawnSync(command, commandArgs, { cwd: REPO_ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

const UNPLUGIN_DIR = path.join(REPO_ROOT, "unplugin");

/**
 * Both packages in one npm run. `--ignore-scripts`: the real prepack rebuilds dist/, which the other
 * tests are reading.
 */
const PACKS = JSON.parse(
  npm([
    "pack",
    "--dry-run",
    "--json",
    "--ignore-scripts",
    "--include-workspace-root",
    "--workspace",
    "unplugin",
  ]),
) as PackResult[];

function packedFiles(name: string): ReadonlySet<string> {
  const pack = PACKS.find((result) => result.name === name);
  assert.ok(pack, `npm pack reported ${name}`);
  return new Set(pack.files.map((file) => file.path));
}

const PACKED = packedFiles("adaptive-array-pools");
const UNPLUGIN_PACKED = packedFiles("unplugin-adaptive-array-pools");

function manifest(dir: string): {
  main?: string;
  module?: string;
  types?: string;
  exports: unknown;
} {
  return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
    exports: unknown;
  };
}

const MANIFEST = manifest(REPO_ROOT);

/** Every file path an `exports` map leads to. */
function exportTargets(entry: unknown): string[] {
  if (typeof entry === "string") return [entry];
  if (entry !== null && typeof entry === "object")
    return Object.values(entry).flatMap((value) => exportTargets(value));
  return [];
}

function normalised(target: string): string {
  return path.posix.normalize(target);
}

const packed = [...PACKED];

test("every entry point and its type declarations ship", () => {
  const entries = [
    MANIFEST.main!,
    MANIFEST.module!,
    MANIFEST.types!,
    ...exportTargets(MANIFEST.exports),
  ];
  for (const entry of entries) assert.ok(PACKED.has(normalised(entry)), `${entry} is packed`);
  for (const folder of ["dist/cjs", "dist/esm", "dist/transformer"]) {
    assert.ok(PACKED.has(`${folder}/index.js`), `${folder}/index.js is packed`);
    assert.ok(PACKED.has(`${folder}/index.d.ts`), `${folder}/index.d.ts is packed`);
    assert.ok(
      PACKED.has(`${folder}/package.json`),
      `${folder}/package.json (module type) is packed`,
    );
  }
  for (const file of packed.filter((name) => name.endsWith(".js"))) {
    assert.ok(PACKED.has(file.replace(/\.js$/, ".d.ts")), `${file} has its .d.ts`);
  }
});

test("README, LICENSE, CHANGELOG, package.json and every docs page ship", () => {
  for (const file of ["README.md", "LICENSE", "CHANGELOG.md", "package.json"]) {
    assert.ok(PACKED.has(file), `${file} is packed`);
  }
  const pages = readdirSync(path.join(REPO_ROOT, "docs")).filter((name) => name.endsWith(".md"));
  assert.ok(pages.length > 0);
  for (const page of pages) assert.ok(PACKED.has(`docs/${page}`), `docs/${page} is packed`);
});

test("no tests, fixtures, benchmarks, examples, sources, build output or build info ship", () => {
  const forbidden =
    /^(test|fixtures|bench|examples|build|compat|scripts|runtime|transformer|node_modules)\//;
  for (const file of packed) {
    assert.not.ok(forbidden.test(file), `${file} must not be packed`);
    assert.not.ok(file.endsWith(".tsbuildinfo"), `${file} must not be packed`);
    assert.not.ok(/\.test\.[cm]?js$/.test(file), `${file} must not be packed`);
  }
  assert.ok(
    packed.every((file) => /^(dist\/|docs\/)/.test(file) || !file.includes("/")),
    `only dist/, docs/ and top-level files: ${packed.filter((file) => file.includes("/") && !/^(dist|docs)\//.test(file)).join(", ")}`,
  );
});

/** dist/cjs and dist/esm compile runtime/, dist/transformer compiles transformer/. */
function sourceOf(distFile: string): string {
  const [, folder, rest] = /^dist\/(cjs|esm|transformer)\/(.*)\.(?:js|d\.ts)$/.exec(distFile)!;
  return path.join(REPO_ROOT, folder === "transformer" ? "transformer" : "runtime", `${rest!}.ts`);
}

test("no stale output: every shipped .js and .d.ts has its source", () => {
  for (const file of packed.filter((name) => /\.(js|d\.ts)$/.test(name))) {
    assert.ok(existsSync(sourceOf(file)), `${file} has no source (left over from a deleted file?)`);
  }
});

/** Every source map in `files` (paths relative to `dir`) carries or ships each source it names. */
function assertSourceMapsCarrySources(dir: string, files: ReadonlySet<string>): void {
  const maps = [...files].filter((file) => file.endsWith(".map"));
  assert.ok(maps.length > 0, "source maps ship");
  for (const file of maps) {
    const map = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as SourceMap;
    assert.ok(map.sources.length > 0, `${file} names a source`);
    map.sources.forEach((source, i) => {
      const shipped = files.has(path.posix.join(path.posix.dirname(file), source));
      const inlined = typeof map.sourcesContent?.[i] === "string";
      assert.ok(shipped || inlined, `${file}: ${source} neither ships nor is inlined`);
    });
  }
}

test("every shipped source map carries the content of each source it names", () => {
  assertSourceMapsCarrySources(REPO_ROOT, PACKED);
});

test("the bundler package ships its entry points with declarations, README and LICENSE", () => {
  for (const entry of exportTargets(manifest(UNPLUGIN_DIR).exports)) {
    assert.ok(UNPLUGIN_PACKED.has(normalised(entry)), `unplugin: ${entry} is packed`);
  }
  for (const file of ["README.md", "LICENSE", "package.json"]) {
    assert.ok(UNPLUGIN_PACKED.has(file), `unplugin: ${file} is packed`);
  }
  assert.is(
    readFileSync(path.join(UNPLUGIN_DIR, "LICENSE"), "utf8"),
    readFileSync(path.join(REPO_ROOT, "LICENSE"), "utf8"),
    "unplugin/LICENSE is the project's LICENSE",
  );
  for (const file of UNPLUGIN_PACKED) {
    assert.ok(
      /^dist\/[^/]+\.(js|d\.ts|js\.map)$/.test(file) || !file.includes("/"),
      `unplugin: only dist/*.js, .d.ts, .js.map and top-level files ship, not ${file}`,
    );
  }
});

test("the bundler package's source maps carry the content of each source", () => {
  assertSourceMapsCarrySources(UNPLUGIN_DIR, UNPLUGIN_PACKED);
});

test.run();
