import { describe, expect, it } from "vitest";
import { MessageLedger } from "../../app/lib/chat/ledger";

const untranslated = { status: "not-needed", text: null, to: null, model: null } as const;
const message = (seq: number, text = `m${seq}`, from: "victim" | "officer" = "officer", id = `id-${seq}`) => ({
  id,
  seq,
  from,
  text,
  sentAt: 1_000 + seq,
  language: "en",
  translation: untranslated,
});

describe("the client's message ledger", () => {
  it("keeps messages once each, in seq order, whatever order they arrive in", () => {
    const ledger = new MessageLedger();
    for (const seq of [1, 3, 2, 3, 1]) ledger.receive(message(seq));
    expect(ledger.confirmed.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(ledger.lastSeq).toBe(3);
  });

  it("reports a gap, and resumes from the last seq before it", () => {
    const ledger = new MessageLedger();
    expect(ledger.receive(message(1))).toBe(true);
    expect(ledger.receive(message(3))).toBe(false);
    expect(ledger.lastSeq).toBe(1);
    ledger.receive(message(2));
    expect(ledger.lastSeq).toBe(3);
  });

  it("holds a written message as pending until acked, and resends it until then", () => {
    const ledger = new MessageLedger();
    ledger.compose("mine-1", "victim", "help");
    ledger.compose("mine-2", "victim", "please");
    expect(ledger.resendFrames()).toEqual([
      { type: "send", id: "mine-1", text: "help" },
      { type: "send", id: "mine-2", text: "please" },
    ]);
    ledger.ack({ id: "mine-1", seq: 1, sentAt: 5_000, language: "en", translation: untranslated });
    expect(ledger.pending.map((p) => p.id)).toEqual(["mine-2"]);
    expect(ledger.confirmed).toEqual([
      { id: "mine-1", seq: 1, from: "victim", text: "help", sentAt: 5_000, language: "en", translation: untranslated },
    ]);
    // Hearing our own message from the server also confirms it.
    ledger.receive(message(2, "please", "victim", "mine-2"));
    expect(ledger.pending).toEqual([]);
  });

  it("resends a quick reply as the quick reply it is, so its reviewed translation is kept", () => {
    const ledger = new MessageLedger();
    expect(ledger.compose("reply-1", "officer", "Are you safe to talk right now?", "safety-safe-to-talk")).toEqual({
      type: "send",
      id: "reply-1",
      text: "Are you safe to talk right now?",
      quickReply: "safety-safe-to-talk",
    });
    ledger.compose("typed-1", "officer", "I am here.");
    expect(ledger.resendFrames()).toEqual([
      { type: "send", id: "reply-1", text: "Are you safe to talk right now?", quickReply: "safety-safe-to-talk" },
      { type: "send", id: "typed-1", text: "I am here." },
    ]);
  });

  it("bounds the unsent queue", () => {
    const ledger = new MessageLedger(2);
    expect(ledger.compose("a-1", "victim", "a")).not.toBeNull();
    expect(ledger.compose("b-1", "victim", "b")).not.toBeNull();
    expect(ledger.compose("c-1", "victim", "c")).toBeNull();
    expect(ledger.pending).toHaveLength(2);
  });
});

describe("translations in the ledger", () => {
  it("arrive as an update to a message already held", () => {
    const ledger = new MessageLedger();
    ledger.receive(message(1, "Dzień dobry", "victim"));
    const done = { status: "done", text: "Good morning", to: "en", model: "workers-ai:@cf/meta/m2m100-1.2b" } as const;
    ledger.translated(1, done);
    expect(ledger.confirmed[0]).toMatchObject({ text: "Dzień dobry", translation: done });
    ledger.translated(7, done);
    expect(ledger.confirmed).toHaveLength(1);
  });
});
