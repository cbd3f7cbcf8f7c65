/**
 * /api/me: the signed-in officer's own things: the chats their console shows (live ones, and
 * ended ones still in wrap-up), and closing a chat's wrap-up.
 */
import { Hono } from "hono";
import { consoleConversationsOf, conversationRow, recordWrappedUp } from "../db/conversations";
import { apiError } from "../http/errors";
import { log } from "../log";
import { getDispatcher } from "../rooms/stubs";
import { allow, type OfficerEnv } from "../http/require-officer";
import { mayCloseWrapUp, placeInChat } from "../shared/access-policy";
import { OpaqueId, type MyConversations } from "../shared/protocol";
import type { z } from "zod/mini";

export const meRoutes = new Hono<OfficerEnv>();

const STILL_SEALING = "This chat is still being sealed. Close its wrap-up in a moment.";

meRoutes.use("*", allow("use-console"));

meRoutes.get("/conversations", async (c) => {
  const rows = await consoleConversationsOf(c.env.DB, c.var.officer.id);
  const answer: z.infer<typeof MyConversations> = {
    conversations: rows.map((row) => ({
      conversationId: row.conversationId,
      acceptedAt: row.acceptedAt,
      wrappingUp: row.status === "ended",
      outcomeRecorded: row.outcome !== null,
    })),
  };
  return c.json(answer);
});

/**
 * The officer closes an ended chat's wrap-up. **An outcome first**: the console asks for it, and
 * this refuses without one, so no chat leaves an officer's hands with its outcome unrecorded.
 */
meRoutes.post("/conversations/:id/wrapped-up", async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const row = id.success ? await conversationRow(c.env.DB, id.data) : null;
  if (!row || placeInChat(c.var.officer, row) !== "officer") {
    return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  }
  if (!mayCloseWrapUp(c.var.officer, row)) {
    // Still going, or its end has not reached D1 yet (the console tries again in a moment).
    return apiError(c, 409, "not-ended", "This chat has not ended yet.");
  }
  if (row.outcome === null) {
    // An outcome recorded while the chat went on reaches D1 with the seal.
    if (row.sealedAt === null) return apiError(c, 409, "being-sealed", STILL_SEALING);
    return apiError(c, 422, "outcome-missing", "Record the chat's outcome before closing its wrap-up.");
  }
  await recordWrappedUp(c.env.DB, row.id, Date.now());
  // The supervision page stops showing it; the close itself is already stored.
  c.executionCtx.waitUntil(
    getDispatcher(c.env)
      .then((dispatcher) => dispatcher.wrappedUp(row.id))
      .catch((error: unknown) => log.warn("supervision.watch-failed", { conversationId: row.id, error })),
  );
  return c.body(null, 204);
});
