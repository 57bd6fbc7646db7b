/**
 * The module hooks behind `./register`. `load` lets Node load a module first (so Node decides the
 * format), and rewrites TypeScript modules (`module-typescript` / `commonjs-typescript`, the formats
 * Node gives `.ts` files it will strip) that name the runtime module. Warnings go to stderr in
 * TypeScript's format; errors fail the import with every error's file, line and column. The rewritten
 * source carries an inline source map, so `--enable-source-maps` stack traces point into the `.ts`.
 */
import { fileURLToPath } from "node:url";
import type { PoolsPluginOptions } from "./options.js";
import { rewriteModule } from "./rewrite.js";

let options: PoolsPluginOptions = {};

export function initialize(data: string): void {
  options = JSON.parse(data) as PoolsPluginOptions;
}

interface LoadResult {
  readonly format?: string | null | undefined;
  readonly source?: string | ArrayBuffer | ArrayBufferView | null | undefined;
  readonly shortCircuit?: boolean | undefined;
}

type NextLoad = (url: string, context?: unknown) => Promise<LoadResult>;

const TYPESCRIPT_FORMATS = new Set(["module-typescript", "commonjs-typescript"]);

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  if (!TYPESCRIPT_FORMATS.has(result.format ?? "") || !url.startsWith("file:")) return result;
  if (result.source === null || result.source === undefined) return result;
  const fileName = fileURLToPath(url);
  const rewritten = rewriteModule(sourceText(result.source), fileName, options);
  if (rewritten === undefined) return result;
  for (const diagnostic of rewritten.diagnostics) {
    if (diagnostic.severity === "warning") process.stderr.write(`${diagnostic.text}\n`);
  }
  const errors = rewritten.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((error) => error.text).join("\n"));
  if (rewritten.map === undefined) return result;
  const map = Buffer.from(JSON.stringify(rewritten.map)).toString("base64");
  const source = `${rewritten.code}\n//# sourceMappingURL=data:application/json;base64,${map}\n`;
  return { ...result, source };
}

function sourceText(source: string | ArrayBuffer | ArrayBufferView): string {
  if (typeof source === "string") return source;
  const bytes = ArrayBuffer.isView(source)
    ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
    : new Uint8Array(source);
  return new TextDecoder().decode(bytes);
}
