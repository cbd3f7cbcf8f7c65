/**
 * Officers' display names by id, for records read by people (the Records pages and the sealed
 * PDF). An id with no account (one deleted since) is simply absent: readers show the id instead.
 */
import { asc, inArray } from "drizzle-orm";
import { database } from "../db/client";
import { officers } from "../db/schema";
import { inGroupsOf } from "../shared/in-groups";
import type { StaffList } from "../shared/protocol";
import type { RecordEntry } from "../shared/record/entry";

/** D1 takes at most 100 bound parameters in a statement: ids are looked up this many at a time. */
const IDS_PER_QUERY = 90;

export async function officerNames(db: D1Database, ids: Iterable<string>): Promise<Record<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => id !== "");
  const rows: { id: string; name: string }[] = [];
  for (const group of inGroupsOf(wanted, IDS_PER_QUERY)) {
    rows.push(
      ...(await database(db)
        .select({ id: officers.id, name: officers.displayName })
        .from(officers)
        .where(inArray(officers.id, group))),
    );
  }
  // Sorted by id so that the same officers always give the same object (the PDF's bytes depend on it).
  return Object.fromEntries(rows.map((r) => [r.id, r.name] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every officer a record's entries name: whoever made an entry, took the chat or handed it on. */
export function officersIn(entries: readonly RecordEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.by.role === "officer") ids.add(entry.by.officerId);
    if (entry.kind === "accepted" || entry.kind === "returned") ids.add(entry.data.officerId);
    if (entry.kind === "transferred") {
      ids.add(entry.data.from);
      ids.add(entry.data.to);
    }
  }
  return ids;
}

/** Every staff account by name (disabled ones too: their chats are still found by them). */
export async function staffList(db: D1Database): Promise<StaffList> {
  const rows = await database(db)
    .select({ id: officers.id, displayName: officers.displayName, role: officers.role, disabledAt: officers.disabledAt })
    .from(officers)
    .orderBy(asc(officers.displayName), asc(officers.id));
  return { officers: rows.map(({ disabledAt, ...row }) => ({ ...row, disabled: disabledAt !== null })) };
}
