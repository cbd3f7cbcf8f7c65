/**
 * What a message costs its Conversation's storage, and what that storage keeps: a message is
 * written once (its row is also its link in the record), and a chat stored by code from before
 * that change carries on, its record still one chain from the first entry to the last.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../worker/rooms/conversation/conversation";
import { SCHEMA_STEPS } from "../../worker/rooms/conversation/conversation-store";
import { migrate } from "../../worker/rooms/sqlite-migrations";
import { chainEntry, checkChain, FROM_NOTHING } from "../../worker/transcripts/chain";
import { buildTranscript } from "../../worker/transcripts/document";
import { entry } from "../../worker/transcripts/entries";
import type { RecordEntry } from "../../worker/shared/record/entry";
import { activeChat, type ConversationSocket } from "./harness";

/** Counts the SQL statements the Conversation runs while `work` goes on. */
async function statementsDuring(conversationId: string, work: () => Promise<unknown>): Promise<number> {
  const stub = env.Conversation.getByName(conversationId);
  await runInDurableObject(stub, (_instance: Conversation, state) => {
    const sql = state.storage.sql as SqlStorage & { counted?: number };
    const exec = sql.exec;
    sql.counted = 0;
    sql.exec = function (this: SqlStorage, ...args: Parameters<SqlStorage["exec"]>) {
      (sql.counted as number)++;
      return exec.apply(this, args);
    } as SqlStorage["exec"];
  });
  await work();
  return runInDurableObject(stub, (_instance: Conversation, state) => {
    const sql = state.storage.sql as SqlStorage & { counted?: number };
    const counted = sql.counted ?? -1;
    delete (sql as { exec?: unknown }).exec;
    delete sql.counted;
    return counted;
  });
}

async function sent(socket: ConversationSocket, id: string, text: string) {
  socket.send({ type: "send", id, text });
  return socket.next("ack", (f) => f.id === id);
}

describe("a message's writes", () => {
  it("store a message with one statement, from either side (the quiet clock reads the victim's stored message)", async () => {
    const { started, victim, chat } = await activeChat();
    // The first messages read what later ones keep in memory (the last seq, the chain's head).
    await sent(victim, "warm-victim", "Hello, is anyone there?");
    await sent(chat, "warm-officer", "Yes, I am here.");
    const victimWrites = await statementsDuring(started.conversationId, () => sent(victim, "counted-victim", "I need some help please"));
    const officerWrites = await statementsDuring(started.conversationId, () => sent(chat, "counted-officer", "Tell me what happened."));
    console.log(`SQL statements per message: victim ${victimWrites}, officer ${officerWrites}`);
    expect(victimWrites).toBe(1);
    expect(officerWrites).toBe(1);
  });
});

describe("a chat stored before messages were written once", () => {
  it("carries on after the upgrade: old and new messages form one chain, and translations and corrections leave the record as it was", async () => {
    const stub = env.Conversation.getByName("stored-by-older-code");
    const expected = await runInDurableObject(stub, (instance: Conversation, state) => {
      // The schema and data as the code before this change left them.
      migrate(state.storage, "conversation", SCHEMA_STEPS.slice(0, 8));
      const sql = state.storage.sql;
      sql.exec(
        `INSERT INTO conversation (singleton, id, status, token_hash, created_at, victim_active_at, victim_language, officer_id, accepted_at)
         VALUES (1, 'stored-by-older-code', 'active', 'x', 1000, 1000, 'en', 'officer-1', 2000)`,
      );
      const chain: RecordEntry[] = [];
      /** The next link, as the record must hold it. */
      const chained = (content: Parameters<typeof chainEntry>[1]) => {
        const link = chainEntry(chain.at(-1) ? { n: chain.at(-1)!.n, head: chain.at(-1)!.digest } : FROM_NOTHING, content);
        chain.push(link);
        return link;
      };
      /** A link as the older code stored it. */
      const add = (content: Parameters<typeof chainEntry>[1]) => {
        const link = chained(content);
        sql.exec("INSERT INTO record_entries (n, entry, digest) VALUES (?, ?, ?)", link.n, JSON.stringify(link), link.digest);
      };
      add(entry.opened("stored-by-older-code", 1000, { language: "en", returning: false }));
      add(entry.accepted("officer-1", 2000));
      const pending = { status: "pending", text: null, to: "en", model: null } as const;
      sql.exec(
        `INSERT INTO messages (seq, client_id, sender, body, sent_at, language, translation_status, translation_to)
         VALUES (1, 'old-1', 'victim', 'Ajutor', 3000, 'ro', 'pending', 'en')`,
      );
      add(entry.message({ seq: 1, from: "victim", clientId: "old-1", text: "Ajutor", language: "ro", translation: pending, sentAt: 3000 }, null));

      // The new code opens it: the schema steps run, and it carries on from the same chain.
      const store = instance.store;
      const stored = store.appendMessage({
        from: "officer", clientId: "new-1", text: "I am here.", sentAt: 4000, language: "en",
        translation: { status: "pending", text: null, to: "ro", model: null }, officerId: "officer-1",
      });
      expect(stored?.message.seq).toBe(2);
      chained(entry.message({ seq: 2, from: "officer", clientId: "new-1", text: "I am here.", language: "en", translation: { status: "pending", text: null, to: "ro", model: null }, sentAt: 4000 }, "officer-1"));
      // A resend of it is no new message.
      expect(store.appendMessage({ from: "officer", clientId: "new-1", text: "I am here.", sentAt: 4100, language: "en", translation: pending, officerId: "officer-1" })).toBeNull();
      // Translations arrive for both, and an officer corrects a language: the messages change,
      // the record gains entries for it, and the message entries stay as they were chained.
      for (const seq of [1, 2]) {
        const translation = { status: "done", text: seq === 1 ? "Help" : "Sunt aici.", to: seq === 1 ? "en" : "ro", model: "test" } as const;
        store.setTranslation(seq, translation);
        expect(store.appendEntry(entry.translation({ seq, ...translation }, 5000 + seq))).toEqual(chained(entry.translation({ seq, ...translation }, 5000 + seq)));
      }
      expect(store.message(2)?.translation.text).toBe("Sunt aici.");
      const off = { status: "off", text: null, to: "en", model: null } as const;
      store.appendMessage({ from: "victim", clientId: "new-2", text: "Grazie", sentAt: 6000, language: "ro", translation: off, officerId: null });
      chained(entry.message({ seq: 3, from: "victim", clientId: "new-2", text: "Grazie", language: "ro", translation: off, sentAt: 6000 }, null));
      const correction = { seq: 3, readAs: "ro", language: "it", officerId: "officer-1" };
      expect(store.appendEntry(entry.language(correction, 7000))).toEqual(chained(entry.language(correction, 7000)));
      expect(store.correctLanguage(3, "ro", "it")).toEqual([3]);
      expect(store.message(3)?.language).toBe("it");
      return { chain, entries: store.entries(), fromSecond: store.entriesAfter(3, 1) };
    });
    expect(expected.entries).toEqual(expected.chain);
    expect(checkChain(expected.entries)).toBeNull();
    // The live copy's next part, from where an earlier one (up to entry 3, message 1) stopped.
    expect(expected.fromSecond).toEqual(expected.chain.slice(3));
    expect(buildTranscript(expected.entries).messages.map((m) => [m.seq, m.text, m.language, m.translation.text])).toEqual([
      [1, "Ajutor", "ro", "Help"],
      [2, "I am here.", "en", "Sunt aici."],
      [3, "Grazie", "it", null],
    ]);
  });
});
