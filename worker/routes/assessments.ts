/**
 * The risk assessment of a conversation: read and changed only by whoever is in the chat (its
 * officer, or senior staff reading along: shared/access-policy.ts `placeInChat`). Every change
 * is a new, attributed, timestamped entry.
 */
import { Hono } from "hono";
import { DASH } from "../assessment/dash";
import { ASSIST_MODELS } from "../assist/model/assist-models";
import { judgementAllowed, stateOf } from "../assessment/grading";
import { assessmentEntriesOf, entryFor, storeEntry, viewOf } from "../assessment/store";
import { writeIntoRecord } from "../records/record-writes";
import { entry as recordEntry } from "../transcripts/entries";
import { database } from "../db/client";
import { conversations } from "../db/schema";
import { eq } from "drizzle-orm";
import { apiError } from "../http/errors";
import { readBody } from "../http/body";
import { conversationInChat } from "../http/conversation-in-chat";
import { allow, type OfficerEnv } from "../http/require-officer";
import { log } from "../log";
import { getDispatcher } from "../rooms/stubs";
import { questionCount } from "../rooms/dispatcher/chat-watch";
import { AssessmentChange } from "../shared/protocol";

export const assessmentRoutes = new Hono<OfficerEnv>();

assessmentRoutes.use("/:id/assessment", allow("use-console"));


assessmentRoutes.get("/:id/assessment", async (c) => {
  const conversationId = await conversationInChat(c);
  if (!conversationId) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  return c.json(viewOf(await assessmentEntriesOf(c.env.DB, conversationId)));
});

assessmentRoutes.post("/:id/assessment", async (c) => {
  const conversationId = await conversationInChat(c);
  if (!conversationId) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  const body = await readBody(c, AssessmentChange);
  if (!body.ok) return body.response;
  const change = body.data;
  const entries = await assessmentEntriesOf(c.env.DB, conversationId);
  if (change.kind === "answer" && !DASH.groups.some((g) => g.questions.some((q) => q.id === change.questionId))) {
    return apiError(c, 400, "bad-request", "That question is not on the checklist.");
  }
  if (change.kind === "answer" && change.draftedBy !== undefined && !Object.values(ASSIST_MODELS).includes(change.draftedBy as never)) {
    return apiError(c, 400, "bad-request", "That is not a model this service drafts with.");
  }
  if (change.kind === "judgement" && !judgementAllowed(DASH, stateOf(entries), change.grade)) {
    return apiError(c, 409, "judgement-lower", "Professional judgement can raise the grading, never lower it.");
  }
  const entry = entryFor(change, c.var.officer.id, Date.now());
  // Into the record first: the live chat's chain, or once it has ended, an addendum to the seal.
  const written = await writeIntoRecord(c.env, c.var.officer, conversationId, {
    live: async (chat) => ((await chat.recordAssessment(entry)) ? { ok: true, value: entry } : { ok: false, code: "conversation-ended" }),
    sealed: () => ({ value: entry, content: recordEntry.assessment(entry) }),
    justification: "Changed the risk assessment after the chat ended.",
    notAllowed: "You cannot change this chat's risk assessment.",
  });
  if (!written.ok) return apiError(c, written.status, written.code, written.message);
  await storeEntry(c.env.DB, conversationId, entry);
  const view = viewOf(await assessmentEntriesOf(c.env.DB, conversationId));
  if (written.addendum) {
    await database(c.env.DB).update(conversations).set({ riskGrade: view.grading.grade }).where(eq(conversations.id, conversationId));
  } else {
    // Supervisors watch each live chat's DASH progress (rooms/dispatcher/chat-watch.ts).
    const { grade, answered, maracReferral } = view.grading;
    await (await getDispatcher(c.env))
      .watchChat(conversationId, { grade: answered > 0 ? grade : null, answered, questions: questionCount(DASH), maracReferral })
      .catch((error: unknown) => log.warn("supervision.watch-failed", { conversationId, error }));
  }
  return c.json(view, 201);
});
