/**
 * What the analysis knows about a value that holds pool memory: where the memory was acquired and how
 * the value holds it (the array itself, its buffer, a literal containing it, or a closure capturing it).
 */
import type * as TS from "typescript";
import type { RuntimeExportName } from "../runtime-exports.js";

/** The typed array an acquire-family call returned, named after the variable it was first bound to. */
export interface Acquisition {
  readonly call: TS.CallExpression;
  /** The first variable bound to it; undefined while the call result has not been named. */
  readonly name: string | undefined;
  /**
   * The acquire-family export called. Its typed-array type is asked of the checker only when a fix
   * names it (element-type.ts): most acquisitions are never reported.
   */
  readonly runtime: RuntimeExportName;
}

export type Origin =
  /** The typed array itself, or a view of the same memory (`fill`, `subarray`, `new X(v.buffer)`). */
  | { readonly kind: "array"; readonly acquisition: Acquisition }
  /** Its ArrayBuffer (`v.buffer`). */
  | { readonly kind: "buffer"; readonly acquisition: Acquisition }
  /** An array or object literal holding pool memory somewhere inside. */
  | {
      readonly kind: "container";
      /** A list (array literal, pushed-to array) or an object (literal, assigned properties). */
      readonly shape: "list" | "object";
      readonly inner: Origin;
      /** Known per-property contents of an object literal; absent when any property may hold it. */
      readonly fields: ReadonlyMap<string, Origin> | undefined;
    }
  /** A function whose body reads a pool-backed variable of the scope. */
  | {
      readonly kind: "closure";
      readonly captured: Origin;
      readonly capturedName: string;
      /** The variable it reads: what that holds when the closure leaves the scope is what counts. */
      readonly capturedVariable: TS.Identifier;
    };

/** The acquisition at the bottom of any origin. */
export function acquisitionOf(origin: Origin): Acquisition {
  switch (origin.kind) {
    case "array":
    case "buffer":
      return origin.acquisition;
    case "container":
      return acquisitionOf(origin.inner);
    case "closure":
      return acquisitionOf(origin.captured);
  }
}

/** Name an unnamed acquisition after the variable it is first bound to (`const v = acquire(...)`). */
export function withBindingName(origin: Origin, name: string): Origin {
  if (origin.kind !== "array" && origin.kind !== "buffer") return origin;
  if (origin.acquisition.name !== undefined) return origin;
  return { kind: origin.kind, acquisition: { ...origin.acquisition, name } };
}

/** Either of two possible origins (a may-analysis keeps the first that holds pool memory). */
export function joinOrigins(a: Origin | undefined, b: Origin | undefined): Origin | undefined {
  return a ?? b;
}

/** A list holding `inner` somewhere. */
export function listOf(inner: Origin): Origin {
  return { kind: "container", shape: "list", inner, fields: undefined };
}

/** An object holding `inner`, with per-field contents when they are known. */
export function objectOf(inner: Origin, fields: ReadonlyMap<string, Origin> | undefined): Origin {
  return { kind: "container", shape: "object", inner, fields };
}

type Container = Origin & { kind: "container" };

/** What `container.key` gives: a list's named properties (`length`) are not its elements. */
export function propertyOf(container: Container, key: string): Origin | undefined {
  if (container.shape === "list") return undefined;
  return container.fields === undefined ? container.inner : container.fields.get(key);
}

/** What `container[key]` gives; `key` undefined when computed. */
export function elementOf(container: Container, key: string | undefined): Origin | undefined {
  if (container.shape === "list" || container.fields === undefined || key === undefined) {
    return container.inner;
  }
  return container.fields.get(key);
}
