/**
 * Risk cues in a live chat (issue 23): the victim's words are read for the DASH high-risk
 * indicators after delivery. Staff see each cue (never the victim), the record keeps it, and an
 * immediate danger written while waiting raises the chat's place at once, with the reason
 * recorded like a manual raise. A cue never lowers a priority or replaces an officer's reason.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Conversation } from "../../worker/rooms/conversation/conversation";
import type { Dispatcher } from "../../worker/rooms/dispatcher/dispatcher";
import { QUEUE_ROOM } from "../../worker/shared/protocol/dispatcher";
import type { DispatcherServerFrame, StartedConversation } from "../../worker/shared/protocol";
import { buildTranscript } from "../../worker/transcripts/document";
import { activeChat, connectOfficer, connectQueue, connectVictim, drainQueue, signedInOfficer, startConversation, type DispatcherSocket } from "./harness";

type QueueFrame = Extract<DispatcherServerFrame, { type: "queue" }>;

beforeEach(drainQueue);

async function onDutyQueue(): Promise<DispatcherSocket> {
  const officer = await signedInOfficer();
  const queue = await connectQueue(officer.cookie);
  await queue.next("me");
  return queue;
}

async function waitingVictim() {
  const started = await startConversation();
  const victim = await connectVictim(started);
  await victim.next("welcome");
  return { started, victim };
}

async function queueEvents(conversationId: string) {
  const rows = await env.DB.prepare("SELECT kind, officer_id, detail FROM queue_events WHERE conversation_id = ? AND kind = 'priority-raised' ORDER BY at, rowid")
    .bind(conversationId)
    .all<{ kind: string; officer_id: string | null; detail: string | null }>();
  return rows.results.map((row) => ({ officerId: row.officer_id, detail: JSON.parse(row.detail ?? "{}") as unknown }));
}

/** The queue as the Dispatcher holds it now, front first. */
function queueNow() {
  return runInDurableObject(env.Dispatcher.getByName(QUEUE_ROOM), (instance: Dispatcher) =>
    // @ts-expect-error -- the store is private; the test reads the truth the consoles are sent.
    (instance.store as { waiting(): { conversationId: string; priority: number; priorityReason: string | null }[] }).waiting(),
  );
}

function recordOf(started: StartedConversation) {
  return runInDurableObject(env.Conversation.getByName(started.conversationId), (instance: Conversation) => instance.store.entries());
}

describe("risk cues", () => {
  it("move a waiting victim who writes a threat to kill ahead of earlier chats, with the reason recorded", async () => {
    const queue = await onDutyQueue();
    const first = await waitingVictim();
    const second = await waitingVictim();
    const third = await waitingVictim();
    await queue.next("queue", (f: QueueFrame) => f.waiting.length === 3);

    third.victim.send({ type: "send", id: "threat-0001", text: "he has a knife and says he will kill me tonight" });
    await third.victim.next("ack");
    const raised = await queue.next("queue", (f: QueueFrame) => f.waiting[0]?.conversationId === third.started.conversationId);
    expect(raised.waiting.map((w) => w.conversationId)).toEqual([third, first, second].map((c) => c.started.conversationId));
    expect(raised.waiting[0]).toMatchObject({ priority: 1, priorityReason: "risk cue: threat to kill, weapon" });
    await expect.poll(() => queueEvents(third.started.conversationId)).toEqual([{ officerId: null, detail: { reason: "risk cue: threat to kill, weapon" } }]);
  });

  it("leave a waiting chat as it is when nothing in the words is an immediate danger", async () => {
    const queue = await onDutyQueue();
    const first = await waitingVictim();
    const second = await waitingVictim();
    await queue.next("queue", (f: QueueFrame) => f.waiting.length === 2);
    second.victim.send({ type: "send", id: "worse-0001", text: "It's getting worse and I'm pregnant" });
    await second.victim.next("ack");
    // The record shows the cues were read; the queue is as it was.
    await expect.poll(async () => (await recordOf(second.started)).filter((e) => e.kind === "risk-cue").length).toBe(2);
    expect(await queueEvents(second.started.conversationId)).toEqual([]);
    expect((await queueNow()).map((w) => [w.conversationId, w.priority])).toEqual([
      [first.started.conversationId, 0],
      [second.started.conversationId, 0],
    ]);
  });

  it("never replace an officer's raise or its reason", async () => {
    const queue = await onDutyQueue();
    const waiting = await waitingVictim();
    await queue.next("queue", (f: QueueFrame) => f.waiting.length === 1);
    queue.send({ type: "raise-priority", conversationId: waiting.started.conversationId, reason: "Caller said she is hiding" });
    await queue.next("queue", (f: QueueFrame) => f.waiting[0]?.priority === 1);
    waiting.victim.send({ type: "send", id: "threat-0002", text: "He said he would strangle me" });
    await waiting.victim.next("ack");
    await expect.poll(async () => (await recordOf(waiting.started)).some((e) => e.kind === "risk-cue")).toBe(true);
    expect((await queueNow())[0]).toMatchObject({ priority: 1, priorityReason: "Caller said she is hiding" });
    await expect.poll(() => queueEvents(waiting.started.conversationId)).toHaveLength(1);
    expect((await queueEvents(waiting.started.conversationId)).map((e) => e.detail)).toEqual([{ reason: "Caller said she is hiding" }]);
  });

  it("are shown to staff with the words that matched, never to the victim, and kept in the record", async () => {
    const { started, victim, chat, officer } = await activeChat();
    victim.send({ type: "send", id: "neck-0001", text: "Last week he put his hands round my neck" });
    const message = await victim.next("ack");
    const shown = await chat.next("risk-cues");
    expect(shown.cues).toEqual([
      expect.objectContaining({ seq: message.seq, indicator: "strangulation", question: "strangled", immediate: true, words: "hands round my neck", foundIn: "original" }),
    ]);
    // The officer's next frame after the victim's: the victim has had time to be sent the cue, and was not.
    victim.send({ type: "send", id: "neck-0002", text: "ok" });
    await chat.next("message", (f) => f.message.text === "ok");
    await expect(victim.next("risk-cues", () => true, 200)).rejects.toThrow(/no "risk-cues" frame/);

    const cue = (await recordOf(started)).find((e) => e.kind === "risk-cue");
    expect(cue).toMatchObject({ by: { role: "system" }, data: { seq: message.seq, indicator: "strangulation", words: "hands round my neck" } });
    const event = buildTranscript(await recordOf(started)).events.find((e) => e.kind === "risk-cue");
    expect(event?.summary).toContain('strangulation ("hands round my neck"');

    // A reconnecting officer is shown them again; a reconnecting victim never.
    const again = await connectOfficer(started.conversationId, officer.cookie);
    expect((await again.next("welcome")).riskCues).toEqual([expect.objectContaining({ indicator: "strangulation", seq: message.seq })]);
    const victimAgain = await connectVictim(started);
    expect((await victimAgain.next("welcome")).riskCues).toEqual([]);
  });

  it("leave out what the victim denies, and read only the victim's words", async () => {
    const { started, victim, chat } = await activeChat();
    victim.send({ type: "send", id: "deny-0001", text: "He has never choked me" });
    await chat.next("message", (f) => f.message.from === "victim");
    chat.send({ type: "send", id: "officer-0001", text: "Has he ever had a knife or threatened to kill you?" });
    await victim.next("message", (f) => f.message.from === "officer");
    await expect(chat.next("risk-cues", () => true, 300)).rejects.toThrow(/no "risk-cues" frame/);
    expect((await recordOf(started)).some((e) => e.kind === "risk-cue")).toBe(false);
  });
});
