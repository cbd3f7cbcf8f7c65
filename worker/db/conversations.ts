/** Conversation rows in D1: what the console and reports query across chats. */
import { and, asc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import { database } from "./client";
import { conversationParticipants, conversations, messages } from "./schema";
import { assessmentEntriesOf, viewOf } from "../assessment/store";
import { timingSafeEqual } from "../auth/secrets";

/** An earlier chat's risk grading, for the next officer: null when nobody assessed it. */
async function assessmentSummary(db: D1Database, conversationId: string) {
  const entries = await assessmentEntriesOf(db, conversationId);
  if (entries.length === 0) return null;
  const { grading } = viewOf(entries);
  return { grade: grading.grade, yesCount: grading.yesCount, maracReferral: grading.maracReferral };
}

export async function recordStarted(
  db: D1Database,
  chat: { id: string; createdAt: number; language: string | null; threadId: string; returning: boolean; tokenHash: string },
): Promise<void> {
  await database(db)
    .insert(conversations)
    .values({
      id: chat.id,
      status: "waiting",
      createdAt: chat.createdAt,
      victimLanguage: chat.language,
      threadId: chat.threadId,
      returning: chat.returning ? 1 : 0,
      victimTokenHash: chat.tokenHash,
    });
}

/**
 * Whether `tokenHash` is the victim's token for a chat that has ended. Once a chat is sealed its
 * Durable Object keeps nothing, so this is how its victim can still take a resume code.
 */
export async function endedForToken(db: D1Database, id: string, tokenHash: string): Promise<boolean> {
  const row = await conversationRow(db, id);
  return row?.status === "ended" && row.erasedAt === null && row.victimTokenHash !== null && timingSafeEqual(row.victimTokenHash, tokenHash);
}

export async function conversationRow(db: D1Database, id: string) {
  return (await database(db).select().from(conversations).where(eq(conversations.id, id)).limit(1))[0] ?? null;
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

/**
 * An officer has the chat, by accepting it or by a transfer to them; `accepted_at` keeps the
 * first acceptance, which ends the wait. They are recorded as having taken part in the same
 * batch, so nobody is ever assigned a chat whose record they could not later find.
 */
export async function recordAssigned(
  db: D1Database,
  id: string,
  officerId: string,
  at: number,
  how: "accepted" | "transferred",
) {
  const orm = database(db);
  await orm.batch([
    orm
      .update(conversations)
      .set({ status: "active", officerId, acceptedAt: sql`COALESCE(${conversations.acceptedAt}, ${at})` })
      .where(eq(conversations.id, id)),
    orm.insert(conversationParticipants).values({ conversationId: id, officerId, how, at }).onConflictDoNothing(),
  ]);
}

/** Back in the queue, with nobody assigned. */
export async function recordReturned(db: D1Database, id: string) {
  await database(db).update(conversations).set({ status: "waiting", officerId: null }).where(eq(conversations.id, id));
}

/** The chats an officer is in now, oldest first: what their console reopens after a reload. */
export async function activeConversationsOf(db: D1Database, officerId: string) {
  return database(db)
    .select({ conversationId: conversations.id, acceptedAt: conversations.acceptedAt })
    .from(conversations)
    .where(and(eq(conversations.officerId, officerId), eq(conversations.status, "active")))
    .orderBy(asc(conversations.acceptedAt));
}

/** Every chat not yet ended (waiting or active): the ones someone may be reading live. */
export async function liveConversationIds(db: D1Database): Promise<string[]> {
  const rows = await database(db)
    .select({ id: conversations.id })
    .from(conversations)
    .where(inArray(conversations.status, ["waiting", "active"]));
  return rows.map((row) => row.id);
}
