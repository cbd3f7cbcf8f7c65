/** Conversation rows in D1: what the console and reports query across chats. */
import { and, asc, eq, sql } from "drizzle-orm";
import { database } from "./client";
import { conversations } from "./schema";

export async function recordStarted(db: D1Database, id: string, createdAt: number): Promise<void> {
  await database(db).insert(conversations).values({ id, status: "waiting", createdAt });
}

/** An officer has the chat; `accepted_at` keeps the first acceptance, which ends the wait. */
export async function recordAssigned(db: D1Database, id: string, officerId: string, acceptedAt: number) {
  await database(db)
    .update(conversations)
    .set({ status: "active", officerId, acceptedAt: sql`COALESCE(${conversations.acceptedAt}, ${acceptedAt})` })
    .where(eq(conversations.id, id));
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
