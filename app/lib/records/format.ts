/** How the Records page writes times, outcomes and gradings for people to read. */
import type { OutcomeKind } from "$shared/protocol";
import type { Actor } from "./transcript";

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Local time, e.g. "28 Nov 2026 10:04"; accepts epoch milliseconds or an ISO string. */
export function when(time: number | string): string {
  const date = new Date(time);
  return `${day.format(date)} ${clock.format(date)}`;
}

/** Just the local day, e.g. "28 Nov 2026". */
export const onDay = (time: number | string): string => day.format(new Date(time));

/** For a `<time datetime>` attribute. */
export const iso = (time: number | string): string => new Date(time).toISOString();

export const OUTCOMES: { value: OutcomeKind; label: string }[] = [
  { value: "advice-given", label: "Advice given" },
  { value: "crime-recorded", label: "Crime recorded" },
  { value: "referral-made", label: "Referral made" },
  { value: "emergency-response", label: "Emergency response sent" },
  { value: "victim-left", label: "Victim left" },
  { value: "other", label: "Other" },
];

export const outcomeLabel = (value: string | null): string =>
  value === null ? "None recorded" : (OUTCOMES.find((o) => o.value === value)?.label ?? value);

export const GRADES = [
  { value: "standard", label: "Standard" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
] as const;

export const gradeLabel = (value: string | null): string =>
  value === null ? "Not assessed" : (GRADES.find((g) => g.value === value)?.label ?? value);

export function actorLabel(actor: Actor, me: string): string {
  if (actor.role === "victim") return "Victim";
  if (actor.role === "system") return "The service";
  return actor.officerId === me ? "You" : `Officer ${actor.officerId}`;
}

const languages = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** "Polish" for "pl"; the tag itself when the browser does not know it. */
export function languageName(tag: string | null): string {
  if (!tag) return "not known";
  try {
    return languages.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
