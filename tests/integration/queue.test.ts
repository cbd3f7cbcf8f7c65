import { abortAllDurableObjects, evictDurableObject, runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueSettings } from "../../worker/config";
import { advanceTime, restoreClock } from "./clock";
import type { DispatcherServerFrame } from "../../worker/shared/protocol";
import { QUEUE_ROOM } from "../../worker/shared/protocol/dispatcher";
import {
  connectOfficer,
  connectQueue,
  connectVictim,
  drainQueue,
  signedInOfficer,
  startConversation,
  upgrade,
  type DispatcherSocket,
} from "./harness";

type QueueFrame = Extract<DispatcherServerFrame, { type: "queue" }>;
const dispatcher = () => env.Dispatcher.getByName(QUEUE_ROOM);
const { officerGraceMs } = queueSettings(env);

afterEach(restoreClock);

/** The queue as a list of conversation ids, front first, once it satisfies `until`. */
async function queueOrder(socket: DispatcherSocket, until: (ids: string[]) => boolean = () => true) {
  const frame = await socket.next("queue", (f: QueueFrame) => until(f.waiting.map((w) => w.conversationId)));
  return frame.waiting.map((w) => w.conversationId);
}

async function onDutyOfficer(role: "officer" | "supervisor" = "officer") {
  const officer = await signedInOfficer(role);
  const queue = await connectQueue(officer.cookie);
  await queue.next("me");
  return { ...officer, queue };
}

async function acceptNext(queue: DispatcherSocket) {
  queue.send({ type: "accept" });
  const answer = await queue.nextOf(["assigned", "error"]);
  return answer.type === "assigned"
    ? { ok: true as const, conversationId: answer.conversationId }
    : { ok: false as const, code: answer.code, message: answer.message };
}

async function events(conversationId: string) {
  const rows = await env.DB.prepare("SELECT kind, officer_id, detail FROM queue_events WHERE conversation_id = ? ORDER BY at, rowid")
    .bind(conversationId)
    .all<{ kind: string; officer_id: string | null; detail: string | null }>();
  return rows.results;
}

beforeEach(drainQueue);

describe("queue order", () => {
  it("is first come, first served within priority, and a raised priority goes first with its reason recorded", async () => {
    const officer = await onDutyOfficer();
    const a = await startConversation();
    const b = await startConversation();
    const c = await startConversation();
    expect(await queueOrder(officer.queue, (ids) => ids.length === 3)).toEqual([a, b, c].map((x) => x.conversationId));

    officer.queue.send({ type: "raise-priority", conversationId: c.conversationId, reason: "Victim mentioned a weapon" });
    expect(await queueOrder(officer.queue, (ids) => ids[0] === c.conversationId)).toEqual(
      [c, a, b].map((x) => x.conversationId),
    );

    expect(await acceptNext(officer.queue)).toEqual({ ok: true, conversationId: c.conversationId });
    expect(await acceptNext(officer.queue)).toEqual({ ok: true, conversationId: a.conversationId });
    const raised = (await events(c.conversationId)).find((e) => e.kind === "priority-raised");
    expect(JSON.parse(raised?.detail ?? "{}")).toEqual({ reason: "Victim mentioned a weapon" });
    expect(raised?.officer_id).toBe(officer.id);
  });

  it("refuses a raise without a reason", async () => {
    const officer = await onDutyOfficer();
    const a = await startConversation();
    officer.queue.send({ type: "raise-priority", conversationId: a.conversationId, reason: "  " });
    expect(await officer.queue.next("error")).toMatchObject({ code: "bad-frame", message: "Give a reason." });
  });
});

describe("officer status and capacity", () => {
  it("never gives an officer more chats than their capacity, until a supervisor raises it", async () => {
    const officer = await onDutyOfficer();
    const supervisor = await onDutyOfficer("supervisor");
    for (let i = 0; i < 4; i++) await startConversation();
    for (let i = 0; i < 3; i++) expect((await acceptNext(officer.queue)).ok).toBe(true);
    expect(await acceptNext(officer.queue)).toMatchObject({ ok: false, code: "at-capacity" });

    supervisor.queue.send({ type: "set-capacity", officerId: officer.id, capacity: 4 });
    await officer.queue.next("me", (f) => f.capacity === 4);
    expect((await acceptNext(officer.queue)).ok).toBe(true);
  });

  it("gives no chats to an officer who is busy or away, and lets officers set their own status only", async () => {
    const officer = await onDutyOfficer();
    await startConversation();
    officer.queue.send({ type: "set-status", status: "away" });
    await officer.queue.next("me", (f) => f.status === "away");
    expect(await acceptNext(officer.queue)).toMatchObject({ ok: false, code: "unavailable" });
    officer.queue.send({ type: "set-capacity", officerId: officer.id, capacity: 9 });
    expect(await officer.queue.next("error")).toMatchObject({ code: "not-allowed" });
  });
});

