import * as path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The published code gets the type-aware rules (deprecated TypeScript APIs, unsafe any, floating promises). */
const TYPE_CHECKED = ["runtime/**/*.ts", "transformer/**/*.ts"];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "dist/",
      "unplugin/dist/",
      "compat/",
      "fixtures/",
      "bench/.work/",
      "bench/results/",
      "examples/**/out/",
      "test/support/**/out/",
      "bench/scope-overhead/out/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        __dirname: "readonly",
        require: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TYPE_CHECKED })),
  {
    files: TYPE_CHECKED,
    languageOptions: {
      // The published projects alone: a smaller program than the whole repository's tsconfig.json.
      parserOptions: {
        project: ["./tsconfig.dist-cjs.json", "./tsconfig.dist-transformer.json"],
        tsconfigRootDir: path.dirname(fileURLToPath(import.meta.url)),
      },
    },
    rules: {
      "@typescript-eslint/no-deprecated": "error",
    },
  },
);
