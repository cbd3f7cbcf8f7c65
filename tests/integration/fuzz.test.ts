/**
 * Hostile input by the thousand. A seeded generator makes frames and request bodies that are
 * wrong in every way it knows (wrong types, missing fields, huge strings, deep nesting, invalid
 * UTF-8, binary frames, replayed and out-of-order frames); the Conversation must answer each
 * calmly, store nothing from them, and still work afterwards. The seed is fixed, so a failure
 * can be replayed exactly.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../worker/rooms/conversation/conversation";
import { ConversationClientFrame } from "../../worker/shared/protocol";
import { activeChat, call, connectOfficer, signedInOfficer, type ConversationSocket } from "./harness";

/** A small deterministic PRNG (mulberry32), so every run sends the same frames. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ["send", "note", "outcome", "retry-translation", "end", "location", "typing", "read", "still-here", "welcome", "", "SEND", "__proto__"];
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "<script>alert(1)</script>",
  "'; DROP TABLE messages; --",
  "\ud800",
  "x".repeat(4001),
  "🙂".repeat(3000),
  "\u202e\u2066",
  "constructor",
  "__proto__",
];

function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const value = (depth = 0): unknown => {
    switch (Math.floor(next() * (depth > 3 ? 5 : 8))) {
      case 0: return pick(NASTY_STRINGS);
      case 1: return pick([0, -1, 1.5, 2 ** 53, -(2 ** 60), Number.MAX_VALUE]);
      case 2: return pick([true, false, null]);
      case 3: return "x".repeat(Math.floor(next() * 20_000));
      case 4: return String.fromCharCode(...Array.from({ length: 12 }, () => Math.floor(next() * 0xffff)));
      case 5: return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      case 6: return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(["id", "text", "seq", "type", "latitude", "quietly", "__proto__"]), value(depth + 1)]));
      default: return { type: pick(TYPES), id: value(depth + 1), text: value(depth + 1), seq: value(depth + 1) };
    }
  };
  const nested = (depth: number): string => "[".repeat(depth) + "]".repeat(depth);

  /** One hostile frame: text (JSON or not) or binary. */
  return (): string | ArrayBuffer => {
    switch (Math.floor(next() * 7)) {
      case 0: {
        // Binary, often not valid UTF-8.
        const bytes = new Uint8Array(1 + Math.floor(next() * 64));
        for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
        return bytes.buffer;
      }
      case 1: return pick(["{", "null", "[]", "\"send\"", "{\"type\":", "undefined", "NaN", "}{"]);
      case 2: return nested(50 + Math.floor(next() * 5000));
      case 3: return JSON.stringify({ type: "send", text: value() });
      case 4: return JSON.stringify({ type: pick(TYPES), ...(value() as object) });
      case 5: return JSON.stringify({ type: "read", seq: pick([-1, 1.5, "9", null, 2 ** 64]) });
      default: return JSON.stringify(value());
    }
  };
}

/** Frames that would really change the chat (end it, store something) are not hostile: skip them. */
function harmless(frame: string | ArrayBuffer): boolean {
  if (typeof frame !== "string") return true;
  try {
    const parsed = ConversationClientFrame.safeParse(JSON.parse(frame));
    return !parsed.success || ["typing", "read", "still-here"].includes(parsed.data.type);
  } catch {
    return true;
  }
}

async function stored(conversationId: string) {
  return runInDurableObject(env.Conversation.getByName(conversationId), (instance: Conversation) => ({
    messages: instance.store.messagesAfter(0).map((m) => [m.seq, m.text]),
    entries: instance.store.entries().map((e) => e.digest),
    notes: instance.store.notes().length,
    locations: instance.store.locations().length,
    status: instance.store.read()?.status,
  }));
}

async function storm(socket: ConversationSocket, seed: number, count: number) {
  const make = generator(seed);
  let sent = 0;
  while (sent < count) {
    const frame = make();
    if (!harmless(frame)) continue;
    socket.ws.send(frame);
    sent++;
  }
}

describe("hostile frames", () => {
  it("survives 10,000 of them from both sides: nothing crashes, nothing is stored, the chat still works", async () => {
    const { started, victim, chat } = await activeChat();
    victim.send({ type: "send", id: "before-the-storm", text: "Are you there?" });
    await chat.next("message");
    const before = await stored(started.conversationId);

    await storm(victim, 20261128, 6_000);
    await storm(chat, 42, 4_000);
    // Replayed and out of order: the same message id again with other words, and read marks far ahead.
    victim.send({ type: "send", id: "before-the-storm", text: "Something else entirely" });
    const replayed = await victim.next("ack", (f) => f.id === "before-the-storm", 60_000);
    expect(replayed.seq).toBe(1);
    chat.send({ type: "read", seq: 1_000_000 });
    expect((await victim.next("read", (f) => f.role === "officer", 60_000)).seq).toBe(1);

    expect(await stored(started.conversationId)).toEqual(before);
    expect(victim.closed).toBeNull();
    expect(chat.closed).toBeNull();

    // Still a working conversation, with no gap in the numbering.
    victim.send({ type: "send", id: "after-the-storm", text: "Still here" });
    expect((await victim.next("ack", (f) => f.id === "after-the-storm")).seq).toBe(2);
    expect((await chat.next("message", (f) => f.message.id === "after-the-storm")).message.text).toBe("Still here");
  }, 120_000);
});

