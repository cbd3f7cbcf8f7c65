/**
 * The copy of a chat's messages in D1 (worker/archive/d1-copy.ts), which Records and the crime
 * report read: many messages to a statement and several statements to a batch, each message
 * once, and a translation that arrives after a message was copied reaches D1 on the next copy.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { copyToD1, type ArchivedConversation } from "../../worker/archive/d1-copy";
import type { ChatMessage } from "../../worker/shared/protocol";
import { startConversation } from "./harness";

function messagesUpTo(count: number, translation: ChatMessage["translation"]): ChatMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `client-${i + 1}`,
    seq: i + 1,
    from: i % 2 === 0 ? "victim" : "officer",
    text: `message ${i + 1}`,
    sentAt: 1_000 + i,
    language: "pl",
    translation,
  }));
}

async function copied(conversationId: string) {
  const { results } = await env.DB.prepare(
    "SELECT seq, client_id, sender, body, translation_status, translation_text, digest FROM messages WHERE conversation_id = ? ORDER BY seq",
  )
    .bind(conversationId)
    .all<{ seq: number; client_id: string; sender: string; body: string; translation_status: string; translation_text: string | null; digest: string | null }>();
  return results;
}

describe("copying a chat's messages to D1", () => {
  it("copies a long chat whole, each message once, in more statements and batches than one", async () => {
    const { conversationId } = await startConversation();
    const record: ArchivedConversation = { id: conversationId, status: "active", officerId: null, acceptedAt: null, endedAt: null, endReason: null, flushedSeq: 0, outcome: null };
    // 70 messages of 12 columns: 9 statements (8 rows each, under D1's 100 parameters), 2 batches.
    const pending = { status: "pending", text: null, to: "en", model: null } as const;
    const digests = new Map(Array.from({ length: 70 }, (_, i) => [i + 1, `digest-${i + 1}`] as const));
    await copyToD1(env, record, messagesUpTo(70, pending), { digests });
    const rows = await copied(conversationId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(rows[69]).toMatchObject({ client_id: "client-70", sender: "officer", body: "message 70", translation_status: "pending", digest: "digest-70" });

    // Copied again after the translations arrived: the same rows, now translated.
    const done = { status: "done", text: "translated", to: "en", model: "test:model" } as const;
    await copyToD1(env, record, messagesUpTo(70, done), { everything: true, digests });
    const again = await copied(conversationId);
    expect(again).toHaveLength(70);
    expect(again.every((r) => r.translation_status === "done" && r.translation_text === "translated")).toBe(true);
    expect(again[0]).toMatchObject({ body: "message 1", digest: "digest-1" });
  });

  it("copies only what is new since the last copy", async () => {
    const { conversationId } = await startConversation();
    const record: ArchivedConversation = { id: conversationId, status: "active", officerId: null, acceptedAt: null, endedAt: null, endReason: null, flushedSeq: 0, outcome: null };
    const none = { status: "not-needed", text: null, to: null, model: null } as const;
    await copyToD1(env, record, messagesUpTo(3, none));
    await env.DB.prepare("UPDATE messages SET body = 'changed in D1' WHERE conversation_id = ? AND seq = 1").bind(conversationId).run();
    await copyToD1(env, { ...record, flushedSeq: 3 }, messagesUpTo(5, none));
    const rows = await copied(conversationId);
    expect(rows.map((r) => [r.seq, r.body])).toEqual([
      [1, "changed in D1"],
      [2, "message 2"],
      [3, "message 3"],
      [4, "message 4"],
      [5, "message 5"],
    ]);
  });
});
