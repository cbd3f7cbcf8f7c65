import { createMiddleware } from "hono/factory";
import type { Officer } from "../shared/protocol";
import { accessConfig } from "../auth/access";
import { officerForRequest } from "../auth/sessions";
import { apiError } from "./errors";

export type OfficerEnv = { Bindings: Env; Variables: { officer: Officer } };

/** Refuses the request unless it carries a valid officer session; the officer is then `c.var.officer`. */
export const requireOfficer = createMiddleware<OfficerEnv>(async (c, next) => {
  const officer = await officerForRequest(c.env.DB, c.req.raw, Date.now(), accessConfig(c.env));
  if (!officer) return apiError(c, 401, "signed-out", "You are not signed in.");
  c.set("officer", officer);
  await next();
});
