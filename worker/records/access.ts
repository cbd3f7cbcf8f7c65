/**
 * The D1 side of who may see which chat (the rule itself is shared/access-policy.ts): whether an
 * officer took part in a chat, as a condition for record search and as the fact the policy asks.
 *
 * **Taking part is what the record says**: accepting a chat or having it transferred to you
 * (`conversation_participants`, written with the assignment itself). Nothing else an officer
 * does to a chat (seeing it in the queue, raising its priority) makes it theirs.
 */
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { database } from "../db/client";
import { conversationParticipants, conversations } from "../db/schema";
import { mayReadChat, type StaffMember } from "../shared/access-policy";

type Conversation = Pick<typeof conversations.$inferSelect, "id" | "status" | "officerId">;

/**
 * A condition on `conversations`: this officer took part in the chat. The assigned officer is
 * always also a participant; naming them too keeps a chat findable by whoever has it now.
 */
export function tookPart(officerId: string): SQL {
  return or(
    eq(conversations.officerId, officerId),
    sql`${conversations.id} IN (SELECT ${conversationParticipants.conversationId} FROM ${conversationParticipants} WHERE ${conversationParticipants.officerId} = ${officerId})`,
  )!;
}

/** Whether this person may read this chat (shared/access-policy.ts `mayReadChat`), taking part looked up in D1. */
export function mayReadConversation(db: D1Database, officer: StaffMember, chat: Conversation): Promise<boolean> {
  return mayReadChat(officer, chat, async () => {
    const [row] = await database(db)
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, chat.id), tookPart(officer.id)))
      .limit(1);
    return row !== undefined;
  });
}
