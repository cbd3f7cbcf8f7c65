/**
 * Finding records, within the searcher's role: an officer finds only the chats they took part
 * in; supervisors and admins find any (shared/access-policy.ts decides both). Every filter uses an
 * indexed column of `conversations`.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { database } from "../db/client";
import { conversationRow } from "../db/conversations";
import { conversations } from "../db/schema";
import type { Officer, RecordSearch, RecordSummary } from "../shared/protocol";
import { may } from "../shared/access-policy";
import type { Zone } from "../shared/time-zone";
import { mayReadConversation, tookPart } from "./access";
import { officerNames } from "./officer-names";

const MAX_RESULTS = 100;

type Row = typeof conversations.$inferSelect;

export function summaryOf(row: Row, names: Readonly<Record<string, string>>): RecordSummary {
  return {
    conversationId: row.id,
    startedAt: row.createdAt,
    endedAt: row.endedAt,
    officerId: row.officerId,
    officerName: row.officerId === null ? null : (names[row.officerId] ?? null),
    outcome: row.outcome,
    endReason: row.endReason,
    victimLanguage: row.victimLanguage,
    crimeReference: row.crimeReference,
    riskGrade: row.riskGrade,
    returning: row.returning === 1,
    sealed: row.transcriptSha256 !== null,
    legalHold: row.legalHoldAt !== null,
    erased: row.erasedAt !== null,
    transcriptSha256: row.transcriptSha256,
    pdfSha256: row.pdfSha256,
  };
}

/** Summaries of these rows, each with its officer's name. */
export async function summariesOf(db: D1Database, rows: Row[]): Promise<RecordSummary[]> {
  const names = await officerNames(db, rows.flatMap((r) => (r.officerId === null ? [] : [r.officerId])));
  return rows.map((row) => summaryOf(row, names));
}

/** One row's summary, with its officer's name. */
export const summaryFor = async (db: D1Database, row: Row): Promise<RecordSummary> => (await summariesOf(db, [row]))[0]!;

/** The record if this officer may see it, else null (and the caller says "not found"). */
export async function readableRecord(db: D1Database, officer: Officer, conversationId: string): Promise<Row | null> {
  const row = await conversationRow(db, conversationId);
  if (row?.status !== "ended") return null;
  return (await mayReadConversation(db, officer, row)) ? row : null;
}

/** Dates (`from`, `to`, both included) are days in the service's time zone, as the people searching mean them. */
export async function searchRecords(db: D1Database, officer: Officer, search: RecordSearch, zone: Zone) {
  const conditions: SQL[] = [eq(conversations.status, "ended")];
  if (!may(officer, "read-any-chat")) conditions.push(tookPart(officer.id));
  if (search.crimeReference) conditions.push(sql`${conversations.crimeReference} = ${search.crimeReference} COLLATE NOCASE`);
  if (search.from) conditions.push(gte(conversations.createdAt, zone.startOfDay(search.from)));
  if (search.to) conditions.push(lt(conversations.createdAt, zone.endOfDay(search.to)));
  if (search.officerId) conditions.push(eq(conversations.officerId, search.officerId));
  if (search.outcome) conditions.push(eq(conversations.outcome, search.outcome));
  if (search.riskGrade) conditions.push(eq(conversations.riskGrade, search.riskGrade));
  if (search.sameVictimAs) {
    conditions.push(
      sql`${conversations.threadId} = (SELECT thread_id FROM conversations WHERE id = ${search.sameVictimAs})`,
    );
  }
  const rows = await database(db)
    .select()
    .from(conversations)
    .where(and(...conditions))
    .orderBy(desc(conversations.createdAt))
    .limit(MAX_RESULTS + 1);
  return { records: await summariesOf(db, rows.slice(0, MAX_RESULTS)), truncated: rows.length > MAX_RESULTS };
}
