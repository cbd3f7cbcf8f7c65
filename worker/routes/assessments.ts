/**
 * The risk assessment of a conversation: read and changed only by the officer assigned to it,
 * or a supervisor or admin. Every change is a new, attributed, timestamped entry.
 */
import { Hono, type Context } from "hono";
import { DASH } from "../assessment/dash";
import { judgementAllowed, stateOf } from "../assessment/grading";
import { assessmentEntriesOf, recordChange, viewOf } from "../assessment/store";
import { conversationRow } from "../db/conversations";
import { apiError } from "../http/errors";
import { readBody } from "../http/body";
import { requireOfficer, type OfficerEnv } from "../http/require-officer";
import { AssessmentChange, OpaqueId } from "../shared/protocol";

export const assessmentRoutes = new Hono<OfficerEnv>();

assessmentRoutes.use("/:id/assessment", requireOfficer);

/** The conversation id when the signed-in officer may see its assessment, else null. */
async function allowedConversation(c: Context<OfficerEnv>): Promise<string | null> {
  const id = OpaqueId.safeParse(c.req.param("id"));
  if (!id.success) return null;
  const row = await conversationRow(c.env.DB, id.data);
  const officer = c.var.officer;
  const staffSenior = officer.role === "supervisor" || officer.role === "admin";
  return row && (row.officerId === officer.id || staffSenior) ? row.id : null;
}

assessmentRoutes.get("/:id/assessment", async (c) => {
  const conversationId = await allowedConversation(c);
  if (!conversationId) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  return c.json(viewOf(await assessmentEntriesOf(c.env.DB, conversationId)));
});

assessmentRoutes.post("/:id/assessment", async (c) => {
  const conversationId = await allowedConversation(c);
  if (!conversationId) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  const body = await readBody(c, AssessmentChange);
  if (!body.ok) return body.response;
  const change = body.data;
  const entries = await assessmentEntriesOf(c.env.DB, conversationId);
  if (change.kind === "answer" && !DASH.groups.some((g) => g.questions.some((q) => q.id === change.questionId))) {
    return apiError(c, 400, "bad-request", "That question is not on the checklist.");
  }
  if (change.kind === "judgement" && !judgementAllowed(DASH, stateOf(entries), change.grade)) {
    return apiError(c, 409, "judgement-lower", "Professional judgement can raise the grading, never lower it.");
  }
  await recordChange(c.env.DB, conversationId, c.var.officer.id, change);
  return c.json(viewOf(await assessmentEntriesOf(c.env.DB, conversationId)), 201);
});
