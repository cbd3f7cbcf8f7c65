/** Admins' control of other officers' access: revoke every session of an officer at once. */
import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { endAllSessions } from "../auth/sessions";
import { database } from "../db/client";
import { officers } from "../db/schema";
import { apiError } from "../http/errors";
import { allow, type OfficerEnv } from "../http/require-officer";
import { disconnectOfficer } from "../rooms/disconnect-officer";
import { OpaqueId } from "../shared/protocol";

export const officerAccountRoutes = new Hono<OfficerEnv>();

officerAccountRoutes.delete("/:id/sessions", allow("end-others-sessions", "Only admins end other officers' sessions."), async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const [officer] = id.success ? await database(c.env.DB).select({ id: officers.id }).from(officers).where(eq(officers.id, id.data)) : [];
  if (!officer) return apiError(c, 404, "not-found", "There is no such officer.");
  // Sessions first, so their console cannot reconnect once its sockets close.
  await endAllSessions(c.env.DB, officer.id);
  await disconnectOfficer(c.env, officer.id);
  return c.body(null, 204);
});
