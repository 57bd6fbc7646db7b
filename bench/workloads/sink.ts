/**
 * Where every workload leaves its result, so the optimiser cannot drop the work. A preallocated
 * Float64Array rather than a returned or accumulated number: a double returned from a non-inlined
 * function, or kept in a closure variable, is boxed in a fresh HeapNumber, which would allocate in
 * every contender (the control included).
 */
export const sink = new Float64Array(1);
