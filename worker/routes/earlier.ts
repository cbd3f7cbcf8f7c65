/**
 * A returning victim's earlier chats, for the officer talking with them now (or a supervisor).
 * Nobody else may see them: the officer must be the one assigned to this chat.
 */
import { Hono } from "hono";
import { conversationRow, earlierInThread } from "../db/conversations";
import { apiError } from "../http/errors";
import { ALL_STAFF, allowRoles, type OfficerEnv } from "../http/require-officer";
import { OpaqueId, type EarlierConversations } from "../shared/protocol";

export const earlierRoutes = new Hono<OfficerEnv>();

earlierRoutes.get("/:id/earlier", allowRoles(ALL_STAFF), async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const row = id.success ? await conversationRow(c.env.DB, id.data) : null;
  const officer = c.var.officer;
  const allowed = row && (row.officerId === officer.id || officer.role === "supervisor" || officer.role === "admin");
  if (!row || !allowed) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  const answer: EarlierConversations = {
    conversations: row.threadId ? await earlierInThread(c.env.DB, row.threadId, row.id) : [],
  };
  return c.json(answer);
});
