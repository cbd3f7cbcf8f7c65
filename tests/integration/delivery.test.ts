import { abortAllDurableObjects, evictDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { StartedConversation } from "../../worker/shared/protocol";
import { acceptAndJoin, signedInOfficer, startConversation, ticketFor } from "./harness";
import { Participant } from "./participant";

/** A victim (their page in `language`) and an officer in one active conversation, each able to drop and resume. */
async function activeConversation(language = "en") {
  const started = await startConversation(language);
  const officer = await signedInOfficer();
  (await acceptAndJoin(started.conversationId, officer.cookie)).close();
  const victim = new Participant("victim", async (since) => ({
    path: `/parties/conversation/${started.conversationId}?ticket=${await ticketFor(started)}&since=${since}`,
  }));
  const officerSide = new Participant("officer", async (since) => ({
    path: `/parties/conversation/${started.conversationId}?since=${since}`,
    headers: { Cookie: officer.cookie },
  }));
  await victim.connect();
  await officerSide.connect();
  return { started, victim, officer: officerSide };
}

function expectCompleteAndInOrder(side: Participant, expected: { from: string; text: string }[]) {
  const log = side.ledger.confirmed;
  expect(log.map((m) => m.seq)).toEqual(expected.map((_, i) => i + 1));
  expect(log.map((m) => ({ from: m.from, text: m.text }))).toEqual(expected);
  expect(side.ledger.pending).toEqual([]);
}

const conversationStub = (started: StartedConversation) => env.Conversation.getByName(started.conversationId);

describe("exactly-once, in-order delivery", () => {
  it("delivers a burst of 250 messages across repeated network drops exactly once each, in order, with no gaps", async () => {
    const { victim, officer } = await activeConversation();
    const written: { from: string; text: string; by: Participant }[] = [];

    for (let i = 0; i < 250; i++) {
      const writer = i % 5 === 4 ? officer : victim;
      const text = `${writer.role} message ${i}`;
      writer.write(text);
      written.push({ from: writer.role, text, by: writer });
      // The networks fail in different places: sometimes right after a send (its ack is lost),
      // sometimes for a stretch in which both sides keep writing.
      if (i % 37 === 0) victim.drop();
      if (i % 53 === 10) officer.drop();
      if (i % 37 === 12 && !victim.connected) await victim.connect();
      if (i % 53 === 30 && !officer.connected) await officer.connect();
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    if (!victim.connected) await victim.connect();
    if (!officer.connected) await officer.connect();

    await victim.until("everything is acknowledged and held", () => victim.ledger.lastSeq === 250 && victim.ledger.pending.length === 0);
    await officer.until("everything is acknowledged and held", () => officer.ledger.lastSeq === 250 && officer.ledger.pending.length === 0);

    // Each side's own messages keep the order they were written in; the two logs are identical.
    const victimOrder = victim.ledger.confirmed.filter((m) => m.from === "victim").map((m) => m.text);
    expect(victimOrder).toEqual(written.filter((w) => w.by === victim).map((w) => w.text));
    const officerOrder = officer.ledger.confirmed.filter((m) => m.from === "officer").map((m) => m.text);
    expect(officerOrder).toEqual(written.filter((w) => w.by === officer).map((w) => w.text));
    expectCompleteAndInOrder(victim, officer.ledger.confirmed.map((m) => ({ from: m.from, text: m.text })));
    expect(victim.ledger.confirmed).toEqual(officer.ledger.confirmed);

    // Nothing the other side wrote reached either side twice.
    for (const side of [victim, officer]) {
      const theirs = side.ledger.confirmed.filter((m) => m.from !== side.role).map((m) => m.seq);
      expect(theirs.every((seq) => side.deliveries.get(seq) === 1)).toBe(true);
    }
  });

  it("stores a resent message id once, even after a reconnect", async () => {
    const { started, victim } = await activeConversation();
    victim.sendFrame({ type: "send", id: "resent-after-drop", text: "are you there?" });
    await victim.until("the first copy is acked", () => victim.frames.some((f) => f.type === "ack"));
    victim.drop();
    await victim.connect();
    victim.sendFrame({ type: "send", id: "resent-after-drop", text: "are you there?" });
    await victim.until("the resend is acked", () => victim.frames.filter((f) => f.type === "ack").length === 2);
    const acks = victim.frames.filter((f) => f.type === "ack");
    expect(new Set(acks.map((a) => a.seq)).size).toBe(1);
    const reader = new Participant("victim", async (since) => ({
      path: `/parties/conversation/${started.conversationId}?ticket=${await ticketFor(started)}&since=${since}`,
    }));
    await reader.connect();
    expect(reader.ledger.confirmed.map((m) => m.text)).toEqual(["are you there?"]);
  });

  it("still delivers a quick reply's reviewed translation when it is resent after a reconnect", async () => {
    const { victim, officer } = await activeConversation("pl");
    officer.drop();
    officer.write("Are you safe to talk right now?", "safety-safe-to-talk");
    await officer.connect();
    await victim.until("the quick reply arrives", () => victim.ledger.lastSeq === 1);
    const [reply] = victim.ledger.confirmed;
    expect(reply?.translation).toMatchObject({ status: "done", to: "pl", model: "quick-reply:safety-safe-to-talk" });
    expect(reply?.translation.text).not.toContain("safe");
  });

  it("resumes with exactly the missing messages, before anything new", async () => {
    const { victim, officer } = await activeConversation();
    victim.write("one");
    await officer.until("one arrives", () => officer.ledger.lastSeq === 1);
    officer.drop();
    victim.write("two");
    victim.write("three");
    await victim.until("both acked", () => victim.ledger.pending.length === 0);
    await officer.connect();
    const welcome = officer.frames.filter((f) => f.type === "welcome").at(-1);
    expect(welcome?.type === "welcome" && welcome.messages.map((m) => m.text)).toEqual(["two", "three"]);
    victim.write("four");
    await officer.until("four arrives", () => officer.ledger.lastSeq === 4);
    expect(officer.ledger.confirmed.map((m) => m.text)).toEqual(["one", "two", "three", "four"]);
  });
});

describe("restarts and hibernation", () => {
  it("keeps each connection's role through hibernation", async () => {
    const { started, victim, officer } = await activeConversation();
    await evictDurableObject(conversationStub(started), { webSockets: "hibernate" });
    victim.write("after hibernation");
    officer.write("still here");
    await officer.until("both messages held", () => officer.ledger.lastSeq === 2);
    expect(officer.ledger.confirmed.map((m) => [m.from, m.text])).toEqual([
      ["victim", "after hibernation"],
      ["officer", "still here"],
    ]);
  });

  it("returns the same history after the object is evicted, and after it is aborted", async () => {
    const { started, victim, officer } = await activeConversation();
    for (const text of ["a", "b", "c"]) victim.write(text);
    officer.write("d");
    await officer.until("all four held", () => officer.ledger.lastSeq === 4);
    const history = officer.ledger.confirmed;

    await evictDurableObject(conversationStub(started));
    const fresh = new Participant("victim", async (since) => ({
      path: `/parties/conversation/${started.conversationId}?ticket=${await ticketFor(started)}&since=${since}`,
    }));
    await fresh.connect();
    expect(fresh.ledger.confirmed).toEqual(history);

    await abortAllDurableObjects();
    const again = new Participant("victim", async (since) => ({
      path: `/parties/conversation/${started.conversationId}?ticket=${await ticketFor(started)}&since=${since}`,
    }));
    await again.connect();
    expect(again.ledger.confirmed).toEqual(history);
    again.write("e");
    await again.until("e is acked as seq 5", () => again.ledger.lastSeq === 5);
  });
});
