/**
 * The dashboard's names for what the service stores as codes: outcomes, risk gradings,
 * languages, days of the week and hours. The page, its tables and the CSV all use these, so a
 * figure is called the same everywhere.
 */

import { GRADES } from "$lib/staff-labels";

export { gradeLabel, languageName, outcomeLabel } from "$lib/staff-labels";

/** Monday first, as the service counts them (0 = Monday). */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** The order risk gradings are shown in, lowest first. */
export const GRADE_ORDER = GRADES.map((g) => g.value);

export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday] ?? `Day ${weekday}`;
}

/** "09:00" for the hour starting at nine. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
