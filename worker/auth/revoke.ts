/**
 * Ending an officer's access at once: every session in D1, and every socket they hold open
 * (their console's queue, and the chats they are assigned to), which would otherwise stay
 * open until they next reconnected.
 */
import { activeConversationsOf } from "../db/conversations";
import { getConversation, getDispatcher } from "../rooms/stubs";
import { endAllSessions } from "./sessions";

export async function revokeOfficer(env: Env, officerId: string): Promise<void> {
  await endAllSessions(env.DB, officerId);
  await (await getDispatcher(env)).disconnectOfficer(officerId);
  for (const { conversationId } of await activeConversationsOf(env.DB, officerId)) {
    await (await getConversation(env, conversationId)).disconnectOfficer(officerId);
  }
}
