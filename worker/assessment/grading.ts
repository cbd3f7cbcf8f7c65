/**
 * An assessment's grading, worked out from its answers: the count of "yes" answers picks the
 * band; professional judgement may raise it (never lower it); three or more incidents in twelve
 * months is recorded as potential escalation, its own criterion for a MARAC referral.
 */
import type { AssessmentAnswer, AssessmentEntry, AssessmentGrade, Grading } from "../shared/protocol/http.ts";
import { GRADE_ORDER, type Questionnaire } from "./questionnaire.ts";

/** The fields of a stored assessment entry that decide its grading. */
type StateEntry = Pick<AssessmentEntry, "kind" | "questionId" | "answer" | "comment" | "grade" | "incidentsInYear">;

export interface AssessmentState {
  answers: Readonly<Record<string, AssessmentAnswer>>;
  /** The grade an officer judged it to be, with their reason; null when none was given. */
  judgement: { grade: AssessmentGrade; reason: string } | null;
  /** Incidents in the last twelve months, when recorded. */
  incidentsInYear: number | null;
}

export function grade(questionnaire: Questionnaire, state: AssessmentState): Grading {
  const questionIds = new Set(questionnaire.groups.flatMap((g) => g.questions.map((q) => q.id)));
  const answers = Object.entries(state.answers).filter(([id]) => questionIds.has(id));
  const yesCount = answers.filter(([, answer]) => answer === "yes").length;
  const band = questionnaire.bands.find((b) => yesCount >= b.minimumYes) ?? questionnaire.bands.at(-1)!;
  const judged = state.judgement?.grade ?? "standard";
  const raised = GRADE_ORDER.indexOf(judged) > GRADE_ORDER.indexOf(band.grade);
  const finalGrade = raised ? judged : band.grade;
  const potentialEscalation = (state.incidentsInYear ?? 0) >= questionnaire.escalationIncidents;
  return {
    yesCount,
    answered: answers.length,
    byCount: band.grade,
    grade: finalGrade,
    raisedByJudgement: raised,
    potentialEscalation,
    maracReferral: finalGrade === "high" || band.marac || potentialEscalation,
  };
}

/** Judgement raises or confirms; a lower grade than the count gives is refused. */
export function judgementAllowed(questionnaire: Questionnaire, state: AssessmentState, judged: AssessmentGrade): boolean {
  const byCount = grade(questionnaire, { ...state, judgement: null }).byCount;
  return GRADE_ORDER.indexOf(judged) >= GRADE_ORDER.indexOf(byCount);
}

/** The latest answer to each question, the latest judgement and the latest incident count. */
export function stateOf(entries: readonly StateEntry[]): AssessmentState {
  const answers: Record<string, AssessmentAnswer> = {};
  let judgement: AssessmentState["judgement"] = null;
  let incidentsInYear: number | null = null;
  for (const entry of entries) {
    if (entry.kind === "answer" && entry.questionId && entry.answer) answers[entry.questionId] = entry.answer;
    if (entry.kind === "judgement" && entry.grade) judgement = { grade: entry.grade, reason: entry.comment ?? "" };
    if (entry.kind === "escalation") incidentsInYear = entry.incidentsInYear;
  }
  return { answers, judgement, incidentsInYear };
}

