/**
 * Copies a conversation's messages and state from its Durable Object into D1, where they can be
 * queried across conversations. Idempotent: messages are keyed by conversation and seq, so a
 * retried copy never writes a message twice.
 */
import { eq } from "drizzle-orm";
import type { ChatMessage, ConversationStatus, EndReason, Outcome } from "../shared/protocol";
import { database } from "../db/client";
import { conversations, messages } from "../db/schema";
import type { RecordEntry } from "../shared/record/entry";

/**
 * What archiving reads of a conversation's state. The Conversation passes its stored record,
 * which has these and more; declared here so archiving does not depend on the Durable Object.
 */
export interface ArchivedConversation {
  id: string;
  status: ConversationStatus;
  officerId: string | null;
  acceptedAt: number | null;
  endedAt: number | null;
  endReason: EndReason | null;
  /** Highest seq already copied to D1. */
  flushedSeq: number;
  outcome: Outcome | null;
}

/** D1 allows at most 100 bound parameters a statement; batches stay well inside its limits. */
const MESSAGES_PER_BATCH = 50;

type CopyEnv = Pick<Env, "DB">;

/** Each message's digest in the record, by seq. */
export function messageDigests(entries: readonly RecordEntry[]): Map<number, string> {
  return new Map(
    entries.filter((e) => e.kind === "message").map((e) => [e.data.seq, e.digest] as const),
  );
}

/** Copies messages after `record.flushedSeq` and the conversation's state to D1. */
export async function copyToD1(
  env: CopyEnv,
  record: ArchivedConversation,
  chat: ChatMessage[],
  options: { everything?: boolean; digests?: ReadonlyMap<number, string>; extra?: Partial<typeof conversations.$inferInsert> } = {},
) {
  const db = database(env.DB);
  // The final copy takes every message again, so translations that arrived later are kept too.
  const fresh = options.everything ? chat : chat.filter((m) => m.seq > record.flushedSeq);
  const update = db
    .update(conversations)
    .set({
      status: record.status,
      endedAt: record.endedAt,
      endReason: record.endReason,
      officerId: record.officerId,
      acceptedAt: record.acceptedAt,
      outcome: record.outcome?.outcome ?? null,
      crimeReference: record.outcome?.crimeReference ?? null,
      ...options.extra,
    })
    .where(eq(conversations.id, record.id));
  for (let start = 0; start < fresh.length; start += MESSAGES_PER_BATCH) {
    const inserts = fresh.slice(start, start + MESSAGES_PER_BATCH).map((m) =>
      db
        .insert(messages)
        .values({
          conversationId: record.id,
          seq: m.seq,
          clientId: m.id,
          sender: m.from,
          body: m.text,
          sentAt: m.sentAt,
          language: m.language,
          translationStatus: m.translation.status,
          translationText: m.translation.text,
          translationTo: m.translation.to,
          translationModel: m.translation.model,
          digest: options.digests?.get(m.seq) ?? null,
        })
        // A message copied while its translation was pending gets the translation when copied again.
        .onConflictDoUpdate({
          target: [messages.conversationId, messages.seq],
          set: {
            translationStatus: m.translation.status,
            translationText: m.translation.text,
            translationTo: m.translation.to,
            translationModel: m.translation.model,
            digest: options.digests?.get(m.seq) ?? null,
          },
        }),
    );
    const [first, ...rest] = inserts;
    if (first) await db.batch([first, ...rest]);
  }
  await update;
}

