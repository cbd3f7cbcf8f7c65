/**
 * Who may call a route: every staff route names its roles explicitly with `allowRoles`, so the
 * allow-list is read where the route is declared. No session: 401. A role not on the list: 403
 * with a sentence saying who the route is for. Rules about *which* chat or record (one's own,
 * or any for senior staff) are checked in the handlers on top of this.
 */
import { createMiddleware } from "hono/factory";
import type { Officer, StaffRole } from "../shared/protocol";
import { accessConfig } from "../auth/access";
import { officerForRequest } from "../auth/sessions";
import { apiError } from "./errors";

export type OfficerEnv = { Bindings: Env; Variables: { officer: Officer } };

export { ADMINS, ALL_STAFF, SENIOR_STAFF } from "../auth/roles";

/** Refuses the request unless it carries a valid session of one of `roles`; the officer is then `c.var.officer`. */
export function allowRoles(roles: readonly StaffRole[], refusal = "You cannot do this with your role.") {
  return createMiddleware<OfficerEnv>(async (c, next) => {
    // A route may narrow what a whole group of routes allows: the session is looked up once.
    const officer = c.get("officer") ?? (await officerForRequest(c.env.DB, c.req.raw, Date.now(), accessConfig(c.env)));
    if (!officer) return apiError(c, 401, "signed-out", "You are not signed in.");
    if (!roles.includes(officer.role)) return apiError(c, 403, "not-allowed", refusal);
    c.set("officer", officer);
    await next();
  });
}
