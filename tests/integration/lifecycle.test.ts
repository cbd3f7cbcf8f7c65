import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { conversationTimings } from "../../worker/config";
import type { StartedConversation } from "../../worker/shared/protocol";
import type { RecordEntry } from "../../worker/shared/record/entry";
import { readLiveCopy } from "../../worker/archive/live-copy";
import { checkChain } from "../../worker/transcripts/chain";
import { buildTranscript } from "../../worker/transcripts/document";
import { alarmAt, dueAt, nothing } from "./chat-timing";
import { restoreClock, runNextAlarm, setClock } from "./clock";
import { activeChat, connectOfficer, connectVictim } from "./harness";

const stub = (started: StartedConversation) => env.Conversation.getByName(started.conversationId);
const timings = conversationTimings(env);

afterEach(() => {
  restoreClock();
  vi.restoreAllMocks();
});

async function activeConversation() {
  const { started, victim, chat, officer } = await activeChat();
  return { started, victim, officer: chat, cookie: officer.cookie };
}

describe("presence", () => {
  it("tells the victim the officer has gone only after the grace period, and when they are back", async () => {
    const { started, victim, officer, cookie } = await activeConversation();
    await victim.next("presence", (f) => f.role === "officer" && f.online);

    const secondTab = await connectOfficer(started.conversationId, cookie);
    await secondTab.next("welcome");
    // Both of the officer's connections go; nothing is said until the grace period's alarm.
    officer.close();
    secondTab.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(victim.next("presence", () => true, 100)).rejects.toThrow();

    const back = await connectOfficer(started.conversationId, cookie);
    await back.next("welcome");
    back.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Not before the grace period is over...
    const graceEnds = (await dueAt(started, "offline:officer"))!;
    await alarmAt(started, graceEnds - 1);
    await nothing(victim, "presence");
    // ...and then at once.
    await alarmAt(started, graceEnds);
    expect(await victim.next("presence")).toMatchObject({ role: "officer", online: false });

    const returned = await connectOfficer(started.conversationId, cookie);
    const welcome = await returned.next("welcome");
    expect(welcome.presence).toEqual({ victim: true, officer: true });
    expect(await victim.next("presence")).toMatchObject({ role: "officer", online: true });
  });

  it("says nothing when a side drops and is back within the grace period", async () => {
    const { started, victim, officer } = await activeConversation();
    await officer.next("presence", () => true, 100).catch(() => null);
    victim.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await connectVictim(started);
    const welcome = await again.next("welcome");
    expect(welcome.presence.victim).toBe(true);
    await expect(officer.next("presence", (f) => f.role === "victim", 200)).rejects.toThrow();
  });

  it("relays typing to the other side only, and read marks to both", async () => {
    const { victim, officer } = await activeConversation();
    victim.send({ type: "typing" });
    expect(await officer.next("typing")).toEqual({ type: "typing", role: "victim" });
    await expect(victim.next("typing", () => true, 100)).rejects.toThrow();

    victim.send({ type: "send", id: "read-me-please", text: "hello" });
    await officer.next("message");
    officer.send({ type: "read", seq: 1 });
    expect(await victim.next("read")).toEqual({ type: "read", role: "officer", seq: 1 });
    officer.send({ type: "read", seq: 99 });
    expect(await victim.next("read")).toEqual({ type: "read", role: "officer", seq: 1 });
  });
});

describe("inactivity", () => {
  it("asks the victim whether they are still there at its time, and the answer keeps the chat open", async () => {
    const { started, victim, officer } = await activeConversation();
    const askAt = (await dueAt(started, "inactivity-prompt"))!;
    await alarmAt(started, askAt - 1);
    await nothing(victim, "inactivity");
    await alarmAt(started, askAt);
    expect(await victim.next("inactivity")).toEqual({ type: "inactivity", closesAt: askAt + timings.inactivityCloseMs });
    await officer.next("inactivity");

    victim.send({ type: "still-here" });
    expect(await victim.next("inactivity")).toEqual({ type: "inactivity", closesAt: null });
    expect(await officer.next("inactivity")).toEqual({ type: "inactivity", closesAt: null });
    victim.send({ type: "send", id: "still-chatting", text: "yes I am here" });
    expect(await victim.next("ack")).toMatchObject({ seq: 1 });
  });

  it("waits for the quiet time after the victim's last message, though a message does not move its job", async () => {
    const { started, victim, officer } = await activeConversation();
    const firstAskAt = (await dueAt(started, "inactivity-prompt"))!;
    setClock(firstAskAt - 60_000);
    victim.send({ type: "send", id: "a-minute-before", text: "I am still here, he is asleep" });
    await officer.next("message");
    const wroteAt = Date.now();
    // The message wrote nothing for the clock: the job is where it was, and finds the message there.
    expect(await dueAt(started, "inactivity-prompt")).toBe(firstAskAt);
    await alarmAt(started, firstAskAt);
    await nothing(victim, "inactivity");
    expect(await dueAt(started, "inactivity-prompt")).toBe(wroteAt + timings.inactivityPromptMs);
    await alarmAt(started, wroteAt + timings.inactivityPromptMs - 1);
    await nothing(victim, "inactivity");
    await alarmAt(started, wroteAt + timings.inactivityPromptMs);
    expect(await victim.next("inactivity")).toEqual({ type: "inactivity", closesAt: wroteAt + timings.inactivityPromptMs + timings.inactivityCloseMs });
  });

  it("closes the chat at its time if nobody answers, telling both sides why", async () => {
    const { started, victim, officer } = await activeConversation();
    await alarmAt(started, (await dueAt(started, "inactivity-prompt"))!);
    const { closesAt } = await victim.next("inactivity");
    await alarmAt(started, closesAt! - 1);
    await nothing(victim, "ended");
    await alarmAt(started, closesAt!);
    expect(await victim.next("ended")).toEqual({ type: "ended", reason: "inactive" });
    expect(await officer.next("ended")).toEqual({ type: "ended", reason: "inactive" });
    const row = await env.DB.prepare("SELECT status, end_reason FROM conversations WHERE id = ?")
      .bind(started.conversationId)
      .first();
    expect(row).toEqual({ status: "ended", end_reason: "inactive" });
  });
});

