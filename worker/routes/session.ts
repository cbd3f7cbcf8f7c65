/** Officer sign-in, who-am-I and sign-out. */
import { Hono } from "hono";
import { SignInRequest } from "../shared/protocol";
import { authenticate } from "../auth/officers";
import { SIGN_IN_GUESSES, guessesRefused, recordRightGuess, recordWrongGuess } from "../auth/guess-limits";
import { sha256Hex } from "../auth/secrets";
import { clearedSessionCookie, sessionCookie } from "../auth/cookies";
import { SESSION_LIFETIME_SECONDS, endAllSessions, endSession, startSession } from "../auth/sessions";
import { allow, type OfficerEnv } from "../http/require-officer";
import { apiError } from "../http/errors";
import { readBody } from "../http/body";
import { disconnectOfficer } from "../rooms/disconnect-officer";
import { gate } from "../abuse/gate";

export const sessionRoutes = new Hono<OfficerEnv>();

/** What a sign-in guesses at, as guess_failures and known_sources keep it: only a digest of the email. */
const accountSubject = (email: string) => sha256Hex(`sign-in:${email}`);

sessionRoutes.post("/", async (c) => {
  const body = await readBody(c, SignInRequest);
  if (!body.ok) return body.response;
  const { email, password } = body.data;
  const admitted = await gate(c, { limits: ["signIn"], refuseBlocked: false, humanCheck: { action: "sign-in", token: body.data.humanCheck } });
  if (admitted.refused) return admitted.refused;
  const subject = await accountSubject(email);
  // Checked before the password, so a refused source learns nothing more; the refusal is for
  // this source (or, while many sources guess, for sources the account has not signed in from).
  if (await guessesRefused(c.env.DB, SIGN_IN_GUESSES, subject, admitted.source)) {
    return apiError(c, 429, "too-many-attempts", "Too many attempts to sign in to this account. Try again in 15 minutes.");
  }
  const officer = await authenticate(c.env.DB, email, password);
  if (!officer) {
    await recordWrongGuess(c.env.DB, subject, admitted.source);
    return apiError(c, 401, "bad-credentials", "That email and password do not match an account.");
  }
  await recordRightGuess(c.env.DB, SIGN_IN_GUESSES, subject, admitted.source);
  const secret = await startSession(c.env.DB, officer.id);
  c.header("Set-Cookie", sessionCookie(secret, SESSION_LIFETIME_SECONDS));
  return c.json({ officer });
});

sessionRoutes.get("/", allow("use-console"), (c) => c.json({ officer: c.var.officer }));

sessionRoutes.delete("/", async (c) => {
  await endSession(c.env.DB, c.req.raw);
  c.header("Set-Cookie", clearedSessionCookie());
  return c.body(null, 204);
});

/** Sign out everywhere: every session of this officer ends, and their open sockets close. */
sessionRoutes.delete("/everywhere", allow("use-console"), async (c) => {
  await endAllSessions(c.env.DB, c.var.officer.id);
  await disconnectOfficer(c.env, c.var.officer.id);
  c.header("Set-Cookie", clearedSessionCookie());
  return c.body(null, 204);
});
