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

let languageNames: Intl.DisplayNames | null | undefined;

/** "Polish" for "pl"; `unknown` when none was given; the tag itself when it has no name. */
export function languageName(tag: string | null, unknown = "Not chosen"): string {
  if (!tag) return unknown;
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
    } catch {
      languageNames = null;
    }
  }
  try {
    return languageNames?.of(tag) ?? tag;
  } catch {
    // Not a well-formed language tag: show what was stored.
    return tag;
  }
}
