/**
 * When a chat ends its record leaves the Durable Object: the messages go to D1, where they can
 * be queried across conversations, and a JSON transcript goes to R2 under its SHA-256.
 * Every step is idempotent, so a failed archive can simply be run again.
 */
import { eq } from "drizzle-orm";
import type { ChatMessage } from "../shared/protocol";
import { database } from "../db/client";
import { conversations, messages } from "../db/schema";
import type { ConversationRecord } from "../rooms/conversation-store";
import { sha256Hex } from "../auth/secrets";

export const TRANSCRIPT_FORMAT = "quietline.transcript/1";

const iso = (millis: number | null) => (millis === null ? null : new Date(millis).toISOString());

export function transcriptDocument(record: ConversationRecord, chat: ChatMessage[]) {
  return {
    format: TRANSCRIPT_FORMAT,
    conversationId: record.id,
    officerId: record.officerId,
    startedAt: iso(record.createdAt),
    acceptedAt: iso(record.acceptedAt),
    endedAt: iso(record.endedAt),
    endReason: record.endReason,
    messages: chat.map((m) => ({
      seq: m.seq,
      from: m.from,
      clientId: m.id,
      text: m.text,
      sentAt: iso(m.sentAt),
    })),
  };
}

export async function archiveConversation(
  env: Pick<Env, "DB" | "TRANSCRIPTS">,
  record: ConversationRecord,
  chat: ChatMessage[],
): Promise<{ key: string; sha256: string }> {
  const body = JSON.stringify(transcriptDocument(record, chat));
  const sha256 = await sha256Hex(body);
  const key = `transcripts/${record.id}/${sha256}.json`;
  await env.TRANSCRIPTS.put(key, body, {
    httpMetadata: { contentType: "application/json" },
    customMetadata: { conversationId: record.id, sha256 },
    sha256,
  });

  const db = database(env.DB);
  const inserts = chat.map((m) =>
    db
      .insert(messages)
      .values({
        conversationId: record.id,
        seq: m.seq,
        clientId: m.id,
        sender: m.from,
        body: m.text,
        sentAt: m.sentAt,
      })
      .onConflictDoNothing(),
  );
  const update = db
    .update(conversations)
    .set({
      status: "ended",
      endedAt: record.endedAt,
      endReason: record.endReason,
      officerId: record.officerId,
      acceptedAt: record.acceptedAt,
      transcriptKey: key,
      transcriptSha256: sha256,
    })
    .where(eq(conversations.id, record.id));
  await db.batch([update, ...inserts]);
  return { key, sha256 };
}
