/**
 * Copies a conversation's messages and state from its Durable Object into D1, where they can be
 * queried across conversations. Idempotent: messages are keyed by conversation and seq, so a
 * retried copy never writes a message twice.
 */
import { eq, sql, type Column } from "drizzle-orm";
import type { ChatMessage, ConversationStatus, EndReason, Outcome } from "../shared/protocol";
import { database } from "../db/client";
import { conversations, messages } from "../db/schema";
import { inGroupsOf } from "../shared/in-groups";
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

/** D1 allows at most 100 bound parameters a statement: a statement inserts as many rows as fit. */
const D1_MOST_PARAMETERS = 100;
/** Statements sent to D1 in one batch: a long first copy goes in several, each well inside D1's limits. */
const STATEMENTS_PER_BATCH = 8;

/** In an upsert's update, the value the row would have been inserted with. */
const excluded = (column: Column) => sql`excluded.${sql.identifier(column.name)}`;

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
  const rows = fresh.map((m) => ({
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
  }));
  // Many rows to a statement, not one each: a copy's cost is mostly building statements (BENCHMARKS.md, issue 20).
  const rowsPerStatement = rows[0] ? Math.max(1, Math.floor(D1_MOST_PARAMETERS / Object.keys(rows[0]).length)) : 1;
  const inserts = inGroupsOf(rows, rowsPerStatement).map((group) =>
    db
      .insert(messages)
      .values(group)
      // A message copied while its translation was pending gets the translation when copied again.
      .onConflictDoUpdate({
        target: [messages.conversationId, messages.seq],
        set: {
          translationStatus: excluded(messages.translationStatus),
          translationText: excluded(messages.translationText),
          translationTo: excluded(messages.translationTo),
          translationModel: excluded(messages.translationModel),
          digest: excluded(messages.digest),
        },
      }),
  );
  for (const [first, ...rest] of inGroupsOf(inserts, STATEMENTS_PER_BATCH)) {
    if (first) await db.batch([first, ...rest]);
  }
  await update;
}

