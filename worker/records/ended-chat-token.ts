/** The victim of a chat that has ended, known by their token once its Durable Object keeps nothing. */
import { timingSafeEqual } from "../auth/secrets";
import { conversationRow } from "../db/conversations";

/**
 * Whether `tokenHash` is the victim's token for a chat that has ended. Once a chat is sealed its
 * Durable Object keeps nothing, so this is how its victim can still take a resume code.
 */
export async function endedForToken(db: D1Database, id: string, tokenHash: string): Promise<boolean> {
  const row = await conversationRow(db, id);
  return row?.status === "ended" && row.erasedAt === null && row.victimTokenHash !== null && timingSafeEqual(row.victimTokenHash, tokenHash);
}
