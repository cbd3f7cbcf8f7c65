/** /api/me: the signed-in officer's own things (their live chats, for the console to reopen). */
import { Hono } from "hono";
import { activeConversationsOf } from "../db/conversations";
import { allow, type OfficerEnv } from "../http/require-officer";

export const meRoutes = new Hono<OfficerEnv>();

meRoutes.use("*", allow("use-console"));

meRoutes.get("/conversations", async (c) => {
  const active = await activeConversationsOf(c.env.DB, c.var.officer.id);
  return c.json({ conversations: active });
});
