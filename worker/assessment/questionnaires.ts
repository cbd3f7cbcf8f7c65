/**
 * The questionnaires a record may name, by id: a record says which one its answers belong to,
 * and its readers (the PDF, the Records page) list every question of that one.
 */
import type { QuestionnaireOutline } from "../shared/record/question-rows.ts";
import { DASH } from "./dash.ts";
import type { Questionnaire } from "./questionnaire.ts";

const KNOWN: readonly Questionnaire[] = [DASH];

/** The questionnaire with this id, its groups and questions; one with no questions if it is not known here. */
export function questionnaireOutline(id: string, title = id): QuestionnaireOutline {
  const known = KNOWN.find((q) => q.id === id);
  if (!known) return { id, title, groups: [] };
  return {
    id: known.id,
    title: known.title,
    groups: known.groups.map((g) => ({ title: g.title, questions: g.questions.map((q) => ({ id: q.id, text: q.text })) })),
  };
}
