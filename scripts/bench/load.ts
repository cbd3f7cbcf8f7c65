/**
 * The load pattern every delivery figure comes from, the same for quietline and for the relay:
 * in each conversation the victim sends a message every second (each conversation at its own
 * random phase within the second) and the officer answers each one as soon as it arrives.
 *
 * Timed on one clock (this process): victim → officer (send to the officer's socket receiving
 * it), officer → victim (the answer's send to its arrival), the round trip (the victim's send to
 * the answer's arrival) and the acknowledgement (send to the sender's ack). Every message is
 * counted at its recipient: after the run stops sending, it waits for every message to arrive
 * and be acknowledged, then counts the lost (never arrived), duplicated (arrived twice), out of
 * order (a seq not above the last one that socket saw), unacknowledged, and error frames.
 */
import { randomBytes } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Frame, Socket } from "./clients.ts";
import { percentiles, type Percentiles } from "./measure.ts";

export interface Pair {
  victim: Socket;
  officer: Socket;
}

export interface RunResult {
  conversations: number;
  seconds: number;
  sent: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  unacknowledged: number;
  errors: number;
  closed: number;
  victimToOfficer: Percentiles;
  officerToVictim: Percentiles;
  roundTrip: Percentiles;
  ack: Percentiles;
  /** How late this process's own event loop ran (p99, ms): a busy load generator inflates every figure. */
  clientLoopDelayP99Ms: number;
}

interface Sent {
  at: number;
  deliveries: number;
  acks: number;
  /** For an officer's answer: the victim's message it answers. */
  answers?: Sent;
}

interface ChatMessageFrame {
  id: string;
  seq: number;
  from: string;
}

const TEXT = "He has gone out but he will be back soon. I am in the kitchen and I can talk for now.";

/**
 * Runs the pattern over `pairs` for `seconds`, then waits for everything sent to arrive and be
 * acknowledged: for as long as something still arrives every `stallMs`, since a server past its
 * capacity delivers late, not never. What has not arrived when it stalls is lost.
 */
export async function exchange(pairs: Pair[], options: { seconds: number; stallMs?: number }): Promise<RunResult> {
  const run = randomBytes(4).toString("hex");
  const sent = new Map<string, Sent>();
  const samples = { victimToOfficer: [] as number[], officerToVictim: [] as number[], roundTrip: [] as number[], ack: [] as number[] };
  let errors = 0;
  let outOfOrder = 0;
  let progressAt = performance.now();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  const listen = (socket: Socket, role: "victim" | "officer", onArrival: (message: ChatMessageFrame, record: Sent) => void) => {
    let lastSeq = 0;
    socket.onFrame = (frame: Frame) => {
      const now = (progressAt = performance.now());
      if (frame.type === "message") {
        const message = frame.message as ChatMessageFrame;
        if (message.seq <= lastSeq) outOfOrder++;
        lastSeq = Math.max(lastSeq, message.seq);
        const record = message.from !== role ? sent.get(message.id) : undefined;
        if (!record) return; // the sender's own copy (quietline tells both sides), or another run's
        record.deliveries++;
        if (record.deliveries === 1) onArrival(message, record);
      } else if (frame.type === "ack") {
        const record = sent.get(frame.id as string);
        if (!record) return;
        record.acks++;
        if (record.acks === 1 && role === "victim") samples.ack.push(now - record.at);
      } else if (frame.type === "error") {
        errors++;
      }
    };
  };

  pairs.forEach(({ victim, officer }) => {
    listen(officer, "officer", (message, record) => {
      samples.victimToOfficer.push(performance.now() - record.at);
      const id = `${message.id.slice(0, -1)}o`;
      sent.set(id, { at: performance.now(), deliveries: 0, acks: 0, answers: record });
      officer.send({ type: "send", id, text: `I hear you. ${TEXT.length} characters received.` });
    });
    listen(victim, "victim", (_message, record) => {
      const now = performance.now();
      samples.officerToVictim.push(now - record.at);
      if (record.answers) samples.roundTrip.push(now - record.answers.at);
    });
  });

  // Each conversation at its own phase, so the load is spread over the second as people's would be.
  const timers: NodeJS.Timeout[] = [];
  const stopAt = performance.now() + options.seconds * 1000;
  pairs.forEach(({ victim }, index) => {
    let n = 0;
    const tick = () => {
      if (performance.now() >= stopAt) return;
      const id = `${run}-${index}-${n++}-v`;
      sent.set(id, { at: performance.now(), deliveries: 0, acks: 0 });
      victim.send({ type: "send", id, text: TEXT });
    };
    timers.push(
      setTimeout(() => {
        tick();
        timers.push(setInterval(tick, 1000));
      }, Math.random() * 1000),
    );
  });
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000 + 50));
  for (const timer of timers) clearTimeout(timer);

  const settled = () => [...sent.values()].every((s) => s.deliveries > 0 && s.acks > 0);
  while (!settled() && performance.now() - progressAt < (options.stallMs ?? 10_000)) await new Promise((resolve) => setTimeout(resolve, 50));
  // A duplicate would come straight after the original: give it a moment to show.
  await new Promise((resolve) => setTimeout(resolve, 200));
  loopDelay.disable();
  for (const { victim, officer } of pairs) victim.onFrame = officer.onFrame = () => {};

  const records = [...sent.values()];
  return {
    conversations: pairs.length,
    seconds: options.seconds,
    sent: records.length,
    lost: records.filter((s) => s.deliveries === 0).length,
    duplicated: records.filter((s) => s.deliveries > 1 || s.acks > 1).length,
    outOfOrder,
    unacknowledged: records.filter((s) => s.acks === 0).length,
    errors,
    closed: pairs.filter(({ victim, officer }) => victim.closed || officer.closed).length,
    victimToOfficer: percentiles(samples.victimToOfficer),
    officerToVictim: percentiles(samples.officerToVictim),
    roundTrip: percentiles(samples.roundTrip),
    ack: percentiles(samples.ack),
    clientLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10,
  };
}

/** What went wrong in a run, in words; empty when every message arrived once, in order. */
export function problems(result: RunResult): string[] {
  const found: string[] = [];
  if (result.lost) found.push(`${result.lost} of ${result.sent} messages lost`);
  if (result.duplicated) found.push(`${result.duplicated} duplicated`);
  if (result.outOfOrder) found.push(`${result.outOfOrder} out of order`);
  if (result.unacknowledged) found.push(`${result.unacknowledged} never acknowledged`);
  if (result.errors) found.push(`${result.errors} error frames`);
  if (result.closed) found.push(`${result.closed} conversations lost a socket`);
  return found;
}
