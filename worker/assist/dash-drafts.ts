/**
 * Drafted DASH answers (issue 23): a model proposes, for each question not yet answered, yes /
 * no / not known with the victim's own words as support. **A draft is shown only if every quote
 * it gives is an exact passage of one of the victim's messages in this chat** (as written or as
 * translated): a quote the code cannot find is the model inventing evidence, and the draft is
 * dropped. Drafts change nothing until the officer accepts one, and it is then their answer.
 */
import { z } from "zod/mini";
import type { AssessmentAnswer } from "../shared/protocol";
import type { Question } from "../assessment/questionnaire";
import { chatLines, type ChatWords } from "./chat-words";
import type { JsonRequest } from "./model/structured-reply";


export interface DashDraft {
  questionId: string;
  answer: AssessmentAnswer;
  /** Each an exact passage of the message it names. */
  quotes: { seq: number; text: string }[];
}

/** The shortest quote worth checking: a word or two, not a letter that matches anywhere. */
const MIN_QUOTE = 3;

const Reply = z.object({
  drafts: z.array(
    z.object({
      question: z.string(),
      answer: z.enum(["yes", "no", "not-known"]),
      quotes: z.array(z.object({ message: z.int(), text: z.string() })),
    }),
  ),
});

export function draftRequest(words: readonly ChatWords[], questions: readonly Question[]): JsonRequest {
  const messages = chatLines(words, false);
  return {
    system:
      "You help a police officer complete the DASH risk checklist from a chat with a person suffering domestic abuse. " +
      "For each question, answer yes, no or not-known ONLY from what the person wrote, and give the exact words that support it, " +
      "copied character for character from one message, with that message's number. If nothing they wrote bears on a question, leave it out. " +
      "Never guess and never add words they did not write.",
    user: `Questions:\n${questions.map((q) => `${q.id}: ${q.text}`).join("\n")}\n\nThe person's messages:\n${messages}`,
    schema: {
      type: "object",
      properties: {
        drafts: {
          type: "array",
          items: {
            type: "object",
            properties: {
              question: { type: "string", enum: questions.map((q) => q.id) },
              answer: { type: "string", enum: ["yes", "no", "not-known"] },
              quotes: {
                type: "array",
                items: { type: "object", properties: { message: { type: "integer" }, text: { type: "string" } }, required: ["message", "text"] },
              },
            },
            required: ["question", "answer", "quotes"],
          },
        },
      },
      required: ["drafts"],
    },
  };
}

/** The reply's shape, or null: the caller asks again or says the model failed. */
export function parseDraftReply(value: unknown): z.infer<typeof Reply> | null {
  const parsed = Reply.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The drafts that may be shown: one per unanswered question, each with at least one quote, and
 * every quote found word for word in the message it names. `dropped` counts the rest.
 */
export function checkedDrafts(
  reply: z.infer<typeof Reply>,
  words: readonly ChatWords[],
  unanswered: ReadonlySet<string>,
): { drafts: DashDraft[]; dropped: number } {
  const bySeq = new Map(words.map((w) => [w.seq, w]));
  const found = (quote: { message: number; text: string }) => {
    const message = bySeq.get(quote.message);
    const text = quote.text.trim();
    return message !== undefined && text.length >= MIN_QUOTE && (message.text.includes(text) || (message.translation?.includes(text) ?? false));
  };
  const drafts: DashDraft[] = [];
  for (const draft of reply.drafts) {
    const usable =
      unanswered.has(draft.question) &&
      !drafts.some((d) => d.questionId === draft.question) &&
      draft.quotes.length > 0 &&
      draft.quotes.every(found);
    if (usable) {
      drafts.push({
        questionId: draft.question,
        answer: draft.answer,
        quotes: draft.quotes.map((q) => ({ seq: q.message, text: q.text.trim() })),
      });
    }
  }
  return { drafts, dropped: reply.drafts.length - drafts.length };
}
