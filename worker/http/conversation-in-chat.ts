/**
 * The conversation a staff route is asked about, when the signed-in officer is in it (its
 * officer, or senior staff reading along: shared/access-policy.ts `placeInChat`); otherwise null,
 * which routes answer with 404 so nobody learns a chat exists that is not theirs.
 */
import type { Context } from "hono";
import { conversationRow } from "../db/conversations";
import { placeInChat } from "../shared/access-policy";
import { OpaqueId } from "../shared/protocol";
import type { OfficerEnv } from "./require-officer";

export async function conversationInChat(c: Context<OfficerEnv>): Promise<string | null> {
  const id = OpaqueId.safeParse(c.req.param("id"));
  if (!id.success) return null;
  const row = await conversationRow(c.env.DB, id.data);
  return row && placeInChat(c.var.officer, row) !== null ? row.id : null;
}
