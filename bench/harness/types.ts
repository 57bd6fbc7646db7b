/** Shapes shared by the bench runner (parent process) and the measuring child process. */

/** One unit of work a contender performs; the child calls `run` `ops` times, timing every `batch` calls. */
export interface Trial {
  run(): void;
  /** Bytes the contender's allocator holds once the run is over (W5), when it can tell. */
  heldBytes?(): number;
}

/** Parameters of one workload case, e.g. `{ n: 16, type: "f64" }`. */
export type CaseParams = Readonly<Record<string, number | string>>;

export interface CaseSpec {
  /** Row label in the tables, e.g. "n=16 f64". */
  readonly label: string;
  readonly params: CaseParams;
  /** Measured calls of `Trial.run`. */
  readonly ops: number;
  /** Calls per timed frame (ops / batch frames are timed individually, for percentiles). */
  readonly batch: number;
  /** Unmeasured calls first, so every contender runs optimised code. */
  readonly warmupOps: number;
  /** Frames slower than this many microseconds are counted (W4's 2.67 ms audio block budget). */
  readonly frameBudgetUs?: number;
  /** Contender ids that run this case; all of the workload's contenders when absent. */
  readonly contenders?: readonly string[];
}

/** Which compile of the bench sources a contender runs from. */
export type BuildId = "plain" | "transformed" | "esnext";

export interface ContenderSpec {
  /** Stable id used in tables and the child protocol. */
  readonly id: string;
  /** Implementation key inside the workload module (same source may run from several builds). */
  readonly impl: string;
  readonly build: BuildId;
  /** Runs on the on-demand Node 24 (native `using`) instead of the current node. */
  readonly node24?: boolean;
  /** Loads a package from bench/peers: unavailable (and skipped, with the reason) without it. */
  readonly needsPeers?: boolean;
}

export interface Workload {
  readonly id: string;
  readonly title: string;
  /** Id of the ratio baseline: the dyn floor (a preallocated buffer read from a mutable field). */
  readonly control: string;
  /** Ids whose every run must show 0 GCs (the floors, and any bar's reference), else INVALID. */
  readonly zeroGc: readonly string[];
  readonly contenders: readonly ContenderSpec[];
  cases(quick: boolean): CaseSpec[];
  makeTrial(impl: string, params: CaseParams): Promise<Trial>;
}

/** What the child reports for one run. */
export interface RunResult {
  readonly workload: string;
  readonly contender: string;
  readonly caseLabel: string;
  readonly ops: number;
  readonly totalMs: number;
  readonly nsPerOp: number;
  readonly gcCount: number;
  readonly gcPauseMs: number;
  /** V8-heap bytes allocated per op (GC profiler + heap deltas); external ArrayBuffer memory excluded. */
  readonly heapBytesPerOp: number;
  /** Per-frame times in microseconds (p50, p99, max) when the case is timed in frames. */
  readonly frameP50Us: number;
  readonly frameP99Us: number;
  readonly frameMaxUs: number;
  /** Frames over the workload's budget (W4's 2.67 ms block budget), else 0. */
  readonly framesOverBudget: number;
  readonly frames: number;
  readonly heldBytes: number | null;
  /** Sum the work wrote to the sink: identical across contenders, or the run did different work. */
  readonly checksum: number;
  readonly node: string;
}
