/** How the Records page writes times, people, outcomes and gradings for people to read. */
import { languageName as sharedLanguageName } from "$lib/staff-labels";
import { serviceTime } from "$shared/service-time";
import type { RecordSummary } from "$shared/protocol";
import type { Actor } from "$shared/record/entry";
import { serviceZone } from "./service-zone.svelte";

/** In the service's time zone with its offset, e.g. "28 Nov 2026 10:04 GMT+0"; epoch ms or ISO. */
export const when = (time: number | string): string => serviceTime(time, serviceZone.name);

/** Just the day in the service's time zone, e.g. "28 Nov 2026". */
export const onDay = (time: number | string): string =>
  new Intl.DateTimeFormat("en-GB", { timeZone: serviceZone.name, day: "numeric", month: "short", year: "numeric" }).format(new Date(time));

/** For a `<time datetime>` attribute. */
export const iso = (time: number | string): string => new Date(time).toISOString();

export { GRADES, OUTCOMES, answerLabel, endReasonLabel, gradeLabel, outcomeLabel } from "$lib/staff-labels";

/** Display names of the officers a record names, by id (from the Worker). */
export type OfficerNames = Readonly<Record<string, string>>;

/** "You" for the reader, else the officer's name; their id only if the service has no name for it. */
export function officerLabel(officerId: string, me: string, names: OfficerNames): string {
  return officerId === me ? "You" : (names[officerId] ?? `Officer ${officerId}`);
}

/** The officer a record summary names, for the reader: "None" when no officer took the chat. */
export function recordOfficerLabel(record: RecordSummary, me: string): string {
  if (record.officerId === null) return "None";
  return officerLabel(record.officerId, me, record.officerName ? { [record.officerId]: record.officerName } : {});
}

export function actorLabel(actor: Actor, me: string, names: OfficerNames): string {
  if (actor.role === "victim") return "Victim";
  if (actor.role === "system") return "The service";
  return officerLabel(actor.officerId, me, names);
}

/** "Polish" for "pl"; "not known" when none was given. */
export const languageName = (tag: string | null): string => sharedLanguageName(tag, "not known");
