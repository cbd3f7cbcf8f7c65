/**
 * Ending a chat: how long after the victim presses "End chat" each side sees that it has ended.
 * One fresh `wrangler dev --local` (targets.ts); chats are started, accepted and joined through
 * the real protocol, then filled: short chats (10 messages) and long ones (200), the two sides
 * taking turns, paced under the per-side message limit (MESSAGE_LIMIT: 30 in 10 s) and each
 * message acknowledged before the chat is ended; five chats are filled at a time. Then, one chat at a time with a pause between,
 * the victim sends `end` and the time until each socket receives the `ended` frame is taken, on
 * the load generator's clock: the victim's, the officer's, and both (the later of the two).
 *
 * Issue 20's target: both sides see "ended" within 50 ms (p99). Reported, not enforced.
 *
 *   npm run bench -- --only end [--short]    --short: 4 short chats and 1 of 40 messages
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { inBatches, type Frame, type Socket } from "./clients.ts";
import type { Pair } from "./load.ts";
import { machine, machineLine, markdownTable, percentiles, writeBenchmarksSection, writeResults, type Percentiles } from "./measure.ts";
import { quietline } from "./targets.ts";

const FULL = { chats: [{ messages: 10, count: 20 }, { messages: 200, count: 10 }], pauseMs: 500 };
const SHORT = { chats: [{ messages: 10, count: 4 }, { messages: 40, count: 1 }], pauseMs: 300 };
export const END_P99_TARGET_MS = 50;
/** One message per side this often stays under MESSAGE_LIMIT (30 per 10 s per side). */
const PACE_MS = 350;
/** Chats filled at once. */
const FILL_CONCURRENCY = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The two sides take turns until `messages` are sent; resolves once every one is acknowledged. */
async function fill(pair: Pair, chat: number, messages: number): Promise<void> {
  const pending = new Set<string>();
  const errors: Frame[] = [];
  let settled: () => void = () => {};
  const done = new Promise<void>((resolve) => (settled = resolve));
  const listen = (socket: Socket) => {
    socket.onFrame = (frame) => {
      if (frame.type === "ack") pending.delete(frame.id as string);
      if (frame.type === "error") errors.push(frame);
      if (pending.size === 0) settled();
    };
  };
  listen(pair.victim);
  listen(pair.officer);
  for (let i = 0; i < messages; i++) {
    const socket = i % 2 === 0 ? pair.victim : pair.officer;
    const id = `end-${chat}-${i}-${i % 2 === 0 ? "v" : "o"}`;
    pending.add(id);
    socket.send({ type: "send", id, text: `Message ${i + 1} of ${messages}: I am still here, and I can talk for now.` });
    if (i % 2 === 1) await sleep(PACE_MS);
  }
  await Promise.race([done, sleep(60_000)]);
  pair.victim.onFrame = pair.officer.onFrame = null;
  if (errors.length || pending.size) throw new Error(`chat ${chat}: ${pending.size} messages not acknowledged, errors: ${JSON.stringify(errors)}`);
}

interface Ending {
  messages: number;
  victimMs: number;
  officerMs: number;
  bothMs: number;
}

/** The victim ends the chat; resolves with when each side received "ended". */
async function end(pair: Pair, messages: number): Promise<Ending> {
  const seen: { victim?: number; officer?: number } = {};
  let settled: () => void = () => {};
  const done = new Promise<void>((resolve) => (settled = resolve));
  const listen = (socket: Socket, side: "victim" | "officer") => {
    socket.onFrame = (frame) => {
      if (frame.type !== "ended" || seen[side] !== undefined) return;
      seen[side] = performance.now();
      if (seen.victim !== undefined && seen.officer !== undefined) settled();
    };
  };
  listen(pair.victim, "victim");
  listen(pair.officer, "officer");
  const at = performance.now();
  pair.victim.send({ type: "end" });
  await Promise.race([done, sleep(30_000)]);
  if (seen.victim === undefined || seen.officer === undefined) throw new Error(`"ended" not seen by ${seen.victim === undefined ? "the victim" : "the officer"} within 30 s`);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { messages, victimMs: round(seen.victim - at), officerMs: round(seen.officer - at), bothMs: round(Math.max(seen.victim, seen.officer) - at) };
}

export async function endBenchmark(options: { short: boolean }): Promise<void> {
  const plan = options.short ? SHORT : FULL;
  const loadAverageBefore = Math.round(loadavg()[0]! * 10) / 10;
  const started = performance.now();
  const lengths = plan.chats.flatMap(({ messages, count }) => Array.from({ length: count }, () => messages));
  const target = await quietline(lengths.length);
  const endings: Ending[] = [];
  try {
    await target.grow(lengths.length);
    console.log(`${lengths.length} chats started and accepted; filling them (${plan.chats.map((c) => `${c.count} of ${c.messages} messages`).join(", ")})`);
    // A few at a time: all 30 at once is a load test of its own (and quietline falls behind it on 2 cores).
    await inBatches(target.pairs, FILL_CONCURRENCY, (pair, i) => fill(pair, i, lengths[i]!));
    for (const [i, pair] of target.pairs.entries()) {
      await sleep(plan.pauseMs);
      const ending = await end(pair, lengths[i]!);
      endings.push(ending);
      console.log(`end × ${ending.messages} messages: victim ${ending.victimMs} ms, officer ${ending.officerMs} ms`);
    }
  } finally {
    await target.stop();
  }
  const tookSeconds = Math.round((performance.now() - started) / 1000);
  const groups: [string, Ending[]][] = [
    ...plan.chats.map(({ messages }): [string, Ending[]] => [`${messages} messages`, endings.filter((e) => e.messages === messages)]),
    ["all", endings],
  ];
  const cell = (p: Percentiles) => `${p.p50} / ${p.p99} / ${p.max}`;
  const table = markdownTable(
    ["chats", "count", "victim sees \"ended\", ms p50 / p99 / max", "officer, ms p50 / p99 / max", "both, ms p50 / p99 / max", `target: both p99 ≤ ${END_P99_TARGET_MS} ms`],
    groups.map(([label, group]) => {
      const both = percentiles(group.map((e) => e.bothMs));
      return [
        label,
        group.length,
        cell(percentiles(group.map((e) => e.victimMs))),
        cell(percentiles(group.map((e) => e.officerMs))),
        cell(both),
        both.p99 <= END_P99_TARGET_MS ? "pass" : "**FAIL**",
      ];
    }),
  );
  const m = machine();
  console.log(`\nEnd → "ended" on both sides (nearest-rank percentiles over the chats)\n\n${table}\n`);
  const path = writeResults("end", { at: new Date().toISOString(), short: options.short, machine: { ...m, loadAverageBefore }, plan, tookSeconds, endings });
  console.log(`Written to ${path} (${tookSeconds} s)`);
  if (!options.short) {
    writeBenchmarksSection(
      "end",
      `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${tookSeconds} s. ${machineLine(m, loadAverageBefore)}\n` +
        `Nearest-rank percentiles over the chats (with ${lengths.length} chats the p99 is the slowest).\n\n${table}`,
    );
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
  await endBenchmark({ short: values.short });
}
