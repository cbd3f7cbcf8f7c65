/** Admins' control of other officers' access: revoke every session of an officer at once. */
import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { revokeOfficer } from "../auth/revoke";
import { database } from "../db/client";
import { officers } from "../db/schema";
import { apiError } from "../http/errors";
import { ADMINS, allowRoles, type OfficerEnv } from "../http/require-officer";
import { OpaqueId } from "../shared/protocol";

export const officerAdminRoutes = new Hono<OfficerEnv>();

officerAdminRoutes.delete("/:id/sessions", allowRoles(ADMINS, "Only admins end other officers' sessions."), async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const [officer] = id.success ? await database(c.env.DB).select({ id: officers.id }).from(officers).where(eq(officers.id, id.data)) : [];
  if (!officer) return apiError(c, 404, "not-found", "There is no such officer.");
  await revokeOfficer(c.env, officer.id);
  return c.body(null, 204);
});