describe("an officer who leaves", () => {
  it("has their chats returned to the front of the queue after the grace period, and the victim told", async () => {
    const earlier = await startConversation();
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    const leaving = await onDutyOfficer();
    leaving.queue.send({ type: "accept", conversationId: started.conversationId });
    await leaving.queue.next("assigned");
    await victim.next("status", (f) => f.status === "active");

    const colleague = await onDutyOfficer();
    leaving.queue.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Nothing changes until the grace period's alarm.
    expect(await queueOrder(colleague.queue)).toEqual([earlier.conversationId]);
    advanceTime(officerGraceMs);
    await runDurableObjectAlarm(dispatcher());

    expect(await victim.next("notice")).toEqual({ type: "notice", notice: "returned-to-queue" });
    await victim.next("status", (f) => f.status === "waiting");
    expect(await queueOrder(colleague.queue, (ids) => ids.length === 2)).toEqual([
      started.conversationId,
      earlier.conversationId,
    ]);
    expect((await events(started.conversationId)).map((e) => e.kind)).toContain("returned");
  });

  it("keeps their chats if they come back within the grace period", async () => {
    const started = await startConversation();
    const officer = await onDutyOfficer();
    officer.queue.send({ type: "accept", conversationId: started.conversationId });
    await officer.queue.next("assigned");
    officer.queue.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const back = await connectQueue(officer.cookie);
    expect(await back.next("me")).toMatchObject({ conversations: [started.conversationId] });
    // When the grace period would have ended, nothing is returned.
    advanceTime(officerGraceMs);
    await runDurableObjectAlarm(dispatcher());
    const welcome = await (await connectOfficer(started.conversationId, officer.cookie)).next("welcome");
    expect(welcome.status).toBe("active");
  });
});

describe("transfer", () => {
  it("hands a chat to a named colleague with a note, keeping the whole history", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    const first = await onDutyOfficer();
    const second = await onDutyOfficer();
    first.queue.send({ type: "accept", conversationId: started.conversationId });
    await first.queue.next("assigned");
    const firstChat = await connectOfficer(started.conversationId, first.cookie);
    await firstChat.next("welcome");
    victim.send({ type: "send", id: "before-transfer-1", text: "He has my phone sometimes" });
    await firstChat.next("message");
    firstChat.send({ type: "send", id: "officer-one-reply", text: "Understood" });
    await victim.next("message", (f) => f.message.from === "officer");

    first.queue.send({ type: "transfer", conversationId: started.conversationId, to: second.id, note: "Speaks little English; DASH started" });
    expect(await second.queue.next("assigned")).toEqual({ type: "assigned", conversationId: started.conversationId });
    expect(await first.queue.next("unassigned")).toMatchObject({ conversationId: started.conversationId, reason: "transferred" });
    expect(await victim.next("notice")).toEqual({ type: "notice", notice: "officer-changed" });
    expect(await firstChat.closedWith()).toBe(4003);
    expect((await upgrade(`/parties/conversation/${started.conversationId}`, { Cookie: first.cookie })).status).toBe(403);

    const secondChat = await connectOfficer(started.conversationId, second.cookie);
    const welcome = await secondChat.next("welcome");
    expect(welcome.messages.map((m) => m.text)).toEqual(["He has my phone sometimes", "Understood"]);
    expect(welcome.handovers).toMatchObject([{ fromOfficerId: first.id, note: "Speaks little English; DASH started" }]);
    victim.send({ type: "send", id: "after-transfer-1", text: "Hello?" });
    expect((await secondChat.next("message")).message).toMatchObject({ seq: 3, text: "Hello?" });
    // The victim never sees the note.
    const again = await connectVictim(started);
    expect((await again.next("welcome")).handovers).toEqual([]);
  });

  it("hands a chat back to the queue, at the front, with a note", async () => {
    const waitingLonger = await startConversation();
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    const officer = await onDutyOfficer();
    officer.queue.send({ type: "accept", conversationId: started.conversationId });
    await officer.queue.next("assigned");
    officer.queue.send({ type: "transfer", conversationId: started.conversationId, to: null, note: "Needs a Polish speaker" });
    expect(await victim.next("notice")).toEqual({ type: "notice", notice: "returned-to-queue" });
    expect(await queueOrder(officer.queue, (ids) => ids[0] === started.conversationId)).toEqual([
      started.conversationId,
      waitingLonger.conversationId,
    ]);
  });

  it("refuses to transfer someone else's chat, unless a supervisor reassigns it", async () => {
    const started = await startConversation();
    const owner = await onDutyOfficer();
    const other = await onDutyOfficer();
    const supervisor = await onDutyOfficer("supervisor");
    owner.queue.send({ type: "accept", conversationId: started.conversationId });
    await owner.queue.next("assigned");
    other.queue.send({ type: "transfer", conversationId: started.conversationId, to: other.id, note: "" });
    expect(await other.queue.next("error")).toMatchObject({ code: "not-allowed" });

    supervisor.queue.send({ type: "transfer", conversationId: started.conversationId, to: other.id, note: "Rebalancing" });
    expect(await other.queue.next("assigned")).toMatchObject({ conversationId: started.conversationId });
    expect(await owner.queue.next("unassigned")).toMatchObject({ reason: "reassigned" });
  });
});

