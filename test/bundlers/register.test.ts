/**
 * `node --import unplugin-adaptive-array-pools/register app.ts`: Node's own type stripping with the
 * rewrite. Needs Node >= 22.18 (type stripping on by default); this repository's Node is 20, so the
 * test runs on the running Node when it is new enough, else on `AAP_NODE22`, else on Node 24 from the
 * npm `node` package installed into build/node24 (a failed install fails the test).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { installNode24 } from "../../scripts/node24.js";
import { REPO_ROOT, outputOf } from "../support/compilers.js";

const APP = `import { AdaptiveArrayPool, poolScope, poolStats, withPool, zeros } from "adaptive-array-pools";

const pool = new AdaptiveArrayPool();

export const total = withPool(pool, function total(n: number): number {
  const a: Float64Array = zeros(pool, Float64Array, n);
  a.fill(2);
  return a.reduce((s, x) => s + x, 0);
});

function block(n: number): number {
  using _scope = poolScope(pool);
  return zeros(pool, n).length;
}

const fails = withPool(pool, function fails(): number {
  throw new Error("from inside the scope");
});

console.log(\`total(4) = \${total(4)} block(3) = \${block(3)} depth = \${poolStats(pool).depth}\`);
console.log(\`rewritten: \${/const depth_\\d+ = pool\\.checkpoint\\(\\)/.test(String(total))}\`);
try {
  fails();
} catch (error) {
  console.log(String((error as Error).stack).split("\\n")[1]!.trim());
}
`;

const ESCAPE = `import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
const pool = new AdaptiveArrayPool();
export const leak = withPool(pool, function leak(n: number) {
  return acquire(pool, Float64Array, n);
});
`;

function node22(): string | { reason: string } {
  const major = Number(process.versions.node.split(".")[0]);
  if (major >= 23 || (major === 22 && Number(process.versions.node.split(".")[1]) >= 18)) {
    return process.execPath;
  }
  const configured = process.env["AAP_NODE22"];
  if (configured !== undefined) return configured;
  const installed = installNode24(path.join(REPO_ROOT, "build", "node24"));
  return "reason" in installed ? installed : installed.node;
}

const node = node22();

if (typeof node !== "string") {
  test("a Node with type stripping is available for the register hook", () => {
    assert.unreachable(node.reason);
  });
} else {
  /** One run of `file` with the hook; the three runs are independent, so they run side by side. */
  const run = (dir: string, file: string, env: Record<string, string> = {}) => {
    const args = ["--enable-source-maps", "--import", "unplugin-adaptive-array-pools/register"];
    return outputOf(spawn(node, [...args, file], { cwd: dir, env: { ...process.env, ...env } }));
  };

  test("node --import .../register: .ts modules run rewritten, mapped, with diagnostics and options", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "aap-register-"));
    try {
      writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
      writeFileSync(path.join(dir, "app.ts"), APP);
      writeFileSync(path.join(dir, "escape.ts"), ESCAPE);
      mkdirSync(path.join(dir, "node_modules"));
      symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "adaptive-array-pools"), "dir");
      symlinkSync(
        path.join(REPO_ROOT, "unplugin"),
        path.join(dir, "node_modules", "unplugin-adaptive-array-pools"),
        "dir",
      );
      const [app, unpooled, escape] = await Promise.all([
        run(dir, "app.ts"),
        run(dir, "app.ts", { ADAPTIVE_ARRAY_POOLS_OPTIONS: '{"pooling":false}' }),
        run(dir, "escape.ts"),
      ]);
      assert.is(app.status, 0, app.stderr);
      const lines = app.stdout.split("\n");
      assert.is(lines[0], "total(4) = 8 block(3) = 3 depth = 0");
      assert.is(lines[1], "rewritten: true");
      assert.match(lines[2]!, /app\.ts:17:9\)?$/, "the stack trace points into app.ts");
      assert.is(unpooled.stdout.split("\n")[1], "rewritten: false");
      assert.is.not(escape.status, 0, "an AAP error fails the import");
      assert.match(escape.stderr, /escape\.ts\(4,10\): error AAP2001/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test.run();
