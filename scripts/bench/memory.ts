/**
 * Memory per idle conversation. One fresh `wrangler dev --local`; a few conversations first
 * (so the code is loaded and an officer is on), left idle, and the resident memory (VmRSS) of
 * the server's workerd processes read as the baseline; then N more conversations, victim and
 * officer both connected, left idle, with the memory read every 5 s for 45 s.
 *
 * Does local workerd hibernate? It does: a Durable Object with no request in flight for 10 s
 * is shut down and its hibernatable WebSockets handed to workerd, which keeps them open and
 * starts the object again when a frame arrives (workerd's server.c++, ActorContainer
 * `handleShutdown`). The conversation's flush alarm (60 s after the chat was accepted) wakes it,
 * so the readings stop at 45 s. Two checks of it here: the memory over time, and the first
 * message after the idle time against the next one (a woken object starts again: constructor,
 * storage opened, partyserver's state read back), in the same conversations.
 *
 * RSS is what the operating system gives the process; V8 need not hand back freed heap at once,
 * so a drop shows hibernation, while no drop would not prove its absence.
 *
 *   npm run bench -- --only memory [--short]     --short: 20 conversations
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { exchange } from "./load.ts";
import { machine, machineLine, markdownTable, spread, writeBenchmarksSection, writeResults } from "./measure.ts";
import { rssKiB, workerdRole } from "./processes.ts";
import { quietline } from "./targets.ts";

const FULL = { warm: 10, conversations: 200, wakeSample: 50 };
const SHORT = { warm: 10, conversations: 20, wakeSample: 10 };
const READ_EVERY_MS = 5_000;
const READINGS = 9; // 0 to 40 s after the last conversation was set up
const IDLE_FOR_BASELINE_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (kib: number) => Math.round(kib / 102.4) / 10;

export async function memoryBenchmark(options: { short: boolean }): Promise<void> {
  const plan = options.short ? SHORT : FULL;
  const loadAverageBefore = Math.round(loadavg()[0]! * 10) / 10;
  const started = performance.now();
  const target = await quietline(plan.warm + plan.conversations);
  let result;
  try {
    await target.grow(plan.warm);
    await sleep(IDLE_FOR_BASELINE_MS);
    const pids = target.pids();
    const runtime = pids.filter((pid) => workerdRole(pid) === "runtime");
    // Three readings a second apart: the baseline is their median.
    const all: number[] = [];
    const ofRuntime: number[] = [];
    for (let i = 0; i < 3; i++) {
      all.push(rssKiB(pids));
      ofRuntime.push(rssKiB(runtime));
      await sleep(1_000);
    }
    const baselineKiB = spread(all).median;
    const runtimeBaselineKiB = spread(ofRuntime).median;

    await target.grow(plan.warm + plan.conversations);
    const timeline: { seconds: number; rssKiB: number; perConversationKiB: number; runtimePerConversationKiB: number }[] = [];
    for (let i = 0; i < READINGS; i++) {
      const rss = rssKiB(pids);
      timeline.push({
        seconds: (i * READ_EVERY_MS) / 1000,
        rssKiB: rss,
        perConversationKiB: Math.round((rss - baselineKiB) / plan.conversations),
        runtimePerConversationKiB: Math.round((rssKiB(runtime) - runtimeBaselineKiB) / plan.conversations),
      });
      if (i < READINGS - 1) await sleep(READ_EVERY_MS);
    }
    // One message each in some of the idle conversations (woken), then again at once (awake).
    const sample = target.pairs.slice(plan.warm, plan.warm + plan.wakeSample);
    const woken = await exchange(sample, { seconds: 1 });
    const awake = await exchange(sample, { seconds: 1 });
    result = { baselineKiB, timeline, woken: woken.victimToOfficer, awake: awake.victimToOfficer, processes: pids.length };
  } finally {
    await target.stop();
  }

  const tookSeconds = Math.round((performance.now() - started) / 1000);
  const first = result.timeline[0]!;
  const idle = result.timeline.slice(-3);
  const idlePerConversation = spread(idle.map((t) => t.perConversationKiB));
  const table = markdownTable(
    ["seconds since the last was set up", "workerd RSS MiB", "above the baseline MiB", "per conversation KiB", "of which the runtime's KiB"],
    result.timeline.map((t) => [t.seconds, mib(t.rssKiB), mib(t.rssKiB - result.baselineKiB), t.perConversationKiB, t.runtimePerConversationKiB]),
  );
  const summary =
    `${plan.conversations} idle conversations (victim and officer connected) above a baseline of ${mib(result.baselineKiB)} MiB ` +
    `(${result.processes} workerd processes, ${plan.warm} conversations already idle): **${idlePerConversation.median} KiB per conversation** ` +
    `once idle (median of the last three readings, ${idlePerConversation.min}–${idlePerConversation.max}), against ${first.perConversationKiB} KiB just after setting them up.\n\n` +
    `First message after the idle time (woken) against the next one (awake), victim → officer, in ${plan.wakeSample} of them: ` +
    `p50 ${result.woken.p50} ms against ${result.awake.p50} ms, max ${result.woken.max} ms against ${result.awake.max} ms.`;
  const m = machine();
  console.log(`\nMemory per idle conversation\n\n${summary}\n\n${table}\n`);
  const path = writeResults("memory", { at: new Date().toISOString(), short: options.short, machine: { ...m, loadAverageBefore }, plan, tookSeconds, ...result });
  console.log(`Written to ${path} (${tookSeconds} s)`);
  if (!options.short) {
    writeBenchmarksSection("memory", `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${tookSeconds} s. ${machineLine(m, loadAverageBefore)}\n\n${summary}\n\n${table}`);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
  await memoryBenchmark({ short: values.short });
}
