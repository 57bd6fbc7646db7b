/** `this`, `arguments`, `new.target`, default parameters, destructuring and generics pass through. */
import { AdaptiveArrayPool, acquire, withPool } from "adaptive-array-pools";
import { snapshot } from "./snapshot.js";

const pool = new AdaptiveArrayPool();

interface Counter {
  readonly base: number;
  total: (this: Counter, ...extra: number[]) => string;
}

const counter: Counter = {
  base: 10,
  total: withPool(pool, function (this: Counter, ...extra: number[]): string {
    const scratch = acquire(pool, Float64Array, arguments.length + 1);
    scratch.fill(this.base);
    return `${arguments.length}:${scratch.length}:${this.base + extra.length}`;
  }),
};

const describeCall = withPool(pool, function describeCall(this: unknown, a = 1, b = a * 2): string {
  const mode = new.target === undefined ? "call" : "construct";
  acquire(pool, Int8Array, a + b);
  return `${mode}:${typeof this}:${a}:${b}:${arguments.length}`;
});

const pick = withPool(
  pool,
  <T>({ key }: { key: string }, [first, ...rest]: readonly T[]): string => {
    acquire(pool, Uint32Array, rest.length + 1);
    return `${key}=${String(first)}+${rest.length}`;
  },
);

const Made = withPool(pool, function Made(this: { size: number }, size: number): void {
  acquire(pool, Float32Array, size);
  this.size = new.target === undefined ? -1 : size;
});

export function run(): unknown {
  const made = new (Made as unknown as new (size: number) => { size: number })(4);
  return {
    values: [
      counter.total(),
      counter.total(1, 2, 3),
      describeCall(),
      describeCall(5),
      describeCall.call("s", 2, 3),
      pick({ key: "k" }, ["x", "y", "z"]),
      made.size,
      describeCall.name,
      describeCall.length,
      Made.name,
    ],
    pool: snapshot(pool),
  };
}
