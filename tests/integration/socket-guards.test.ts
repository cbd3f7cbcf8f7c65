/**
 * What a chat's sockets let through: each kind of frame only from the roles that may send it,
 * at a rate counted for the chat rather than per socket; a bounded number of tickets and
 * sockets; a chat whose victim never connects given up like one whose victim left; and no
 * header a client chooses, nor any failure while connecting, reaching partyserver's stack
 * traces.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { queueSettings } from "../../worker/config";
import type { Conversation } from "../../worker/rooms/conversation/conversation";
import type { ConversationServerFrame } from "../../worker/shared/protocol";
import {
  activeChat,
  call,
  connectOfficer,
  connectQueue,
  connectVictim,
  signedInOfficer,
  startConversation,
  ticketFor,
  upgrade,
  TestSocket,
} from "./harness";
import { alarmOf, restoreClock, runNextAlarm, setClock } from "./clock";

const STACK = /at \w+ \(|\.ts:\d+|\.js:\d+|Error:/;
const { waitingAbandonMs } = queueSettings(env);

afterEach(restoreClock);

async function stored(conversationId: string) {
  return runInDurableObject(env.Conversation.getByName(conversationId), (instance: Conversation, state) => ({
    notes: instance.store.notes(),
    entries: instance.store.entries().map((e) => e.kind),
    locations: instance.store.locations().length,
    tickets: Number(state.storage.sql.exec("SELECT COUNT(*) AS n FROM tickets").one().n),
  }));
}

/** Every frame a socket has received so far, without waiting. */
async function drained(socket: TestSocket<ConversationServerFrame>, settleMs = 300): Promise<ConversationServerFrame[]> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const frames: ConversationServerFrame[] = [];
  for (;;) {
    try {
      frames.push(await socket.nextOf(["typing", "read", "error", "message", "location", "note", "presence"], 1));
    } catch {
      return frames;
    }
  }
}

describe("who may send what on a chat's socket", () => {
  it("refuses a private note from the victim's socket: nothing is stored, and the officer's notes stay empty", async () => {
    const { started, victim, chat } = await activeChat();
    victim.send({ type: "note", text: "Officer's note: the victim withdrew the allegation." });
    expect(await victim.next("error")).toMatchObject({ code: "bad-frame" });
    // Notes go over HTTP as the signed-in officer; the officer's socket cannot write one either.
    chat.send({ type: "note", text: "from the socket" });
    expect(await chat.next("error")).toMatchObject({ code: "bad-frame" });
    const after = await stored(started.conversationId);
    expect(after.notes).toEqual([]);
    expect(after.entries).not.toContain("note");
  });

  it("answers each frame only from the roles that may send it", async () => {
    const { started, victim, chat } = await activeChat();
    const supervisor = await signedInOfficer("supervisor");
    const reader = await connectOfficer(started.conversationId, supervisor.cookie);
    await reader.next("welcome");

    victim.send({ type: "retry-translation", seq: 1 });
    expect(await victim.next("error")).toMatchObject({ code: "not-allowed" });
    chat.send({ type: "location", latitude: 51.5, longitude: -0.1, accuracy: 10 });
    expect(await chat.next("error")).toMatchObject({ code: "not-allowed" });
    for (const frame of [{ type: "send", id: "reader-writes", text: "hello" }, { type: "typing" }, { type: "end" }]) {
      reader.send(frame);
      expect(await reader.next("error")).toMatchObject({ code: "not-allowed" });
    }
    expect(await stored(started.conversationId)).toMatchObject({ locations: 0 });
    // The chat is still going: the reader's "end" ended nothing.
    victim.send({ type: "send", id: "still-going", text: "are you there?" });
    expect(await chat.next("message")).toMatchObject({ message: { text: "are you there?" } });
  });

  it("keeps at most 20 shared locations in one chat", async () => {
    const { started, victim } = await activeChat();
    await runInDurableObject(env.Conversation.getByName(started.conversationId), (instance: Conversation) => {
      for (let i = 0; i < 20; i++) instance.store.addLocation({ at: i, latitude: 51, longitude: 0, accuracy: 5 });
    });
    victim.send({ type: "location", latitude: 51.5, longitude: -0.1, accuracy: 10 });
    expect(await victim.next("error")).toMatchObject({ code: "too-many" });
    expect((await stored(started.conversationId)).locations).toBe(20);
  });

  it("passes on one typing frame in two seconds for the victim's side, however many sockets send them", async () => {
    const { started, victim, chat } = await activeChat();
    const second = await connectVictim(started);
    await second.next("welcome");
    for (let i = 0; i < 100; i++) (i % 2 ? victim : second).send({ type: "typing" });
    const typing = (await drained(chat, 500)).filter((f) => f.type === "typing");
    expect(typing).toHaveLength(1);
  });

  it("passes on a read mark only when it moves on", async () => {
    const { victim, chat } = await activeChat();
    chat.send({ type: "send", id: "officer-hello", text: "Hello, I'm here." });
    await victim.next("message");
    for (let i = 0; i < 50; i++) victim.send({ type: "read", seq: 1 });
    const reads = (await drained(chat, 500)).filter((f) => f.type === "read");
    expect(reads).toEqual([{ type: "read", role: "victim", seq: 1 }]);
  });
});

