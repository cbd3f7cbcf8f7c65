/** How the Records page writes times, outcomes and gradings for people to read. */
import { languageName as sharedLanguageName } from "$lib/staff-labels";
import type { Actor } from "$shared/record/entry";

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

export { GRADES, OUTCOMES, gradeLabel, outcomeLabel } from "$lib/staff-labels";

export function actorLabel(actor: Actor, me: string): string {
  if (actor.role === "victim") return "Victim";
  if (actor.role === "system") return "The service";
  return actor.officerId === me ? "You" : `Officer ${actor.officerId}`;
}

/** "Polish" for "pl"; "not known" when none was given. */
export const languageName = (tag: string | null): string => sharedLanguageName(tag, "not known");
