/** Risk assessments in D1: append-only entries, and the state and grading worked out from them. */
import { asc, eq } from "drizzle-orm";
import { database } from "../db/client";
import { assessmentEntries } from "../db/schema";
import { randomId } from "../auth/secrets";
import type { AssessmentChange, AssessmentEntry, AssessmentView } from "../shared/protocol";
import { DASH } from "./dash";
import { grade, stateOf } from "./grading";
import type { Questionnaire } from "./questionnaire";

export async function assessmentEntriesOf(db: D1Database, conversationId: string): Promise<AssessmentEntry[]> {
  const rows = await database(db)
    .select()
    .from(assessmentEntries)
    .where(eq(assessmentEntries.conversationId, conversationId))
    .orderBy(asc(assessmentEntries.at), asc(assessmentEntries.id));
  return rows.map((row) => ({
    kind: row.kind,
    questionId: row.questionId,
    answer: row.answer,
    comment: row.comment,
    messageSeqs: row.messageSeqs ? (JSON.parse(row.messageSeqs) as number[]) : [],
    grade: row.grade,
    incidentsInYear: row.incidentsInYear,
    officerId: row.officerId,
    at: row.at,
    ...(row.draftedBy ? { draftedBy: row.draftedBy } : {}),
  }));
}

export function viewOf(entries: AssessmentEntry[], questionnaire: Questionnaire = DASH): AssessmentView {
  return {
    questionnaire: {
      id: questionnaire.id,
      title: questionnaire.title,
      groups: questionnaire.groups.map((g) => ({ title: g.title, questions: g.questions.map((q) => ({ ...q })) })),
    },
    entries,
    grading: grade(questionnaire, stateOf(entries)),
  };
}

/** A change as a record entry: attributed, timestamped, every field present. */
export function entryFor(change: AssessmentChange, officerId: string, at: number): AssessmentEntry {
  const blank = { questionId: null, answer: null, comment: null, messageSeqs: [], grade: null, incidentsInYear: null, officerId, at };
  switch (change.kind) {
    case "answer":
      return {
        ...blank,
        kind: "answer",
        questionId: change.questionId,
        answer: change.answer,
        comment: change.comment ?? null,
        messageSeqs: change.messageSeqs ?? [],
        // Only when drafted, so every other entry (and every record sealed before) reads as it did.
        ...(change.draftedBy ? { draftedBy: change.draftedBy } : {}),
      };
    case "judgement":
      return { ...blank, kind: "judgement", grade: change.grade, comment: change.reason };
    case "escalation":
      return { ...blank, kind: "escalation", incidentsInYear: change.incidentsInYear, comment: change.comment ?? null };
  }
}

export async function storeEntry(
  db: D1Database,
  conversationId: string,
  entry: AssessmentEntry,
  questionnaire: Questionnaire = DASH,
): Promise<void> {
  await database(db)
    .insert(assessmentEntries)
    .values({
      id: randomId(),
      conversationId,
      questionnaireId: questionnaire.id,
      kind: entry.kind,
      questionId: entry.questionId,
      answer: entry.answer,
      comment: entry.comment,
      messageSeqs: JSON.stringify(entry.messageSeqs),
      grade: entry.grade,
      incidentsInYear: entry.incidentsInYear,
      officerId: entry.officerId,
      at: entry.at,
      draftedBy: entry.draftedBy ?? null,
    });
}
