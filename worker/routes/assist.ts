/**
 * Officer assist (issue 23): drafted DASH answers, handover notes and case summaries for whoever is in the chat (as for the
 * assessment itself: shared/access-policy.ts `placeInChat`). The victim's words go to a model
 * only when this deployment turned drafting on (assist/model/assist-setup.ts); otherwise the
 * answer says drafts are unavailable, and the risk cues, which need no model, carry on.
 * This is a request of its own, apart from the chat: drafting never delays a message.
 */
import { Hono, type Context } from "hono";
import { DASH } from "../assessment/dash";
import { stateOf } from "../assessment/grading";
import { assessmentEntriesOf } from "../assessment/store";
import { checkedDrafts, draftRequest, parseDraftReply } from "../assist/dash-drafts";
import { summaryRequest, summaryText, type SummaryKind } from "../assist/summaries";
import { ASSIST_MODELS } from "../assist/model/assist-models";
import { assistSetup } from "../assist/model/assist-setup";
import { AssistError, askForJson } from "../assist/model/structured-reply";
import { apiError } from "../http/errors";
import { conversationInChat } from "../http/conversation-in-chat";
import { allow, type OfficerEnv } from "../http/require-officer";
import { log } from "../log";
import { getConversation } from "../rooms/stubs";
import type { DashDraftsView, SummaryDraftView } from "../shared/protocol";

export const assistRoutes = new Hono<OfficerEnv>();

assistRoutes.use("/:id/assist/*", allow("use-console"));


assistRoutes.post("/:id/assist/dash-drafts", async (c) => {
  const conversationId = await conversationInChat(c);
  if (!conversationId) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  const setup = assistSetup(c.env);
  if (!setup.on) return c.json({ available: false, reason: setup.reason } satisfies DashDraftsView);

  const answered = stateOf(await assessmentEntriesOf(c.env.DB, conversationId)).answers;
  const questions = DASH.groups.flatMap((group) => group.questions).filter((question) => !(question.id in answered));
  const words = (await (await getConversation(c.env, conversationId)).chatWords()).filter((w) => w.from === "victim");
  const model = ASSIST_MODELS["dash-drafts"];
  if (questions.length === 0 || words.length === 0) return c.json({ available: true, model, drafts: [], dropped: 0 } satisfies DashDraftsView);
  try {
    const reply = await askForJson(setup.runner, model, draftRequest(words, questions), parseDraftReply);
    const { drafts, dropped } = checkedDrafts(reply, words, new Set(questions.map((question) => question.id)));
    // Counts only: never the victim's words, never the drafts.
    log.info("assist.drafted", { conversationId, count: drafts.length, failed: dropped });
    return c.json({ available: true, model, drafts, dropped } satisfies DashDraftsView);
  } catch (error) {
    return failed(c, conversationId, error, "The checklist can be filled in as usual.");
  }
});

/** A model's failure as the officer is told it; the work it would have helped with goes on by hand. */
function failed(c: Context<OfficerEnv>, conversationId: string, error: unknown, instead: string) {
  if (!(error instanceof AssistError)) throw error;
  log.warn("assist.failed", { conversationId, error });
  return apiError(c, 503, "assist-failed", `${error.message} ${instead}`);
}

const SUMMARY_KINDS: Record<string, SummaryKind> = { "handover-draft": "handover", "case-summary-draft": "case-summary" };

assistRoutes.post("/:id/assist/:draft{handover-draft|case-summary-draft}", async (c) => {
  const conversationId = await conversationInChat(c);
  if (!conversationId) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  const kind = SUMMARY_KINDS[c.req.param("draft")]!;
  const setup = assistSetup(c.env);
  if (!setup.on) return c.json({ available: false, reason: setup.reason } satisfies SummaryDraftView);
  const words = await (await getConversation(c.env, conversationId)).chatWords();
  if (words.length === 0) return apiError(c, 409, "nothing-to-summarise", "Nothing has been written in this chat yet.");
  const model = ASSIST_MODELS[kind];
  try {
    const text = await askForJson(setup.runner, model, summaryRequest(kind, words), (value) => summaryText(kind, value));
    log.info("assist.drafted", { conversationId, count: 1 });
    return c.json({ available: true, model, text } satisfies SummaryDraftView);
  } catch (error) {
    return failed(c, conversationId, error, kind === "handover" ? "Write the handover note yourself." : "Write the summary yourself.");
  }
});
