/**
 * `node check-worker.js <typescript folder> <tsconfig>...`: type-check each config with that
 * TypeScript's API and print the results as one JSON array (see checkWithApiInChild).
 */
import { checkWithApi } from "./support-type-check.js";

const [typescriptDir, ...configFiles] = process.argv.slice(2);
if (typescriptDir === undefined)
  throw new Error("usage: check-worker <typescript folder> <tsconfig>...");
process.stdout.write(
  JSON.stringify(configFiles.map((config) => checkWithApi(typescriptDir, config))),
);
