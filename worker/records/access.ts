/**
 * Who may see which chat: the one policy that the records routes, the earlier-chats view and
 * record search all ask, so the rule is changed in one place.
 *
 * **Taking part is what the record says**: accepting a chat or having it transferred to you
 * (`conversation_participants`, written with the assignment itself). Nothing else an officer
 * does to a chat (seeing it in the queue, raising its priority) makes it theirs.
 */
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { isSeniorStaff } from "../auth/roles";
import { database } from "../db/client";
import { conversationParticipants, conversations } from "../db/schema";
import type { Officer } from "../shared/protocol";

type Conversation = Pick<typeof conversations.$inferSelect, "id" | "status" | "officerId">;

/** Supervisors and admins may read any chat or record (and every read is audited). */
export { isSeniorStaff };

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

/**
 * Whether this person may read this chat. Senior staff: any. Anyone else: while it is live,
 * only the officer it is assigned to now (exactly whom its socket admits, so an officer who
 * transferred it away stops reading it); once it has ended, anyone who took part.
 */
export async function mayReadConversation(db: D1Database, officer: Pick<Officer, "id" | "role">, chat: Conversation): Promise<boolean> {
  if (isSeniorStaff(officer)) return true;
  if (chat.officerId === officer.id) return true;
  if (chat.status !== "ended") return false;
  const [row] = await database(db)
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, chat.id), tookPart(officer.id)))
    .limit(1);
  return row !== undefined;
}
