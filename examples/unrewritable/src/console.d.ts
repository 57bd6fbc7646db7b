/** The one Node global main.ts uses; the project leaves out @types/node (see tsconfig.json). */
declare const console: { log(message: string): void };
