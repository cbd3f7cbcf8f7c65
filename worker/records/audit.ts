/**
 * The audit log of access to records (Data Protection Act 2018, s.62): who, when, what and
 * why. Written before the record is revealed, so nothing is seen that is not logged; never
 * edited (the migration's triggers refuse UPDATE and DELETE on the table).
 */
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { database } from "../db/client";
import { auditLog } from "../db/schema";
import { randomId } from "../auth/secrets";
import type { AuditAction, AuditEntry, AuditQuery } from "../shared/protocol";
import type { Zone } from "../shared/time-zone";
import { officerNames } from "./officer-names";

export interface AuditActor {
  id: string;
  role: string;
}

/** The daily retention sweep, as it appears in the log. */
export const RETENTION_ACTOR: AuditActor = { id: "retention", role: "system" };

const MAX_LISTED = 500;

export async function audit(
  db: D1Database,
  actor: AuditActor,
  action: AuditAction,
  what: { conversationId?: string | null; detail?: Record<string, unknown>; justification: string },
): Promise<void> {
  await database(db)
    .insert(auditLog)
    .values({
      id: randomId(),
      at: Date.now(),
      actorId: actor.id,
      actorRole: actor.role,
      action,
      conversationId: what.conversationId ?? null,
      detail: what.detail ? JSON.stringify(what.detail) : null,
      justification: what.justification,
    });
}

/** Newest first; at most 500 entries per answer. Dates are days in the service's time zone. */
export async function auditEntries(db: D1Database, query: AuditQuery, zone: Zone): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
  const conditions: SQL[] = [];
  if (query.conversationId) conditions.push(eq(auditLog.conversationId, query.conversationId));
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.from) conditions.push(gte(auditLog.at, zone.startOfDay(query.from)));
  if (query.to) conditions.push(lt(auditLog.at, zone.endOfDay(query.to)));
  const rows = await database(db)
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(MAX_LISTED + 1);
  const listed = rows.slice(0, MAX_LISTED);
  const names = await officerNames(db, listed.map((r) => r.actorId));
  return { entries: listed.map((r) => ({ ...r, actorName: names[r.actorId] ?? null })), truncated: rows.length > MAX_LISTED };
}
