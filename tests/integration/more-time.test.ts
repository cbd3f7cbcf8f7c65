/**
 * More time on request: the officer in the chat holds back "Are you still there?" for 30
 * minutes when the victim has said they must step away. Both sides are told until when, a
 * question already asked is withdrawn, the chat is not closed meanwhile, the question comes once
 * the time has run out (with the usual time to answer), and the record says who gave it. Only
 * the officer the chat is assigned to may give it. Every test moves the clock first, so the
 * chat's alarms wait for the test to run them (tests/integration/clock.ts).
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { conversationTimings } from "../../worker/config";
import type { Conversation } from "../../worker/rooms/conversation/conversation";
import { MORE_TIME_MS, type StartedConversation } from "../../worker/shared/protocol";
import { buildTranscript } from "../../worker/transcripts/document";
import { alarmAt, dueAt, nothing } from "./chat-timing";
import { advanceTime, holdAlarms, restoreClock } from "./clock";
import { activeChat, connectOfficer, connectVictim, signedInOfficer, upgrade } from "./harness";

const timings = conversationTimings(env);
const stub = (started: StartedConversation) => env.Conversation.getByName(started.conversationId);

beforeEach(() => holdAlarms());
afterEach(() => restoreClock());

function record(started: StartedConversation) {
  return runInDurableObject(stub(started), (instance: Conversation) => ({
    status: instance.store.read()?.status,
    entries: instance.store.entries(),
  }));
}

describe("more time", () => {
  it("holds the question back for 30 minutes, tells both sides until when, and asks it once they have passed", async () => {
    const { started, victim, chat } = await activeChat();
    const givenAt = Date.now();
    chat.send({ type: "more-time" });
    const until = givenAt + MORE_TIME_MS;
    expect(await victim.next("more-time")).toEqual({ type: "more-time", until });
    expect(await chat.next("more-time")).toEqual({ type: "more-time", until });
    expect(await dueAt(started, "inactivity-prompt")).toBe(until);

    // When the question and the close would usually have come, nothing comes.
    await alarmAt(started, givenAt + timings.inactivityPromptMs);
    await alarmAt(started, givenAt + timings.inactivityPromptMs + timings.inactivityCloseMs);
    await alarmAt(started, until - 1);
    await nothing(victim, "inactivity");
    await nothing(victim, "ended");
    expect((await record(started)).status).toBe("active");

    // A victim who comes back meanwhile is told the time still holds.
    const back = await connectVictim(started);
    expect((await back.next("welcome")).moreTimeUntil).toBe(until);

    // Then the usual question, with the usual time to answer, and the close after it.
    await alarmAt(started, until);
    const { closesAt } = await victim.next("inactivity");
    expect(closesAt).toBe(until + timings.inactivityCloseMs);
    const later = await connectVictim(started);
    expect((await later.next("welcome")).moreTimeUntil).toBeNull();
    await alarmAt(started, closesAt! - 1);
    await nothing(victim, "ended");
    await alarmAt(started, closesAt!);
    expect(await victim.next("ended")).toEqual({ type: "ended", reason: "inactive" });
  });

  it("withdraws a question already asked, and the chat is not closed at the time it said", async () => {
    const { started, victim, chat } = await activeChat();
    await alarmAt(started, (await dueAt(started, "inactivity-prompt"))!);
    const asked = await victim.next("inactivity");
    expect(asked.closesAt).not.toBeNull();
    await chat.next("inactivity");

    chat.send({ type: "more-time" });
    expect(await victim.next("inactivity")).toEqual({ type: "inactivity", closesAt: null });
    expect(await chat.next("inactivity")).toEqual({ type: "inactivity", closesAt: null });
    const { until } = await victim.next("more-time");

    await alarmAt(started, asked.closesAt!);
    await nothing(victim, "ended");
    await nothing(victim, "inactivity");
    expect((await record(started)).status).toBe("active");
    expect(await dueAt(started, "inactivity-prompt")).toBe(until);
    expect(await dueAt(started, "inactivity-close")).toBeNull();
  });

  it("is not cut short when the victim writes during it", async () => {
    const { started, victim, chat } = await activeChat();
    chat.send({ type: "more-time" });
    const { until } = await victim.next("more-time");
    advanceTime(60_000);
    victim.send({ type: "send", id: "back-for-a-moment", text: "one minute, he is in the hall" });
    await chat.next("message");
    // The usual quiet time from now would end before the more time does: the later one counts.
    expect(await dueAt(started, "inactivity-prompt")).toBe(until);
    await alarmAt(started, Date.now() + timings.inactivityPromptMs);
    await nothing(victim, "inactivity");
  });

  it("is a record entry saying which officer gave it and until when", async () => {
    const { started, chat, officer } = await activeChat();
    const givenAt = Date.now();
    chat.send({ type: "more-time" });
    const { until } = await chat.next("more-time");
    const entry = (await record(started)).entries.find((e) => e.kind === "more-time");
    expect(entry).toMatchObject({
      kind: "more-time",
      at: new Date(givenAt).toISOString(),
      by: { role: "officer", officerId: officer.id },
      data: { until: new Date(until).toISOString() },
    });
    const event = buildTranscript((await record(started)).entries).events.find((e) => e.kind === "more-time");
    expect(event?.summary).toContain(`Officer ${officer.id} gave the victim more time`);
  });
});

describe("who may give more time", () => {
  it("refuses it from the victim, from a supervisor reading along, and from an officer the chat has moved on from", async () => {
    const { started, victim, chat } = await activeChat();
    const before = (await record(started)).entries.length;
    const askAt = await dueAt(started, "inactivity-prompt");

    victim.send({ type: "more-time" });
    expect(await victim.next("error")).toMatchObject({ code: "not-allowed" });

    const supervisor = await signedInOfficer("supervisor");
    const reading = await connectOfficer(started.conversationId, supervisor.cookie);
    expect(await reading.next("welcome")).toMatchObject({ role: "observer" });
    reading.send({ type: "more-time" });
    expect(await reading.next("error")).toMatchObject({ code: "not-allowed" });

    // An officer not given the chat cannot even open its socket.
    const stranger = await signedInOfficer();
    expect((await upgrade(`/parties/conversation/${started.conversationId}`, { Cookie: stranger.cookie })).status).toBe(403);

    // The chat has just gone to someone else, and this officer's socket is not closed yet.
    const colleague = await signedInOfficer();
    await runInDurableObject(stub(started), (instance: Conversation) => instance.store.markActive(colleague.id, Date.now()));
    chat.send({ type: "more-time" });
    expect(await chat.next("error")).toMatchObject({ code: "not-allowed" });

    await nothing(victim, "more-time");
    expect((await record(started)).entries.length).toBe(before);
    expect(await dueAt(started, "inactivity-prompt")).toBe(askAt);
  });
});
