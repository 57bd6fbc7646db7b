// typedarray-pool ships no type declarations; these cover the calls the bench makes.
declare module "typedarray-pool" {
  export function mallocDouble(n: number): Float64Array;
  export function mallocFloat(n: number): Float32Array;
  export function mallocInt32(n: number): Int32Array;
  export function freeDouble(a: Float64Array): void;
  export function freeFloat(a: Float32Array): void;
  export function freeInt32(a: Int32Array): void;
}
