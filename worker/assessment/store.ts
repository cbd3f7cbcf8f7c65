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

export async function recordChange(
  db: D1Database,
  conversationId: string,
  officerId: string,
  change: AssessmentChange,
  questionnaire: Questionnaire = DASH,
): Promise<void> {
  const base = { id: randomId(), conversationId, questionnaireId: questionnaire.id, officerId, at: Date.now() };
  const values =
    change.kind === "answer"
      ? { ...base, kind: change.kind, questionId: change.questionId, answer: change.answer, comment: change.comment ?? null, messageSeqs: JSON.stringify(change.messageSeqs ?? []) }
      : change.kind === "judgement"
        ? { ...base, kind: change.kind, grade: change.grade, comment: change.reason }
        : { ...base, kind: change.kind, incidentsInYear: change.incidentsInYear, comment: change.comment ?? null };
  await database(db).insert(assessmentEntries).values(values);
}
