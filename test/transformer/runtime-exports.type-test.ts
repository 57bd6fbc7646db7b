/**
 * A type-level test, checked by the build (`tsc` fails on a mismatch; nothing here runs): the names the
 * transformer recognises as runtime exports are real value exports of the runtime's entry point, and
 * its acquire family is exactly the runtime's exports that take a pool and hand out a typed array.
 */
import type * as Runtime from "../../runtime/index.js";
import type { AcquireFamilyName, RuntimeExportName } from "../../transformer/runtime-exports.js";

type Exports = typeof Runtime;
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * The return type of `F`'s last signature when it takes a pool first. The rest of each signature
 * varies (dims, element type, template, rng), so it is matched by `any[]`; an `any` result (a generic
 * function parameter returned as is, as in `withPool(fn)`) does not count as an array.
 */
type PoolResult<F> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  F extends (pool: Runtime.Pool, ...rest: any[]) => infer R
    ? IsAny<R> extends true
      ? never
      : R
    : never;

type HandsOutPoolMemory = {
  [K in keyof Exports]: PoolResult<Exports[K]> extends never
    ? never
    : PoolResult<Exports[K]> extends Runtime.TypedArray
      ? K
      : never;
}[keyof Exports];

export type RecognisedNamesAreRuntimeExports = Expect<
  Equal<Exclude<RuntimeExportName, keyof Exports>, never>
>;
export type AcquireFamilyIsWhatHandsOutPoolMemory = Expect<
  Equal<AcquireFamilyName, HandsOutPoolMemory>
>;