describe("supervision", () => {
  it("shows supervisors every waiting and active chat and every officer's load; officers see only their own", async () => {
    const officer = await onDutyOfficer();
    const colleague = await onDutyOfficer();
    const supervisor = await onDutyOfficer("supervisor");
    const mine = await startConversation();
    const theirs = await startConversation();
    const waiting = await startConversation();
    officer.queue.send({ type: "accept", conversationId: mine.conversationId });
    colleague.queue.send({ type: "accept", conversationId: theirs.conversationId });
    await officer.queue.next("assigned");
    await colleague.queue.next("assigned");

    const overview = await supervisor.queue.next("overview", (f) =>
      [mine, theirs].every((c) => f.active.some((a) => a.conversationId === c.conversationId)),
    );
    expect(overview.active.map((a) => [a.conversationId, a.officerId])).toEqual(
      expect.arrayContaining([
        [mine.conversationId, officer.id],
        [theirs.conversationId, colleague.id],
      ]),
    );
    const row = overview.officers.find((o) => o.officerId === officer.id);
    expect(row).toMatchObject({ status: "available", load: 1, capacity: 3, connected: true });
    expect(await queueOrder(supervisor.queue, (ids) => ids.includes(waiting.conversationId))).toContain(waiting.conversationId);

    const me = await officer.queue.next("me", (f) => f.conversations.length === 1);
    expect(me.conversations).toEqual([mine.conversationId]);
    await expect(officer.queue.next("overview", () => true, 200)).rejects.toThrow();
  });

  it("lets a supervisor read any conversation but not write in it; an officer cannot open another's", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    const officer = await onDutyOfficer();
    officer.queue.send({ type: "accept", conversationId: started.conversationId });
    await officer.queue.next("assigned");
    victim.send({ type: "send", id: "observed-message", text: "I am scared" });
    await victim.next("ack");

    const supervisor = await signedInOfficer("supervisor");
    const observer = await connectOfficer(started.conversationId, supervisor.cookie);
    const welcome = await observer.next("welcome");
    expect(welcome).toMatchObject({ role: "observer", status: "active" });
    expect(welcome.messages.map((m) => m.text)).toEqual(["I am scared"]);
    observer.send({ type: "send", id: "observer-tries", text: "hello" });
    expect(await observer.next("error")).toMatchObject({ code: "not-allowed" });
    victim.send({ type: "send", id: "observed-live-1", text: "Are you there?" });
    expect((await observer.next("message")).message.text).toBe("Are you there?");
    await expect(victim.next("presence", (f) => f.online, 200)).rejects.toThrow();

    const stranger = await signedInOfficer();
    expect((await upgrade(`/parties/conversation/${started.conversationId}`, { Cookie: stranger.cookie })).status).toBe(403);
  });
});

describe("durability", () => {
  it("keeps the queue and every assignment through a Dispatcher eviction and abort", async () => {
    const officer = await onDutyOfficer();
    const assigned = await startConversation();
    const waiting = await startConversation();
    officer.queue.send({ type: "accept", conversationId: assigned.conversationId });
    await officer.queue.next("assigned");

    await evictDurableObject(dispatcher());
    await abortAllDurableObjects();

    const supervisor = await onDutyOfficer("supervisor");
    expect(await queueOrder(supervisor.queue)).toEqual([waiting.conversationId]);
    const overview = await supervisor.queue.next("overview");
    expect(overview.active.find((a) => a.conversationId === assigned.conversationId)?.officerId).toBe(officer.id);
  });
});

describe("queue events", () => {
  it("records joined, offered, accepted and ended, and an abandoned wait with how long it lasted", async () => {
    const officer = await onDutyOfficer();
    const served = await startConversation();
    officer.queue.send({ type: "accept", conversationId: served.conversationId });
    await officer.queue.next("assigned");
    const chat = await connectOfficer(served.conversationId, officer.cookie);
    await chat.next("welcome");
    chat.send({ type: "end" });
    await chat.next("ended");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await events(served.conversationId)).map((e) => e.kind)).toEqual(["joined", "offered", "accepted", "ended"]);

    const gaveUp = await startConversation();
    const victim = await connectVictim(gaveUp);
    await victim.next("welcome");
    victim.send({ type: "end" });
    await victim.next("ended");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abandoned = (await events(gaveUp.conversationId)).find((e) => e.kind === "abandoned");
    expect(JSON.parse(abandoned?.detail ?? "{}")).toMatchObject({ reason: "victim-ended" });
    expect(JSON.parse(abandoned?.detail ?? "{}").waitedMs).toBeGreaterThanOrEqual(0);
  });
});
