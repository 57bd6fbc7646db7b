/** Runs the pipeline and prints what a reader (and the integration test) can check by hand. */
import { getTaskLocalPool, poolStats } from "adaptive-array-pools";
import { sumOfSquares } from "./blocks.js";
import { pipeline } from "./steps.js";

const pool = getTaskLocalPool();

console.log(`pipeline(4) = ${pipeline(4)}`);
console.log(`pipeline(10) = ${pipeline(10)}`);
console.log(`sumOfSquares(3) = ${sumOfSquares(3)}`);
console.log(`sumOfSquares(0) = ${sumOfSquares(0)}`);
const { depth, activeBytes, types } = poolStats(pool);
console.log(
  `after: depth=${depth} activeBytes=${activeBytes} slots=${types.map((t) => `${t.type}:${t.slots}`).join(",")}`,
);
