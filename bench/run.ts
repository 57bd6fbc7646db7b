/**
 * `npm run bench` / `npm run bench:quick`: prepare the builds, run W1-W6 in fresh processes, W7's
 * compiler timings, then write bench/results/latest.{md,svg,json} (quick runs write to
 * bench/.work/quick/ instead, so they never overwrite the committed full run).
 *
 * Flags: --quick, --rounds <n> (default 5, quick 2; W7 quick 1), --only W1,W3 (subset; W7 is "W7").
 * Before anything runs, bench/peers (the peer pools and vega) is installed if missing or stale.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { prepareBuilds } from "./harness/builds.js";
import { installPeers } from "./harness/peers.js";
import { repoRoot } from "./harness/repo-root.js";
import type { CaseSummary } from "./harness/aggregate.js";
import { environmentLine } from "./harness/environment.js";
import { runWorkload } from "./harness/runner.js";
import { loadWorkload, WORKLOAD_LOADERS } from "./workloads/registry.js";
import { measureBuildCost } from "./build-cost/w7-build-cost.js";
import type { BuildCostResult } from "./build-cost/w7-build-cost.js";
import { checkBars } from "./report/bars.js";
import { renderChart } from "./report/chart.js";
import { renderMarkdown } from "./report/markdown.js";

interface Args {
  readonly quick: boolean;
  readonly rounds: number;
  readonly only: readonly string[] | null;
}

function defaultRounds(quick: boolean): number {
  return quick ? 2 : 5;
}

/** The command line that reproduces this run, flags included (the report quotes it). */
function commandOf(args: Args): string {
  const flags = [
    ...(args.rounds === defaultRounds(args.quick) ? [] : ["--rounds", String(args.rounds)]),
    ...(args.only === null ? [] : ["--only", args.only.join(",")]),
  ];
  const script = args.quick ? "bench:quick" : "bench";
  return `npm run ${script}${flags.length === 0 ? "" : ` -- ${flags.join(" ")}`}`;
}

function parseArgs(argv: readonly string[]): Args {
  const quick = argv.includes("--quick");
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const rounds = Number(value("--rounds") ?? defaultRounds(quick));
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new RangeError(`--rounds must be a positive integer`);
  const only =
    value("--only")
      ?.split(",")
      .map((s) => s.trim().toUpperCase()) ?? null;
  return { quick, rounds, only };
}

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg();
  const root = repoRoot();
  log("preparing builds (plain, transformed with tspc, ESNext + Node 24)");
  const builds = prepareBuilds();
  const buildNotes = [...builds.values()].map((b) =>
    b.unavailable === undefined
      ? `build ${b.id}: ok, runs on Node ${b.nodeVersion}`
      : `build ${b.id}: unavailable: ${b.unavailable}`,
  );
  const peersUnavailable = installPeers(log);
  buildNotes.push(
    peersUnavailable === undefined
      ? "peers (bench/peers): installed"
      : `peers (bench/peers): unavailable: ${peersUnavailable}`,
  );
  buildNotes.forEach(log);
  const wanted = (id: string): boolean => args.only === null || args.only.includes(id);
  const cases: CaseSummary[] = [];
  const titles = new Map<string, string>();
  for (const id of Object.keys(WORKLOAD_LOADERS).filter(wanted)) {
    const workload = await loadWorkload(id);
    titles.set(id, workload.title);
    const options = { rounds: args.rounds, quick: args.quick, builds, peersUnavailable, log };
    cases.push(...runWorkload(workload, options));
  }
  let buildCost: BuildCostResult | null = null;
  if (wanted("W7")) {
    log("W7: timing tsc, tspc and tspc + plugin on the generated projects");
    buildCost = measureBuildCost(root, 300, args.quick ? 1 : args.rounds);
  }
  const esnext = builds.get("esnext");
  const environment = environmentLine(
    args.rounds,
    args.quick,
    esnext?.unavailable === undefined
      ? `Node ${esnext?.nodeVersion} (npm node package)`
      : undefined,
    loadAtStart,
  );
  const command = commandOf(args);
  const bars = checkBars(cases, buildCost);
  const minutes = (performance.now() - started) / 60000;
  const outDir = args.quick
    ? join(root, "bench", ".work", "quick")
    : join(root, "bench", "results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, "latest.md"),
    renderMarkdown({
      environment,
      command,
      startedAt,
      minutes,
      titles,
      cases,
      buildCost,
      bars,
      buildNotes,
    }),
  );
  if (peersUnavailable === undefined)
    writeFileSync(join(outDir, "latest.svg"), await renderChart(cases, environment));
  else log(`no chart: vega is in bench/peers, which is unavailable`);
  writeFileSync(
    join(outDir, "latest.json"),
    `${JSON.stringify({ environment, command, startedAt, bars, cases: cases.map(serialisable), buildCost }, null, 1)}\n`,
  );
  log(`wrote ${join(outDir, "latest.md")} (${minutes.toFixed(1)} min)`);
  for (const bar of bars) log(`${bar.verdict.padEnd(11)} ${bar.bar}: ${bar.measured}`);
}

/** Maps do not survive JSON.stringify. */
function serialisable(c: CaseSummary): object {
  return { ...c, unavailable: Object.fromEntries(c.unavailable) };
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