describe("tickets and sockets per chat", () => {
  it("gives a chat at most 10 tickets a minute, then a calm 429; expired tickets leave storage", async () => {
    const started = await startConversation();
    for (let i = 0; i < 10; i++) await ticketFor(started);
    const refused = await call(`/api/conversations/${started.conversationId}/tickets`, {
      method: "POST",
      headers: { Authorization: `Bearer ${started.token}` },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(await refused.json()).toMatchObject({ error: { code: "too-many" } });
    expect((await stored(started.conversationId)).tickets).toBe(10);

    // A minute later (their lifetime over), they are deleted as the next is issued.
    await runInDurableObject(env.Conversation.getByName(started.conversationId), (_instance: Conversation, state) => {
      state.storage.sql.exec("UPDATE tickets SET expires_at = 1");
    });
    await ticketFor(started);
    expect((await stored(started.conversationId)).tickets).toBe(1);
  });

  it("takes at most 4 of the victim's sockets at once, and refuses the fifth without spending its ticket", async () => {
    const started = await startConversation();
    const open = [];
    for (let i = 0; i < 4; i++) {
      const socket = await connectVictim(started);
      await socket.next("welcome");
      open.push(socket);
    }
    const ticket = await ticketFor(started);
    const path = `/parties/conversation/${started.conversationId}?ticket=${ticket}`;
    const refused = await upgrade(path);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "too-many" } });

    open[0]!.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const admitted = await TestSocket.open<ConversationServerFrame>(path);
    expect(await admitted.next("welcome")).toMatchObject({ role: "victim" });
  });
});

describe("a chat whose victim never connects", () => {
  it("gives up its place in the queue on the same timer as one whose victim left", async () => {
    const officer = await signedInOfficer();
    const queue = await connectQueue(officer.cookie);
    const started = await startConversation();
    await queue.next("queue", (f) => f.waiting.some((w) => w.conversationId === started.conversationId));

    // Nobody ever opens the socket; an alarm before its time changes nothing...
    const stub = env.Conversation.getByName(started.conversationId);
    const abandonAt = (await alarmOf(stub))!;
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const early = await env.DB.prepare("SELECT status FROM conversations WHERE id = ?").bind(started.conversationId).first();
    expect(early).toEqual({ status: "waiting" });
    expect(await alarmOf(stub)).toBe(abandonAt);
    // ...and at its time, the first job is the abandonment.
    await runNextAlarm(stub);
    const row = await env.DB.prepare("SELECT status, end_reason FROM conversations WHERE id = ?").bind(started.conversationId).first();
    expect(row).toEqual({ status: "ended", end_reason: "abandoned" });
    await queue.next("queue", (f) => !f.waiting.some((w) => w.conversationId === started.conversationId));
  });

  it("keeps the chat of a victim who connects in time", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    // The abandonment would have been due by now; the connection cancelled it.
    setClock(Date.now() + waitingAbandonMs);
    await runDurableObjectAlarm(env.Conversation.getByName(started.conversationId));
    const row = await env.DB.prepare("SELECT status FROM conversations WHERE id = ?").bind(started.conversationId).first();
    expect(row).toEqual({ status: "waiting" });
  });
});

describe("nothing of the server's inner workings reaches a client", () => {
  it("ignores partyserver's and quietline's own headers when a client sends them", async () => {
    const started = await startConversation();
    const ticket = await ticketFor(started);
    const response = await upgrade(`/parties/conversation/${started.conversationId}?ticket=${ticket}`, {
      "x-partykit-props": "{not json",
      "x-partykit-room": "someone-elses-chat",
      "x-quietline-staff": encodeURIComponent(JSON.stringify({ officerId: "forged", role: "admin", displayName: "Forged", sessionHash: null })),
    });
    expect(response.status).toBe(101);
    const socket = new TestSocket<ConversationServerFrame>(response.webSocket!);
    const welcome = await socket.next("welcome");
    expect(welcome).toMatchObject({ role: "victim" });
    expect(JSON.stringify(welcome)).not.toMatch(STACK);
    expect(socket.closed).toBeNull();
  });

  it("closes a socket whose set-up fails with a plain code and no stack", async () => {
    const { started, officer } = await activeChat();
    const stub = env.Conversation.getByName(started.conversationId);
    const spy = await runInDurableObject(stub, (instance: Conversation) =>
      vi.spyOn(instance.store, "messagesAfter").mockImplementation(() => {
        throw new Error("disk on fire at /work/main/worker/rooms/conversation-store.ts:1");
      }),
    );
    try {
      const response = await upgrade(`/parties/conversation/${started.conversationId}`, { Cookie: officer.cookie });
      expect(response.status).toBe(101);
      const ws = response.webSocket!;
      const received: string[] = [];
      const closed = new Promise<{ code: number; reason: string }>((resolve) => {
        ws.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason }));
      });
      ws.addEventListener("message", (event) => received.push(String(event.data)));
      ws.accept();
      const { code, reason } = await closed;
      expect(code).toBe(1011);
      expect(`${received.join("\n")}\n${reason}`).not.toMatch(STACK);
    } finally {
      spy.mockRestore();
    }
  });
});
