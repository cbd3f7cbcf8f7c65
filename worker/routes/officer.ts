/** The signed-in officer's own things. */
import { Hono } from "hono";
import { activeConversationsOf } from "../db/conversations";
import { ALL_STAFF, allowRoles, type OfficerEnv } from "../http/require-officer";

export const officerRoutes = new Hono<OfficerEnv>();

officerRoutes.use("*", allowRoles(ALL_STAFF));

officerRoutes.get("/conversations", async (c) => {
  const active = await activeConversationsOf(c.env.DB, c.var.officer.id);
  return c.json({ conversations: active });
});
