/**
 * Risk questionnaires are data: a force can add another (for example the College of Policing's
 * DARA) as a new entry here, without changing code. Each has its questions in groups and the
 * bands that turn a count of "yes" answers into a grading.
 */
import type { AssessmentGrade } from "../shared/protocol/http.ts";

export const GRADE_ORDER: readonly AssessmentGrade[] = ["standard", "medium", "high"];

export interface Question {
  id: string;
  /** Asked of the victim, in plain words; officers may send it into the chat as written. */
  text: string;
}

export interface QuestionGroup {
  title: string;
  questions: readonly Question[];
}

export interface Questionnaire {
  id: string;
  title: string;
  groups: readonly QuestionGroup[];
  /** From the highest: the first band whose `minimumYes` the count reaches is the grading. */
  bands: readonly { minimumYes: number; grade: AssessmentGrade; marac: boolean }[];
  /** Incidents in twelve months at which "potential escalation" applies (a MARAC criterion). */
  escalationIncidents: number;
}
