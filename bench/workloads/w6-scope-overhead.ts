/**
 * W6: scope overhead alone. One call site calls sixteen different pooled functions in turn, each
 * taking arguments and acquiring one small array, in each scope form: transformed marker, runtime
 * closure fallback, `using` (downlevelled and native), hand-written checkpoint/try/finally, and the
 * two floors: the same functions on a preallocated scratch array (constant or in a mutable field)
 * and no scope.
 */
import type { CaseSpec, CaseParams, Trial, Workload } from "../harness/types.js";
import {
  AAP_MARKER,
  AAP_TRY_FINALLY,
  AAP_USING,
  FLOORS,
  LIBRARY,
  PREALLOC_CONST,
  PREALLOC_DYN,
  unknownImpl,
} from "../contenders/contender-list.js";
import {
  BARE_FUNCTIONS,
  DYN_FUNCTIONS,
  MARKER_FUNCTIONS,
  TRY_FINALLY_FUNCTIONS,
  USING_FUNCTIONS,
} from "./w6-functions.js";
import type { ScopedFunction } from "./w6-functions.js";
import { sink } from "./sink.js";

const TABLES: Readonly<Record<string, readonly ScopedFunction[]>> = {
  [PREALLOC_CONST]: BARE_FUNCTIONS,
  [PREALLOC_DYN]: DYN_FUNCTIONS,
  [AAP_TRY_FINALLY]: TRY_FINALLY_FUNCTIONS,
  [AAP_MARKER]: MARKER_FUNCTIONS,
  [AAP_USING]: USING_FUNCTIONS,
};

async function makeTrial(impl: string, _params: CaseParams): Promise<Trial> {
  const functions = TABLES[impl];
  if (functions === undefined) throw unknownImpl("W6", impl);
  const count = functions.length;
  let i = 0;
  return {
    run: () => {
      // The one call site of the workload: it sees every function of the table.
      functions[i % count]!(i, sink);
      i = (i + 1) & 1023;
    },
  };
}

function w6Cases(quick: boolean): CaseSpec[] {
  const ops = quick ? 1_000_000 : 4_000_000;
  return [{ label: "16 functions, 1 site", params: {}, ops, batch: ops, warmupOps: ops / 4 }];
}

export const w6: Workload = {
  id: "W6",
  title: "scope overhead: one call site, 16 different pooled functions with arguments (ns/call)",
  control: PREALLOC_DYN,
  zeroGc: [PREALLOC_CONST, PREALLOC_DYN],
  contenders: [...FLOORS, ...LIBRARY],
  cases: w6Cases,
  makeTrial,
};
