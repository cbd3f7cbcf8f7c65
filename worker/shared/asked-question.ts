/**
 * The quick-reply id a DASH question goes under when an officer presses "Ask in chat": the
 * question is then sent, like a quick reply, with its reviewed translation in the victim's
 * language (worker/assessment/dash-translations.ts) instead of machine translation.
 */
export const ASKED_QUESTION_PREFIX = "dash-";

export const askedQuestionReply = (questionId: string): string => `${ASKED_QUESTION_PREFIX}${questionId}`;
