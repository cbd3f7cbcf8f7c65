/**
 * How many conversations one local server holds at a message a second each before delivery's
 * p99 passes 100 ms. One fresh `wrangler dev --local`; conversations are added step by step
 * (25, 50, 75, 100, 150, 200, 300, 500), each step a 2 s warm-up and then timed runs of the
 * delivery pattern (load.ts); a step holds when the median across runs of the p99 of both
 * one-way paths is 100 ms or less, and nothing is lost, duplicated or out of order. The search
 * stops at the first step that does not hold, or when its time is up.
 *
 * The same search then runs on floor A (floor-a/worker.ts: the same platform doing only the
 * relay's work), each with its own time budget, and issue 20's target (held ≥ 0.8 × floor A's)
 * is reported, pass or fail.
 *
 * The load generator (this process) shares the machine with the server: on a small machine it
 * takes CPU the server would otherwise have, so the figure is a floor for that machine.
 *
 *   npm run bench -- --only capacity [--short]    --short: 10 and 20 conversations, one run each
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { measuredRun, type Measured } from "./delivery.ts";
import { atLeast, CAPACITY_TIMES_FLOOR_A, targetsTable } from "./floor-targets.ts";
import { exchange, problems } from "./load.ts";
import { formatSpread, machine, machineLine, markdownTable, spread, writeBenchmarksSection, writeResults } from "./measure.ts";
import { floorA, quietline, type Target } from "./targets.ts";

const FULL = { steps: [25, 50, 75, 100, 150, 200, 300, 500], runs: 3, seconds: 10, budgetSeconds: 360 };
const SHORT = { steps: [10, 20], runs: 1, seconds: 5, budgetSeconds: 60 };
export const P99_LIMIT_MS = 100;

interface Step {
  conversations: number;
  runs: Measured[];
  p99: number;
  holds: boolean;
}

interface Search {
  system: Target["name"];
  steps: Step[];
  /** The most conversations that held (0: not even the first step). */
  held: number;
  verdict: string;
}

/** Adds conversations step by step on a fresh server until a step does not hold or the time is up. */
async function search(start: () => Promise<Target>, plan: typeof FULL): Promise<Search> {
  const started = performance.now();
  const target = await start();
  const steps: Step[] = [];
  try {
    for (const conversations of plan.steps) {
      await target.grow(conversations);
      await exchange(target.pairs, { seconds: 2 });
      const runs: Measured[] = [];
      for (let i = 0; i < plan.runs; i++) {
        const run = await measuredRun(target, plan.seconds);
        runs.push(run);
        console.log(
          `capacity, ${target.name} × ${conversations}: run ${i + 1}, p99 ${run.victimToOfficer.p99} / ${run.officerToVictim.p99} ms, server CPU ${run.serverCpuPercent}%`,
        );
        if (run.victimToOfficer.p99 > 10 * P99_LIMIT_MS) break; // far past it: more runs would only queue
      }
      const p99 = spread(runs.map((r) => Math.max(r.victimToOfficer.p99, r.officerToVictim.p99))).median;
      const holds = p99 <= P99_LIMIT_MS && runs.every((r) => problems(r).length === 0);
      steps.push({ conversations, runs, p99, holds });
      if (!holds || (performance.now() - started) / 1000 > plan.budgetSeconds) break;
    }
  } finally {
    await target.stop();
  }
  const held = steps.filter((s) => s.holds).at(-1);
  const failed = steps.find((s) => !s.holds);
  const verdict = !held
    ? `Not even ${steps[0]?.conversations} conversations held (p99 ${steps[0]?.p99} ms).`
    : failed
      ? `**${held.conversations} conversations** held (p99 ${held.p99} ms); at ${failed.conversations} the p99 was ${failed.p99} ms.`
      : `**${held.conversations} conversations** held (p99 ${held.p99} ms), the most tried: ${steps.length < plan.steps.length ? "the time ran out" : "no steps were left"}.`;
  return { system: target.name, steps, held: held?.conversations ?? 0, verdict };
}

export async function capacityBenchmark(options: { short: boolean }): Promise<void> {
  const plan = options.short ? SHORT : FULL;
  const loadAverageBefore = Math.round(loadavg()[0]! * 10) / 10;
  const started = performance.now();
  // The same search on quietline and on floor A, one after the other, each with its own time budget.
  const searches: Search[] = [];
  for (const start of [() => quietline(Math.max(...plan.steps)), floorA]) searches.push(await search(start, plan));
  const tookSeconds = Math.round((performance.now() - started) / 1000);
  const table = markdownTable(
    ["server", "conversations", "runs", "p99 ms (worse path)", "victim → officer p50 ms", "victim → officer p99 ms", "officer → victim p99 ms", "server CPU (% of a core)", "lost / duplicated", "holds"],
    searches.flatMap(({ system, steps }) =>
      steps.map((s) => {
        const across = (pick: (r: Measured) => number) => formatSpread(spread(s.runs.map(pick)));
        return [
          system,
          s.conversations,
          s.runs.length,
          s.p99,
          across((r) => r.victimToOfficer.p50),
          across((r) => r.victimToOfficer.p99),
          across((r) => r.officerToVictim.p99),
          across((r) => r.serverCpuPercent),
          `${s.runs.reduce((n, r) => n + r.lost, 0)} / ${s.runs.reduce((n, r) => n + r.duplicated, 0)}`,
          s.holds ? "yes" : "no",
        ];
      }),
    ),
  );
  const [q, f] = searches as [Search, Search];
  const checks = [atLeast(`conversations held before p99 > ${P99_LIMIT_MS} ms`, "", q.held, f.held, CAPACITY_TIMES_FLOOR_A)];
  const targets = targetsTable(checks);
  const verdicts = searches.map((s) => `${s.system}: ${s.verdict}`).join("\n");
  const m = machine();
  console.log(
    `\nCapacity at a message a second per conversation (p99 limit ${P99_LIMIT_MS} ms):\n\n${verdicts}\n\n${table}\n\n` +
      `Issue 20's target against floor A (reported, not enforced)\n\n${targets}\n`,
  );
  const path = writeResults("capacity", {
    at: new Date().toISOString(),
    short: options.short,
    machine: { ...m, loadAverageBefore },
    plan,
    tookSeconds,
    held: q.held,
    floorAHeld: f.held,
    searches,
    targets: checks,
  });
  console.log(`Written to ${path} (${tookSeconds} s)`);
  if (!options.short) {
    writeBenchmarksSection(
      "capacity",
      `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${tookSeconds} s. ${machineLine(m, loadAverageBefore)}\n\n` +
        `${verdicts.replaceAll("\n", "\n\n")}\n\n${table}\n\nIssue 20's target against floor A, from this run:\n\n${targets}`,
    );
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
  await capacityBenchmark({ short: values.short });
}
