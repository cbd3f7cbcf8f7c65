/**
 * Who may call a route: every staff route names the capability it needs with `allow`, so what
 * a route is for is read where it is declared, and who has that capability is decided once
 * (shared/access-policy.ts). No session: 401. A role without it: 403 with a sentence saying
 * who the route is for. Rules about *which* chat or record (one's own, or any for senior
 * staff) are the policy's too, asked in the handlers on top of this.
 */
import { createMiddleware } from "hono/factory";
import type { Officer } from "../shared/protocol";
import { may, type Capability } from "../shared/access-policy";
import { accessConfig } from "../auth/access";
import { officerForRequest } from "../auth/sessions";
import { apiError } from "./errors";

export type OfficerEnv = { Bindings: Env; Variables: { officer: Officer } };

/** Refuses the request unless it carries a valid session of someone with `capability`; the officer is then `c.var.officer`. */
export function allow(capability: Capability, refusal = "You cannot do this with your role.") {
  return createMiddleware<OfficerEnv>(async (c, next) => {
    // A route may narrow what a whole group of routes allows: the session is looked up once.
    const officer = c.get("officer") ?? (await officerForRequest(c.env.DB, c.req.raw, Date.now(), accessConfig(c.env)));
    if (!officer) return apiError(c, 401, "signed-out", "You are not signed in.");
    if (!may(officer, capability)) return apiError(c, 403, "not-allowed", refusal);
    c.set("officer", officer);
    await next();
  });
}
