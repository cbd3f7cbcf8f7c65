/**
 * A victim takes a resume code at the end of a chat, to link their next chat to this one, in the
 * words of their page's language. A chat has one code: taking another replaces it, and a chat
 * started with a code can offer a new one.
 */
import { Hono } from "hono";
import { conversationRow } from "../db/conversations";
import { endedForToken } from "../records/ended-chat-token";
import { issueResumeCode } from "../auth/resume-codes";
import { sha256Hex } from "../auth/secrets";
import { resumeCodeDays } from "../config";
import { apiError } from "../http/errors";
import { readBody } from "../http/body";
import { ResumeCodeRequest, type ResumeCodeResponse } from "../shared/protocol";
import { getConversation } from "../rooms/stubs";
import { LIMIT_MESSAGES, withinLimit } from "../abuse/rate-limits";
import { sourceOf } from "../abuse/source";
import { victimCredentials } from "./conversations";

export const resumeCodeRoutes = new Hono<{ Bindings: Env }>();

resumeCodeRoutes.post("/:id/resume-code", async (c) => {
  const credentials = victimCredentials(c);
  if (!credentials) return apiError(c, 401, "not-allowed", "This chat could not be found.");
  // Counted with resume-code tries from the same source, before any hashing, so minting codes
  // in a burst is refused as cheaply as guessing them. (A chat keeps only its newest code anyway.)
  if (!(await withinLimit(c.env, "resumeCode", await sourceOf(c.req.raw, c.env)))) {
    c.header("Retry-After", "60");
    return apiError(c, 429, "too-many", LIMIT_MESSAGES.resumeCode);
  }
  const body = await readBody(c, ResumeCodeRequest);
  if (!body.ok) return body.response;
  const tokenHash = await sha256Hex(credentials.token);
  const status =
    (await (await getConversation(c.env, credentials.conversationId)).statusForToken(tokenHash)) ??
    ((await endedForToken(c.env.DB, credentials.conversationId, tokenHash)) ? "ended" : null);
  if (status === null) return apiError(c, 401, "not-allowed", "This chat could not be found.");
  if (status !== "ended") return apiError(c, 409, "not-ended", "A code can be taken when the chat has ended.");
  const row = await conversationRow(c.env.DB, credentials.conversationId);
  const validDays = resumeCodeDays(c.env);
  const { code, language } = await issueResumeCode(c.env.DB, {
    threadId: row?.threadId ?? credentials.conversationId,
    conversationId: credentials.conversationId,
    pin: body.data.pin,
    validDays,
    language: body.data.language,
  });
  const answer: ResumeCodeResponse = { code, expiresInDays: validDays, language };
  return c.json(answer, 201);
});
