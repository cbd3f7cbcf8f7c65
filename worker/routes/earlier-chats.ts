/**
 * A returning victim's earlier chats, for whoever may read the chat they are in now: its
 * officer while it is live, those who took part once it has ended, and senior staff
 * (shared/access-policy.ts `mayReadChat`). Only ended chats that began before this one are shown, and each one
 * shown is a record read: it is written to the audit log before the answer goes, like any view.
 */
import { Hono } from "hono";
import { conversationRow } from "../db/conversations";
import { earlierInThread } from "../records/earlier-chats";
import { apiError } from "../http/errors";
import { allow, type OfficerEnv } from "../http/require-officer";
import { mayReadConversation } from "../records/access";
import { audit } from "../records/audit";
import { OpaqueId, type EarlierConversations } from "../shared/protocol";

export const earlierChatRoutes = new Hono<OfficerEnv>();

earlierChatRoutes.get("/:id/earlier", allow("use-console"), async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const row = id.success ? await conversationRow(c.env.DB, id.data) : null;
  const officer = c.var.officer;
  if (!row || !(await mayReadConversation(c.env.DB, officer, row))) {
    return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  }
  const earlier = row.threadId ? await earlierInThread(c.env.DB, { id: row.id, threadId: row.threadId, createdAt: row.createdAt }) : [];
  await Promise.all(
    earlier.map((chat) =>
      audit(c.env.DB, { id: officer.id, role: officer.role }, "view", {
        conversationId: chat.conversationId,
        justification: `Read as an earlier chat of ${row.id}`,
        detail: { earlierChatOf: row.id },
      }),
    ),
  );
  const answer: EarlierConversations = { conversations: earlier };
  return c.json(answer);
});
