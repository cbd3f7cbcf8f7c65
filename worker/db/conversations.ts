/** Conversation rows in D1: what the console and reports query across chats. */
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { database } from "./client";
import { conversationParticipants, conversations } from "./schema";
import type { EndReason } from "../shared/protocol";

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

export async function conversationRow(db: D1Database, id: string) {
  return (await database(db).select().from(conversations).where(eq(conversations.id, id)).limit(1))[0] ?? null;
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

/**
 * The chat has ended; its record is being sealed (archive/seal.ts writes the rest, and this
 * again). Records lists it from now on, as not sealed yet.
 */
export async function recordEnded(db: D1Database, id: string, endedAt: number, endReason: EndReason) {
  await database(db).update(conversations).set({ status: "ended", endedAt, endReason }).where(eq(conversations.id, id));
}

/**
 * The chats an officer is in now, and those that ended with them whose wrap-up they have not
 * closed, oldest first: what their console reopens after a reload.
 */
export async function consoleConversationsOf(db: D1Database, officerId: string) {
  return database(db)
    .select({
      conversationId: conversations.id,
      acceptedAt: conversations.acceptedAt,
      status: conversations.status,
      outcome: conversations.outcome,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.officerId, officerId),
        or(eq(conversations.status, "active"), and(eq(conversations.status, "ended"), isNull(conversations.wrappedUpAt))),
      ),
    )
    .orderBy(asc(conversations.acceptedAt));
}

/** The officer closed the chat's wrap-up: it leaves their console. Closing twice keeps the first time. */
export async function recordWrappedUp(db: D1Database, id: string, at: number) {
  await database(db)
    .update(conversations)
    .set({ wrappedUpAt: at })
    .where(and(eq(conversations.id, id), isNull(conversations.wrappedUpAt)));
}

/** Every chat not yet ended (waiting or active): the ones someone may be reading live. */
export async function liveConversationIds(db: D1Database): Promise<string[]> {
  const rows = await database(db)
    .select({ id: conversations.id })
    .from(conversations)
    .where(inArray(conversations.status, ["waiting", "active"]));
  return rows.map((row) => row.id);
}
