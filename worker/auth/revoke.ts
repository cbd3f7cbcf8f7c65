/**
 * Ending an officer's access at once: every session in D1, and every socket they hold open
 * (their console's queue, the chats they are in, and the chats a supervisor is reading), which
 * would otherwise stay open until they next reconnected.
 */
import { liveConversationIds } from "../db/conversations";
import { getConversation, getDispatcher } from "../rooms/stubs";
import { endAllSessions } from "./sessions";

export async function revokeOfficer(env: Env, officerId: string): Promise<void> {
  await endAllSessions(env.DB, officerId);
  await (await getDispatcher(env)).disconnectOfficer(officerId);
  // Any live chat may have them as its officer or as a reader; each closes only their sockets.
  const ids = await liveConversationIds(env.DB);
  await Promise.all(ids.map(async (id) => (await getConversation(env, id)).disconnectOfficer(officerId)));
}
