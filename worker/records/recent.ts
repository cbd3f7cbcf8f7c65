/**
 * An officer's own chats of the last 24 hours, listed without a reason: what they handled on
 * this shift, to pick up a record they have just made. Only chats they took part in, whatever
 * their role (a supervisor's wider reach is a search, with a reason, audited). Opening one is
 * still a view of a record, with a reason and an audit entry, like any other.
 */
import { and, desc, eq, gte } from "drizzle-orm";
import { database } from "../db/client";
import { conversations } from "../db/schema";
import type { RecordSummary } from "../shared/protocol";
import type { StaffMember } from "../shared/access-policy";
import { tookPart } from "./access";
import { summariesOf } from "./search";

export const RECENT_MS = 24 * 60 * 60_000;
/** More than any shift's chats; the list is not a way round searching. */
const MAX_LISTED = 50;

export async function recentOwnRecords(db: D1Database, officer: Pick<StaffMember, "id">, now: number): Promise<{ records: RecordSummary[]; since: number }> {
  const since = now - RECENT_MS;
  const rows = await database(db)
    .select()
    .from(conversations)
    .where(and(eq(conversations.status, "ended"), gte(conversations.endedAt, since), tookPart(officer.id)))
    .orderBy(desc(conversations.endedAt))
    .limit(MAX_LISTED);
  return { records: await summariesOf(db, rows), since };
}
