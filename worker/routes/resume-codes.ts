/** A victim takes a resume code at the end of a chat, to link their next chat to this one. */
import { Hono } from "hono";
import { conversationRow, endedForToken } from "../db/conversations";
import { issueResumeCode } from "../auth/resume-codes";
import { sha256Hex } from "../auth/secrets";
import { resumeCodeDays } from "../config";
import { apiError } from "../http/errors";
import { readBody } from "../http/body";
import { ResumeCodeRequest, type ResumeCodeResponse } from "../shared/protocol";
import { getConversation } from "../rooms/stubs";
import { victimCredentials } from "./conversations";

export const resumeCodeRoutes = new Hono<{ Bindings: Env }>();

resumeCodeRoutes.post("/:id/resume-code", async (c) => {
  const credentials = victimCredentials(c);
  if (!credentials) return apiError(c, 401, "not-allowed", "This chat could not be found.");
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
  const code = await issueResumeCode(c.env.DB, {
    threadId: row?.threadId ?? credentials.conversationId,
    conversationId: credentials.conversationId,
    pin: body.data.pin,
    validDays,
  });
  const answer: ResumeCodeResponse = { code, expiresInDays: validDays };
  return c.json(answer, 201);
});
