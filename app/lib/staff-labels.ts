/**
 * What staff pages call the codes the service stores: outcomes, risk gradings and languages.
 * The console, the Records page and the dashboard (its charts, tables and CSV) all use these,
 * so a thing is called the same everywhere.
 */
import type { OutcomeKind } from "$shared/protocol";

export const OUTCOMES: readonly { value: OutcomeKind; label: string }[] = [
  { value: "advice-given", label: "Advice given" },
  { value: "crime-recorded", label: "Crime recorded" },
  { value: "referral-made", label: "Referral made" },
  { value: "emergency-response", label: "Emergency response sent" },
  { value: "victim-left", label: "Victim left" },
  { value: "other", label: "Other" },
];

export const outcomeLabel = (value: string | null): string =>
  value === null ? "Not recorded" : (OUTCOMES.find((o) => o.value === value)?.label ?? value);

/** Lowest first. */
export const GRADES = [
  { value: "standard", label: "Standard" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
] as const;

export const gradeLabel = (value: string | null): string =>
  value === null ? "Not assessed" : (GRADES.find((g) => g.value === value)?.label ?? value);

/** "Polish" for "pl": one naming for the worker's record and every staff page. */
export { languageName } from "$shared/language-names";