describe("a failing job", () => {
  it("does not close the chat early when a flush fails and the alarm fires again and again", async () => {
    const { started, victim, officer } = await activeConversation();
    victim.send({ type: "send", id: "before-the-failure", text: "hello" });
    const { sentAt } = await victim.next("ack");
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const put = vi.spyOn(env.TRANSCRIPTS, "put").mockRejectedValueOnce(new Error("R2 is unavailable"));
    await alarmAt(started, (await dueAt(started, "flush"))!);
    expect(put).toHaveBeenCalledTimes(1);
    // The platform retries an alarm sooner than the jobs' own times: nothing more runs.
    for (let i = 0; i < 4; i++) await runDurableObjectAlarm(stub(started));
    await nothing(victim, "inactivity");
    await nothing(victim, "ended");
    expect(put).toHaveBeenCalledTimes(1);

    // The question and the close still come, each at its time: the quiet time after the message.
    const askAt = sentAt + timings.inactivityPromptMs;
    await alarmAt(started, askAt - 1);
    await nothing(victim, "inactivity");
    await alarmAt(started, askAt);
    const { closesAt } = await victim.next("inactivity");
    expect(closesAt).toBe(askAt + timings.inactivityCloseMs);
    await alarmAt(started, closesAt! - 1);
    await nothing(officer, "ended");
    await alarmAt(started, closesAt!);
    expect(await officer.next("ended")).toEqual({ type: "ended", reason: "inactive" });
  });
});

describe("the record reaches D1 and R2 while the chat is live", () => {
  it("flushes what is new by alarm, never writing a message twice, and seals the transcript at the end", async () => {
    const { started, victim, officer } = await activeConversation();
    for (const [i, text] of ["first", "second", "third"].entries()) {
      victim.send({ type: "send", id: `flush-message-${i}`, text });
      await victim.next("ack");
    }
    await runNextAlarm(stub(started));
    const count = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?")
        .bind(started.conversationId)
        .first<{ n: number }>())?.n;
    expect(await count()).toBe(3);
    // The live copy in R2 is the record so far: a chain that holds, and the chat in it.
    const copied = await readLiveCopy(env.TRANSCRIPTS, started.conversationId);
    expect(checkChain(copied)).toBeNull();
    expect(buildTranscript(copied).messages.map((m) => m.text)).toEqual(["first", "second", "third"]);

    officer.send({ type: "send", id: "officer-flush-1", text: "fourth" });
    await officer.next("ack");
    await runNextAlarm(stub(started));
    expect(await count()).toBe(4);
    const parts = await env.TRANSCRIPTS.list({ prefix: `transcripts/${started.conversationId}/live/` });
    expect(parts.objects).toHaveLength(2);
    // The second copy wrote only what was new: the officer's message, not the chat again.
    const second = JSON.parse(await (await env.TRANSCRIPTS.get(parts.objects[1]!.key))!.text()) as { entries: RecordEntry[] };
    expect(second.entries.filter((e) => e.kind === "message").map((e) => e.data.text)).toEqual(["fourth"]);
    const whole = await readLiveCopy(env.TRANSCRIPTS, started.conversationId);
    expect(checkChain(whole)).toBeNull();
    expect(buildTranscript(whole).messages.map((m) => m.text)).toEqual(["first", "second", "third", "fourth"]);

    victim.send({ type: "end" });
    await victim.next("ended");
    // The seal is the next job, due at once (on this test's clock).
    await runNextAlarm(stub(started));
    await victim.closedWith();
    expect(await count()).toBe(4);
    expect(await readLiveCopy(env.TRANSCRIPTS, started.conversationId)).toEqual([]);
    const listed = await env.TRANSCRIPTS.list({ prefix: `transcripts/${started.conversationId}/` });
    // The sealed JSON and its PDF, each under its own SHA-256.
    expect(listed.objects.map((o) => o.key.split(".").at(-1)).sort()).toEqual(["json", "pdf"]);
  });
});
