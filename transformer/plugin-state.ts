/**
 * Per-program state, kept in a WeakMap so a long-lived host (watch mode, a language server) that makes
 * many programs neither leaks them nor shares state between them. ts-patch calls the plugin once per
 * emit; diagnostics are remembered so a second emit of the same program does not repeat them.
 */
import type * as TS from "typescript";
import { createPackageFileTest } from "./resolve-markers.js";
import type { PackageFileTest } from "./resolve-markers.js";

export interface ProgramState {
  readonly isPackageFile: PackageFileTest;
  readonly reported: Set<string>;
  optionProblemsReported: boolean;
}

const states = new WeakMap<TS.Program, ProgramState>();

/** The program's state; a loader that passes no Program gets a state of its own each time. */
export function programState(ts: typeof TS, program: TS.Program | undefined): ProgramState {
  let state = isObject(program) ? states.get(program) : undefined;
  if (state === undefined) {
    state = {
      isPackageFile: createPackageFileTest(ts),
      reported: new Set(),
      optionProblemsReported: false,
    };
    if (isObject(program)) states.set(program, state);
  }
  return state;
}

/** A key that identifies a diagnostic across emits of one program. */
export function diagnosticKey(diagnostic: TS.Diagnostic): string {
  return `${diagnostic.file?.fileName ?? ""}:${diagnostic.start ?? -1}:${diagnostic.code}`;
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
