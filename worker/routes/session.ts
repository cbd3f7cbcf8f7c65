/** Officer sign-in, who-am-I and sign-out. */
import { Hono } from "hono";
import { SignInRequest } from "../shared/protocol";
import { authenticate } from "../auth/officers";
import { clearedSessionCookie, sessionCookie } from "../auth/cookies";
import { SESSION_LIFETIME_SECONDS, endSession, officerForRequest, startSession } from "../auth/sessions";
import { apiError } from "../http/errors";
import { readBody } from "../http/body";

export const sessionRoutes = new Hono<{ Bindings: Env }>();

sessionRoutes.post("/", async (c) => {
  const body = await readBody(c, SignInRequest);
  if (!body.ok) return body.response;
  const officer = await authenticate(c.env.DB, body.data.email, body.data.password);
  if (!officer) {
    return apiError(c, 401, "bad-credentials", "That email and password do not match an account.");
  }
  const secret = await startSession(c.env.DB, officer.id);
  c.header("Set-Cookie", sessionCookie(secret, SESSION_LIFETIME_SECONDS));
  return c.json({ officer });
});

sessionRoutes.get("/", async (c) => {
  const officer = await officerForRequest(c.env.DB, c.req.raw);
  if (!officer) return apiError(c, 401, "signed-out", "You are not signed in.");
  return c.json({ officer });
});

sessionRoutes.delete("/", async (c) => {
  await endSession(c.env.DB, c.req.raw);
  c.header("Set-Cookie", clearedSessionCookie());
  return c.body(null, 204);
});
