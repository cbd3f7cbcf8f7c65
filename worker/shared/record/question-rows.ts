/**
 * Every question of a record's risk questionnaire with the answer it ended with, or none: a
 * reader of the record must see what was not asked as plainly as what was. Used by the PDF and
 * the Records page, from the sealed assessment's changes (the last answer to a question wins).
 */
import type { AssessmentAnswer } from "../protocol/http.ts";
import type { RecordReading } from "../protocol/records.ts";
import type { TranscriptAssessmentChange } from "./transcript.ts";

/** A questionnaire's questions, as the Records page is sent them and the PDF reads them. */
export type QuestionnaireOutline = RecordReading["questionnaire"];

export interface QuestionRow {
  questionId: string;
  question: string;
  /** Null: never answered, or the answer was cleared. */
  answer: AssessmentAnswer | null;
  comment: string | null;
  messageSeqs: number[];
  /** The model whose draft the officer accepted as this answer, if any. */
  draftedBy: string | null;
  /** Who gave the answer, and when (ISO 8601); null when there is none. */
  officerId: string | null;
  at: string | null;
}

export interface QuestionGroupRows {
  title: string;
  rows: QuestionRow[];
}

/**
 * The questionnaire's groups in order, each question with its last answer. Answers to questions
 * the outline does not list (a questionnaire changed since) follow in a group of their own, so
 * nothing answered is left out.
 */
export function questionRows(outline: QuestionnaireOutline, changes: readonly TranscriptAssessmentChange[]): QuestionGroupRows[] {
  const last = new Map<string, TranscriptAssessmentChange>();
  for (const change of changes) if (change.kind === "answer" && change.questionId) last.set(change.questionId, change);
  const row = (questionId: string, question: string): QuestionRow => {
    const change = last.get(questionId);
    return {
      questionId,
      question,
      answer: change?.answer ?? null,
      comment: change?.comment ?? null,
      messageSeqs: change?.messageSeqs ?? [],
      draftedBy: change?.draftedBy ?? null,
      officerId: change?.officerId ?? null,
      at: change?.at ?? null,
    };
  };
  const listed = new Set(outline.groups.flatMap((g) => g.questions.map((q) => q.id)));
  const groups = outline.groups.map((g) => ({ title: g.title, rows: g.questions.map((q) => row(q.id, q.text)) }));
  const others = [...last.values()].filter((c) => !listed.has(c.questionId!));
  if (others.length > 0) {
    groups.push({ title: "Other questions", rows: others.map((c) => row(c.questionId!, c.question ?? c.questionId!)) });
  }
  return groups;
}
