import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getConversation } from "../../worker/rooms/stubs";
import { LIMITS } from "../../worker/shared/protocol";
import {
  acceptAndJoin,
  activeChat,
  call,
  connectQueue,
  connectVictim,
  QUEUE_SOCKET,
  signedInOfficer,
  startConversation,
  ticketFor,
  upgrade,
} from "./harness";

describe("starting a chat", () => {
  it("gives the victim an unguessable conversation id and token, and puts the chat in the queue", async () => {
    const officer = await signedInOfficer();
    const queue = await connectQueue(officer.cookie);
    await queue.next("queue");

    const started = await startConversation();
    expect(started.conversationId).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(started.token).toMatch(/^[A-Za-z0-9_-]{43,}$/);

    const update = await queue.next("queue", (f) =>
      f.waiting.some((w) => w.conversationId === started.conversationId),
    );
    expect(update.waiting.at(-1)?.conversationId).toBe(started.conversationId);
    queue.close();
  });

  it("answers with no-store so nothing of the chat is cached on the victim's device", async () => {
    const response = await call("/api/conversations", { method: "POST" });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("refuses a start request from another site", async () => {
    const response = await call("/api/conversations", {
      method: "POST",
      headers: { Origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });
});

describe("a conversation between a victim and an officer", () => {
  it("carries messages both ways in real time, acknowledged and numbered in order", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    const welcome = await victim.next("welcome");
    expect(welcome).toMatchObject({ role: "victim", status: "waiting", messages: [] });

    const officer = await signedInOfficer();
    const officerSocket = await acceptAndJoin(started.conversationId, officer.cookie);
    expect(await officerSocket.next("welcome")).toMatchObject({ role: "officer", status: "active" });
    await victim.next("status", (f) => f.status === "active");

    victim.send({ type: "send", id: "victim-msg-0001", text: "I need help" });
    const ack = await victim.next("ack");
    expect(ack).toMatchObject({ type: "ack", id: "victim-msg-0001", seq: 1 });
    expect(Math.abs(ack.sentAt - Date.now())).toBeLessThan(60_000);
    const heard = await officerSocket.next("message");
    expect(heard.message).toMatchObject({ seq: 1, from: "victim", text: "I need help" });

    officerSocket.send({ type: "send", id: "officer-msg-0001", text: "You are safe to talk here." });
    expect(await officerSocket.next("ack")).toMatchObject({ seq: 2 });
    const reply = await victim.next("message", (f) => f.message.from === "officer");
    expect(reply.message).toMatchObject({ seq: 2, text: "You are safe to talk here." });
  });

  it("stores a resent message once and acknowledges it with the same seq", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    victim.send({ type: "send", id: "resent-message-1", text: "hello?" });
    victim.send({ type: "send", id: "resent-message-1", text: "hello?" });
    const first = await victim.next("ack");
    const second = await victim.next("ack");
    expect(second.seq).toBe(first.seq);

    const again = await connectVictim(started);
    const welcome = await again.next("welcome");
    expect(welcome.messages.map((m) => m.text)).toEqual(["hello?"]);
  });

  it("lets the victim write while waiting, and the officer sees it on joining", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    victim.send({ type: "send", id: "while-waiting-1", text: "Is anyone there?" });
    await victim.next("ack");

    const officer = await signedInOfficer();
    const officerSocket = await acceptAndJoin(started.conversationId, officer.cookie);
    const welcome = await officerSocket.next("welcome");
    expect(welcome.messages).toMatchObject([{ seq: 1, from: "victim", text: "Is anyone there?" }]);
  });
});

describe("bad frames", () => {
  it.each([
    ["not JSON", "{oops", "bad-frame"],
    ["an unknown type", JSON.stringify({ type: "shout", text: "hi" }), "bad-frame"],
    ["an empty message", JSON.stringify({ type: "send", id: "empty-text-01", text: "   " }), "bad-frame"],
    [
      "a message over the length limit",
      JSON.stringify({ type: "send", id: "too-long-0001", text: "x".repeat(LIMITS.messageText + 1) }),
      "bad-frame",
    ],
    ["a frame over the size limit", "x".repeat(LIMITS.frameBytes + 1), "too-large"],
  ])("answers %s with an error frame, no stack, and keeps the connection", async (_, raw, code) => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");

    victim.sendRaw(raw);
    const error = await victim.next("error");
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/at .*\(|\.ts:|Error:/);

    victim.send({ type: "send", id: "after-bad-frame", text: "still here" });
    expect(await victim.next("ack")).toMatchObject({ seq: 1 });
    const welcome = await (await connectVictim(started)).next("welcome");
    expect(welcome.messages.map((m) => m.text)).toEqual(["still here"]);
  });
});

describe("who may join", () => {
  it("refuses a victim without a ticket, with a wrong ticket, or with a used one", async () => {
    const started = await startConversation();
    const path = `/parties/conversation/${started.conversationId}`;
    expect((await upgrade(path)).status).toBe(401);
    expect((await upgrade(`${path}?ticket=${"A".repeat(43)}`)).status).toBe(401);

    const ticket = await ticketFor(started);
    expect((await upgrade(`${path}?ticket=${ticket}`)).status).toBe(101);
    expect((await upgrade(`${path}?ticket=${ticket}`)).status).toBe(401);
  });

  it("gives no ticket for a wrong token or another conversation's token", async () => {
    const mine = await startConversation();
    const theirs = await startConversation();
    const attempt = (id: string, token: string) =>
      call(`/api/conversations/${id}/tickets`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
      });
    expect((await attempt(mine.conversationId, "A".repeat(43))).status).toBe(401);
    expect((await attempt(theirs.conversationId, mine.token)).status).toBe(401);
    expect((await call(`/api/conversations/${mine.conversationId}/tickets`, { method: "POST" })).status).toBe(401);
  });

  it("refuses an officer who has not accepted the conversation", async () => {
    const started = await startConversation();
    const officer = await signedInOfficer();
    const response = await upgrade(`/parties/conversation/${started.conversationId}`, {
      Cookie: officer.cookie,
    });
    expect(response.status).toBe(403);
  });

  it("refuses the queue to anyone not signed in, or with a forged session", async () => {
    expect((await upgrade(QUEUE_SOCKET)).status).toBe(401);
    expect((await upgrade(QUEUE_SOCKET, { Cookie: "ql_session=forged" })).status).toBe(401);
  });

  it("ignores identity headers a client tries to send itself", async () => {
    const started = await startConversation();
    const officer = await signedInOfficer();
    const owner = await acceptAndJoin(started.conversationId, officer.cookie);
    await owner.next("welcome");
    const response = await upgrade(`/parties/conversation/${started.conversationId}`, {
      // What the Worker tells a Durable Object about staff (worker/rooms/headers.ts), forged.
      "x-quietline-staff": encodeURIComponent(JSON.stringify({ officerId: officer.id, role: "officer", displayName: "Forged", sessionHash: null })),
    });
    expect(response.status).toBe(401);
  });

  it("refuses upgrades from another site even with a valid session", async () => {
    const officer = await signedInOfficer();
    const response = await upgrade(QUEUE_SOCKET, {
      Cookie: officer.cookie,
      Origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
  });

  it("lets only one of two officers accepting the same chat win", async () => {
    const started = await startConversation();
    const first = await connectQueue((await signedInOfficer()).cookie);
    const second = await connectQueue((await signedInOfficer()).cookie);
    first.send({ type: "accept", conversationId: started.conversationId });
    second.send({ type: "accept", conversationId: started.conversationId });
    const outcomes = await Promise.all(
      [first, second].map(async (socket) => {
        const answer = await socket.nextOf(["assigned", "error"]);
        return answer.type === "assigned" ? "won" : answer.message;
      }),
    );
    expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
    expect(outcomes.find((o) => o !== "won")).toMatch(/no longer waiting/);
  });
});

describe("ending a chat", () => {
  it("tells both sides, refuses new messages, and keeps the transcript in D1 and R2", async () => {
    const { started, victim, chat: officerSocket, officer } = await activeChat();

    victim.send({ type: "send", id: "before-the-end", text: "Thank you" });
    await officerSocket.next("message");
    officerSocket.send({ type: "send", id: "officer-goodbye", text: "Take care" });
    await victim.next("message", (f) => f.message.from === "officer");

    victim.send({ type: "end" });
    expect(await victim.next("ended")).toMatchObject({ reason: "victim-ended" });
    expect(await officerSocket.next("ended")).toMatchObject({ reason: "victim-ended" });

    // The record is sealed and the conversation's object erased: both sockets are closed.
    expect(await officerSocket.closedWith()).toBe(1000);
    expect(await victim.closedWith()).toBe(1000);

    const row = await env.DB.prepare("SELECT * FROM conversations WHERE id = ?")
      .bind(started.conversationId)
      .first<Record<string, string | number>>();
    expect(row).toMatchObject({ status: "ended", end_reason: "victim-ended", officer_id: officer.id });
    const stored = await env.DB.prepare("SELECT seq, sender, body FROM messages WHERE conversation_id = ? ORDER BY seq")
      .bind(started.conversationId)
      .all();
    expect(stored.results).toEqual([
      { seq: 1, sender: "victim", body: "Thank you" },
      { seq: 2, sender: "officer", body: "Take care" },
    ]);

    const object = await env.TRANSCRIPTS.get(String(row?.transcript_key));
    expect(object).not.toBeNull();
    const text = await object!.text();
    const transcript = JSON.parse(text);
    expect(transcript).toMatchObject({
      conversationId: started.conversationId,
      participants: [{ role: "victim" }, { role: "officer", officerId: officer.id }],
      endReason: "victim-ended",
      messages: [
        { seq: 1, from: "victim", text: "Thank you" },
        { seq: 2, from: "officer", text: "Take care" },
      ],
    });
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(row?.transcript_sha256).toBe(hex);
    expect(String(row?.transcript_key)).toContain(hex);
  });

  it("is idempotent: ending twice changes nothing", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    victim.send({ type: "end" });
    await victim.next("ended");
    await victim.closedWith();
    const sealed = () =>
      env.DB.prepare("SELECT end_reason, transcript_sha256, sealed_at FROM conversations WHERE id = ?").bind(started.conversationId).first();
    const before = await sealed();
    // Quick exit's beacon arriving late is a second end: nothing changes.
    const beacon = await call(`/api/conversations/${started.conversationId}/quick-exit`, { method: "POST", body: started.token });
    expect(beacon.status).toBe(204);
    await (await getConversation(env, started.conversationId)).end("abandoned");
    expect(await sealed()).toEqual(before);
    expect(before).toMatchObject({ end_reason: "victim-ended" });
    expect((await env.TRANSCRIPTS.list({ prefix: `transcripts/${started.conversationId}/` })).objects).toHaveLength(2);
  });

  it("removes a chat that ends while waiting from the queue", async () => {
    const officer = await signedInOfficer();
    const queue = await connectQueue(officer.cookie);
    const started = await startConversation();
    await queue.next("queue", (f) => f.waiting.some((w) => w.conversationId === started.conversationId));
    const victim = await connectVictim(started);
    await victim.next("welcome");
    victim.send({ type: "end" });
    await queue.next("queue", (f) => !f.waiting.some((w) => w.conversationId === started.conversationId));
  });
});
