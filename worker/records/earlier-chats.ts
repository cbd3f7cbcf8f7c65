/** A returning victim's earlier chats, as the officer of their next one reads them. */
import { and, asc, eq, lt, ne } from "drizzle-orm";
import { assessmentEntriesOf, viewOf } from "../assessment/store";
import { database } from "../db/client";
import { conversations, messages } from "../db/schema";

/** An earlier chat's risk grading, for the next officer: null when nobody assessed it. */
async function assessmentSummary(db: D1Database, conversationId: string) {
  const entries = await assessmentEntriesOf(db, conversationId);
  if (entries.length === 0) return null;
  const { grading } = viewOf(entries);
  return { grade: grading.grade, yesCount: grading.yesCount, maracReferral: grading.maracReferral };
}

/**
 * A returning victim's chats before `current`, oldest first, with their messages as copied to
 * D1. Only chats that began before this one and have ended: a later chat, or one still going,
 * is someone else's live conversation, not history. An erased record shows that it was, never
 * what was said.
 */
export async function earlierInThread(db: D1Database, current: { id: string; threadId: string; createdAt: number }) {
  const orm = database(db);
  const chats = await orm
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.threadId, current.threadId),
        eq(conversations.status, "ended"),
        lt(conversations.createdAt, current.createdAt),
        ne(conversations.id, current.id),
      ),
    )
    .orderBy(asc(conversations.createdAt));
  return Promise.all(
    chats.map(async (chat) => {
      const erased = chat.erasedAt !== null;
      return {
        conversationId: chat.id,
        startedAt: chat.createdAt,
        endedAt: chat.endedAt,
        endReason: chat.endReason,
        messages: erased
          ? []
          : await orm
              .select({ seq: messages.seq, from: messages.sender, text: messages.body, sentAt: messages.sentAt })
              .from(messages)
              .where(eq(messages.conversationId, chat.id))
              .orderBy(asc(messages.seq)),
        assessment: erased ? null : await assessmentSummary(db, chat.id),
      };
    }),
  );
}
