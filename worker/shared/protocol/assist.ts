/**
 * Officer assist over HTTP (issue 23): drafted DASH answers. Drafts are suggestions; none is an
 * answer until the officer accepts it through the assessment route.
 */
import { z } from "zod/mini";
import { AssessmentAnswer } from "./http";

export const DashDraft = z.object({
  questionId: z.string(),
  answer: AssessmentAnswer,
  /** Each quote is an exact passage of the victim's message `seq` (as written, or translated). */
  quotes: z.array(z.object({ seq: z.int(), text: z.string() })),
});
export type DashDraft = z.infer<typeof DashDraft>;

export const DashDraftsView = z.discriminatedUnion("available", [
  z.object({
    available: z.literal(true),
    /** The model that drafted them, named in the record when a draft is accepted. */
    model: z.string(),
    drafts: z.array(DashDraft),
    /** Drafts the model gave that were not shown: a quote not found in the chat, or no quote. */
    dropped: z.int(),
  }),
  /** This deployment does not send the victim's words to a model; risk cues still work. */
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type DashDraftsView = z.infer<typeof DashDraftsView>;

/** A drafted handover note or case summary: text for the officer to edit before keeping it. */
export const SummaryDraftView = z.discriminatedUnion("available", [
  z.object({ available: z.literal(true), model: z.string(), text: z.string() }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type SummaryDraftView = z.infer<typeof SummaryDraftView>;
