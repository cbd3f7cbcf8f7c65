/**
 * The dashboard's names for what the service stores as codes: outcomes, risk gradings,
 * languages, days of the week and hours. The page, its tables and the CSV all use these, so a
 * figure is called the same everywhere.
 */

const OUTCOMES: Record<string, string> = {
  "advice-given": "Advice given",
  "crime-recorded": "Crime recorded",
  "referral-made": "Referral made",
  "emergency-response": "Emergency response",
  "victim-left": "Victim left",
  other: "Other",
};

const GRADES: Record<string, string> = { standard: "Standard", medium: "Medium", high: "High" };

/** Monday first, as the service counts them (0 = Monday). */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** The order risk gradings are shown in, lowest first. */
export const GRADE_ORDER = ["standard", "medium", "high"] as const;

export function outcomeLabel(outcome: string | null): string {
  if (outcome === null) return "Not recorded";
  return OUTCOMES[outcome] ?? outcome;
}

export function gradeLabel(grade: string | null): string {
  if (grade === null) return "Not assessed";
  return GRADES[grade] ?? grade;
}

let languageNames: Intl.DisplayNames | null | undefined;

/** The language's name in English ("pl" → "Polish"); the code itself if it has no name. */
export function languageName(code: string | null): string {
  if (code === null) return "Not chosen";
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
    } catch {
      languageNames = null;
    }
  }
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    // Not a well-formed language tag: show what was stored.
    return code;
  }
}

export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday] ?? `Day ${weekday}`;
}

/** "09:00" for the hour starting at nine. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
