/**
 * Closing every socket an officer holds open: their console's queue, the chats they are in, and
 * the chats they are reading as a supervisor. Their sessions end first (auth/sessions.ts
 * `endAllSessions`, called by the route that revokes), or the console would simply reconnect.
 */
import { liveConversationIds } from "../db/conversations";
import { getConversation, getDispatcher } from "./stubs";

export async function disconnectOfficer(env: Env, officerId: string): Promise<void> {
  await (await getDispatcher(env)).disconnectOfficer(officerId);
  // Any live chat may have them as its officer or as a reader; each closes only their sockets.
  const ids = await liveConversationIds(env.DB);
  await Promise.all(ids.map(async (id) => (await getConversation(env, id)).disconnectOfficer(officerId)));
}