/**
 * Well-formed frames a role may not send (rooms/frame-rules.ts), and floods of the ones it may:
 * each answered or dropped, none stored. Notes and outcomes are not socket frames at all.
 */
const FORBIDDEN: Record<"victim" | "officer" | "observer", object[]> = {
  victim: [
    { type: "retry-translation", seq: 1 },
    { type: "more-time" },
    { type: "note", text: "Officer's note: allegation withdrawn." },
    { type: "outcome", outcome: "advice-given" },
  ],
  officer: [
    { type: "location", latitude: 51.5, longitude: -0.12, accuracy: 5 },
    { type: "still-here" },
    { type: "note", text: "a note over the socket" },
    { type: "outcome", outcome: "crime-recorded", crimeReference: "ABC/1" },
  ],
  observer: [
    { type: "send", id: "observer-message", text: "hello" },
    { type: "typing" },
    { type: "read", seq: 1 },
    { type: "location", latitude: 0, longitude: 0, accuracy: 1 },
    { type: "retry-translation", seq: 1 },
    { type: "still-here" },
    { type: "more-time" },
    { type: "end" },
  ],
};
const FLOOD = [{ type: "typing" }, { type: "read", seq: 1 }, { type: "still-here" }];

describe("frames from the wrong side", () => {
  it("takes nothing from 6,000 well-formed frames a role may not send, or floods of liveliness, and the chat still works", async () => {
    const { started, victim, chat } = await activeChat();
    const reader = await connectOfficer(started.conversationId, (await signedInOfficer("supervisor")).cookie);
    await reader.next("welcome");
    victim.send({ type: "send", id: "before-the-storm", text: "Are you there?" });
    await chat.next("message");
    const before = await stored(started.conversationId);

    const next = random(16);
    const sockets = { victim, officer: chat, observer: reader };
    for (let i = 0; i < 6_000; i++) {
      const role = (["victim", "officer", "observer"] as const)[i % 3]!;
      const frames = role === "observer" || next() < 0.7 ? FORBIDDEN[role] : FLOOD;
      sockets[role].send(frames[Math.floor(next() * frames.length)]!);
    }
    // A frame sent after the storm is answered after it: everything before has been handled.
    victim.send({ type: "send", id: "after-the-storm", text: "Still here" });
    expect((await victim.next("ack", (f) => f.id === "after-the-storm", 60_000)).seq).toBe(2);
    expect((await chat.next("message", (f) => f.message.id === "after-the-storm", 60_000)).message.text).toBe("Still here");

    const after = await stored(started.conversationId);
    // Only the one message, its record entry, and nothing else.
    expect(after.messages).toEqual([...before.messages, [2, "Still here"]]);
    expect(after.entries.length).toBe(before.entries.length + 1);
    expect({ ...after, messages: [], entries: [] }).toEqual({ ...before, messages: [], entries: [] });
    for (const socket of [victim, chat, reader]) expect(socket.closed).toBeNull();
  }, 120_000);
});

describe("hostile request bodies", () => {
  it("answers 2,000 of them with a calm 4xx and no stack, SQL or path", async () => {
    const { started, officer } = await activeChat();
    const make = generator(7);
    const targets = [
      { path: "/api/conversations", cookie: null },
      { path: "/api/session", cookie: null },
      { path: `/api/conversations/${started.conversationId}/assessment`, cookie: officer.cookie },
      { path: "/api/records/search", cookie: officer.cookie },
      { path: `/api/records/${started.conversationId}/notes`, cookie: officer.cookie },
      { path: `/api/conversations/${started.conversationId}/notes`, cookie: officer.cookie },
      { path: `/api/conversations/${started.conversationId}/outcome`, cookie: officer.cookie },
      { path: `/api/conversations/${started.conversationId}/resume-code`, cookie: null },
    ];
    let checked = 0;
    while (checked < 2_000) {
      const body = make();
      const target = targets[checked % targets.length]!;
      const response = await call(target.path, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(target.cookie ? { Cookie: target.cookie } : {}) },
        body,
      });
      const text = await response.text();
      // A body that happens to be a valid start ({} or a language) may start a chat: that is allowed.
      expect(response.status, `${target.path} ${String(body).slice(0, 80)}`).toBeLessThan(500);
      expect(text).not.toMatch(/at \w+ \(|\.ts:\d+|SQLITE|D1_ERROR|\/work\//);
      checked++;
    }
  }, 180_000);
});
