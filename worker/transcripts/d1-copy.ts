/**
 * Copies a conversation's record out of its Durable Object: messages to D1, where they can be
 * queried across conversations, and a JSON transcript to R2.
 *
 * - While a chat is live, `flush` runs by alarm: new messages go to D1 and a working copy of the
 *   transcript to `transcripts/<id>/live.json`, so a chat that never ends cleanly is still kept.
 * - When it ends, `archive` writes the final transcript under its SHA-256, records the digest
 *   in D1 and removes the working copy.
 * Every step is idempotent (messages are keyed by conversation and seq), so a retry never
 * writes a message twice.
 */
import { eq } from "drizzle-orm";
import type { AssessmentEntry, ChatMessage, PrivateNote, SharedLocation } from "../shared/protocol";
import { assessmentEntriesOf, viewOf } from "../assessment/store";
import { database } from "../db/client";
import { conversations, messages } from "../db/schema";
import type { ConversationRecord } from "../rooms/conversation-store";
import { sha256Hex } from "../auth/secrets";

export const TRANSCRIPT_FORMAT = "quietline.transcript/1";
/** D1 allows at most 100 bound parameters a statement; batches stay well inside its limits. */
const MESSAGES_PER_BATCH = 50;

type ArchiveEnv = Pick<Env, "DB" | "TRANSCRIPTS">;

const iso = (millis: number | null) => (millis === null ? null : new Date(millis).toISOString());

export function transcriptDocument(
  record: ConversationRecord,
  chat: ChatMessage[],
  locations: SharedLocation[] = [],
  assessment: AssessmentEntry[] = [],
  notes: PrivateNote[] = [],
) {
  const graded = viewOf(assessment);
  return {
    format: TRANSCRIPT_FORMAT,
    conversationId: record.id,
    status: record.status,
    officerId: record.officerId,
    startedAt: iso(record.createdAt),
    acceptedAt: iso(record.acceptedAt),
    endedAt: iso(record.endedAt),
    endReason: record.endReason,
    victimLanguage: record.victim.language,
    returning: record.victim.returning,
    locations: locations.map((l) => ({ ...l, at: iso(l.at) })),
    outcome: record.outcome ? { ...record.outcome, at: iso(record.outcome.at) } : null,
    /** Officers' private notes: never shown to the victim, kept in the record. */
    notes: notes.map((n) => ({ ...n, at: iso(n.at) })),
    /** The risk assessment: every change with who made it and when, and the grading it gives. */
    assessment: {
      questionnaire: graded.questionnaire.id,
      entries: assessment.map((e) => ({ ...e, at: iso(e.at) })),
      grading: graded.grading,
    },
    messages: chat.map((m) => ({
      seq: m.seq,
      from: m.from,
      clientId: m.id,
      /** Exactly as written. */
      text: m.text,
      language: m.language,
      sentAt: iso(m.sentAt),
      /** The translation the other side saw, and the provider and model that made it. */
      translation: m.translation,
    })),
  };
}

const liveKey = (conversationId: string) => `transcripts/${conversationId}/live.json`;

/** Copies messages after `record.flushedSeq` and the conversation's state to D1. */
async function copyToD1(
  env: ArchiveEnv,
  record: ConversationRecord,
  chat: ChatMessage[],
  options: { everything?: boolean; extra?: Partial<typeof conversations.$inferInsert> } = {},
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
        })
        // A message copied while its translation was pending gets the translation when copied again.
        .onConflictDoUpdate({
          target: [messages.conversationId, messages.seq],
          set: {
            translationStatus: m.translation.status,
            translationText: m.translation.text,
            translationTo: m.translation.to,
            translationModel: m.translation.model,
          },
        }),
    );
    const [first, ...rest] = inserts;
    if (first) await db.batch([first, ...rest]);
  }
  await update;
}

/** The periodic copy of a live chat. Returns the highest seq now safely in D1. */
export async function flush(
  env: ArchiveEnv,
  record: ConversationRecord,
  chat: ChatMessage[],
  locations: SharedLocation[],
  notes: PrivateNote[],
): Promise<number> {
  await copyToD1(env, record, chat);
  const assessment = await assessmentEntriesOf(env.DB, record.id);
  await env.TRANSCRIPTS.put(liveKey(record.id), JSON.stringify(transcriptDocument(record, chat, locations, assessment, notes)), {
    httpMetadata: { contentType: "application/json" },
  });
  return chat.at(-1)?.seq ?? record.flushedSeq;
}

/** The final record of an ended chat. */
export async function archive(
  env: ArchiveEnv,
  record: ConversationRecord,
  chat: ChatMessage[],
  locations: SharedLocation[],
  notes: PrivateNote[],
): Promise<{ key: string; sha256: string }> {
  const assessment = await assessmentEntriesOf(env.DB, record.id);
  const body = JSON.stringify(transcriptDocument(record, chat, locations, assessment, notes));
  const sha256 = await sha256Hex(body);
  const key = `transcripts/${record.id}/${sha256}.json`;
  await env.TRANSCRIPTS.put(key, body, {
    httpMetadata: { contentType: "application/json" },
    customMetadata: { conversationId: record.id, sha256 },
    sha256,
  });
  await copyToD1(env, record, chat, { everything: true, extra: { transcriptKey: key, transcriptSha256: sha256 } });
  await env.TRANSCRIPTS.delete(liveKey(record.id));
  return { key, sha256 };
}
