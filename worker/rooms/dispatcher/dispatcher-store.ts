/**
 * The Dispatcher's SQLite storage: the queue, the officers it knows, and who has which chat.
 * A restart or eviction loses nothing: every decision reads from here.
 */
import type { OfficerStatus, StaffRole } from "../../shared/protocol";

import { migrate } from "../sqlite-migrations";

type Row = Record<string, SqlStorageValue>;

export interface QueueEntry {
  conversationId: string;
  waitingSince: number;
  priority: number;
  /** Why it was raised: an officer's words, or "risk cue: …". */
  priorityReason: string | null;
  returned: boolean;
  offered: boolean;
  /** The last place and estimate the victim was told, so they are told only of changes. */
  toldPosition: number | null;
  toldEstimate: number | null;
  toldOnDuty: number | null;
}

export interface OfficerRecord {
  officerId: string;
  displayName: string;
  role: StaffRole;
  status: OfficerStatus;
  capacity: number;
}

export interface Assignment {
  conversationId: string;
  officerId: string;
  waitingSince: number;
  assignedAt: number;
}

/** Schema steps for this object's SQLite (see sqlite-migrations.ts): append, never edit. */
const SCHEMA_STEPS = [
  `
  CREATE TABLE IF NOT EXISTS queue (
    conversation_id TEXT PRIMARY KEY,
    waiting_since   INTEGER NOT NULL,
    priority        INTEGER NOT NULL DEFAULT 0,
    returned        INTEGER NOT NULL DEFAULT 0,
    queued_at       INTEGER NOT NULL,
    offered         INTEGER NOT NULL DEFAULT 0,
    told_position   INTEGER,
    told_estimate   INTEGER,
    told_on_duty    INTEGER
  );
  CREATE TABLE IF NOT EXISTS officers (
    officer_id   TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL,
    status       TEXT NOT NULL,
    capacity     INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS assignments (
    conversation_id TEXT PRIMARY KEY,
    officer_id      TEXT NOT NULL,
    waiting_since   INTEGER NOT NULL,
    assigned_at     INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS assignments_officer ON assignments (officer_id);
  CREATE TABLE IF NOT EXISTS accepts (at INTEGER NOT NULL);
`,
  // Who is on duty now (on the console, not Away), so each change is recorded once for reports.
  `CREATE TABLE duty (officer_id TEXT PRIMARY KEY, since INTEGER NOT NULL);`,
  // Why a waiting chat was raised, so every console can say (issue 23: raised by a risk cue).
  `ALTER TABLE queue ADD COLUMN priority_reason TEXT;`,
] as const;

/** Returned chats first, then higher priority, then first come, first served. */
const QUEUE_ORDER = "ORDER BY returned DESC, priority DESC, waiting_since ASC, conversation_id ASC";

export class DispatcherStore {
  private readonly sql: SqlStorage;

  constructor(storage: DurableObjectStorage) {
    migrate(storage, "dispatcher", SCHEMA_STEPS);
    this.sql = storage.sql;
  }

  // ── duty ──

  /**
   * Brings the record of who is on duty up to date with `onDuty`; returns who came on and who
   * went off, for the duty events that staffing reports are worked out from.
   */
  updateDuty(onDuty: ReadonlySet<string>, now: number): { officerId: string; onDuty: boolean; at: number }[] {
    const before = new Set(this.sql.exec<Row>("SELECT officer_id FROM duty").toArray().map((r) => String(r.officer_id)));
    const changes: { officerId: string; onDuty: boolean; at: number }[] = [];
    for (const officerId of onDuty) {
      if (before.has(officerId)) continue;
      this.sql.exec("INSERT INTO duty (officer_id, since) VALUES (?, ?)", officerId, now);
      changes.push({ officerId, onDuty: true, at: now });
    }
    for (const officerId of before) {
      if (onDuty.has(officerId)) continue;
      this.sql.exec("DELETE FROM duty WHERE officer_id = ?", officerId);
      changes.push({ officerId, onDuty: false, at: now });
    }
    return changes;
  }

  // ── queue ──

  enqueue(conversationId: string, waitingSince: number, now: number, returned = false): void {
    this.sql.exec(
      `INSERT INTO queue (conversation_id, waiting_since, returned, queued_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(conversation_id) DO NOTHING`,
      conversationId,
      waitingSince,
      returned ? 1 : 0,
      now,
    );
  }

  waiting(): QueueEntry[] {
    return this.sql.exec<Row>(`SELECT * FROM queue ${QUEUE_ORDER}`).toArray().map(toQueueEntry);
  }

  queued(conversationId: string): QueueEntry | null {
    const row = this.sql.exec<Row>("SELECT * FROM queue WHERE conversation_id = ?", conversationId).toArray()[0];
    return row ? toQueueEntry(row) : null;
  }

  /** Takes a chat off the queue; null if it is not there (already taken). One statement, so one winner. */
  take(conversationId?: string): QueueEntry | null {
    const row = conversationId
      ? this.sql.exec<Row>("DELETE FROM queue WHERE conversation_id = ? RETURNING *", conversationId).toArray()[0]
      : this.sql
          .exec<Row>(
            `DELETE FROM queue WHERE conversation_id = (SELECT conversation_id FROM queue ${QUEUE_ORDER} LIMIT 1) RETURNING *`,
          )
          .toArray()[0];
    return row ? toQueueEntry(row) : null;
  }

  /** Raises a waiting chat, with why; a chat already raised keeps its first reason. Never lowers. */
  raisePriority(conversationId: string, reason: string | null): boolean {
    const changed = this.sql
      .exec(
        "UPDATE queue SET priority = 1, priority_reason = ? WHERE conversation_id = ? AND priority < 1 RETURNING conversation_id",
        reason,
        conversationId,
      )
      .toArray();
    return changed.length > 0;
  }

  markOffered(conversationId: string): void {
    this.sql.exec("UPDATE queue SET offered = 1 WHERE conversation_id = ?", conversationId);
  }

  markTold(conversationId: string, position: number, estimate: number | null, onDuty: number): void {
    this.sql.exec(
      "UPDATE queue SET told_position = ?, told_estimate = ?, told_on_duty = ? WHERE conversation_id = ?",
      position,
      estimate,
      onDuty,
      conversationId,
    );
  }

  // ── officers ──

  /** Remembers an officer seen on the console; status and capacity they already had are kept. */
  upsertOfficer(officerId: string, displayName: string, role: StaffRole, defaultCapacity: number): void {
    this.sql.exec(
      `INSERT INTO officers (officer_id, display_name, role, status, capacity) VALUES (?, ?, ?, 'available', ?)
       ON CONFLICT(officer_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role`,
      officerId,
      displayName,
      role,
      defaultCapacity,
    );
  }

  officer(officerId: string): OfficerRecord | null {
    const row = this.sql.exec<Row>("SELECT * FROM officers WHERE officer_id = ?", officerId).toArray()[0];
    return row ? toOfficer(row) : null;
  }

  officers(): OfficerRecord[] {
    return this.sql.exec<Row>("SELECT * FROM officers ORDER BY display_name").toArray().map(toOfficer);
  }

  setStatus(officerId: string, status: OfficerStatus): void {
    this.sql.exec("UPDATE officers SET status = ? WHERE officer_id = ?", status, officerId);
  }

  setCapacity(officerId: string, capacity: number): boolean {
    return this.sql
      .exec("UPDATE officers SET capacity = ? WHERE officer_id = ? RETURNING officer_id", capacity, officerId)
      .toArray().length > 0;
  }

  // ── assignments ──

  assign(conversationId: string, officerId: string, waitingSince: number, at: number): void {
    this.sql.exec(
      `INSERT INTO assignments (conversation_id, officer_id, waiting_since, assigned_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(conversation_id) DO UPDATE SET officer_id = excluded.officer_id, assigned_at = excluded.assigned_at`,
      conversationId,
      officerId,
      waitingSince,
      at,
    );
  }

  unassign(conversationId: string): Assignment | null {
    const row = this.sql
      .exec<Row>("DELETE FROM assignments WHERE conversation_id = ? RETURNING *", conversationId)
      .toArray()[0];
    return row ? toAssignment(row) : null;
  }

  assignment(conversationId: string): Assignment | null {
    const row = this.sql.exec<Row>("SELECT * FROM assignments WHERE conversation_id = ?", conversationId).toArray()[0];
    return row ? toAssignment(row) : null;
  }

  assignments(officerId?: string): Assignment[] {
    const rows = officerId
      ? this.sql.exec<Row>("SELECT * FROM assignments WHERE officer_id = ? ORDER BY assigned_at", officerId)
      : this.sql.exec<Row>("SELECT * FROM assignments ORDER BY assigned_at");
    return rows.toArray().map(toAssignment);
  }

  load(officerId: string): number {
    return Number(
      this.sql.exec<Row>("SELECT COUNT(*) AS n FROM assignments WHERE officer_id = ?", officerId).one().n,
    );
  }

  // ── accept history, for the wait estimate ──

  recordAccept(at: number): void {
    this.sql.exec("INSERT INTO accepts (at) VALUES (?)", at);
  }

  acceptsSince(since: number): number[] {
    this.sql.exec("DELETE FROM accepts WHERE at < ?", since);
    return this.sql.exec<Row>("SELECT at FROM accepts ORDER BY at").toArray().map((r) => Number(r.at));
  }
}

function toQueueEntry(row: Row): QueueEntry {
  const nullableNumber = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    conversationId: String(row.conversation_id),
    waitingSince: Number(row.waiting_since),
    priority: Number(row.priority),
    priorityReason: row.priority_reason === null || row.priority_reason === undefined ? null : String(row.priority_reason),
    returned: Number(row.returned) === 1,
    offered: Number(row.offered) === 1,
    toldPosition: nullableNumber(row.told_position),
    toldEstimate: nullableNumber(row.told_estimate),
    toldOnDuty: nullableNumber(row.told_on_duty),
  };
}

function toOfficer(row: Row): OfficerRecord {
  return {
    officerId: String(row.officer_id),
    displayName: String(row.display_name),
    role: row.role as StaffRole,
    status: row.status as OfficerStatus,
    capacity: Number(row.capacity),
  };
}

function toAssignment(row: Row): Assignment {
  return {
    conversationId: String(row.conversation_id),
    officerId: String(row.officer_id),
    waitingSince: Number(row.waiting_since),
    assignedAt: Number(row.assigned_at),
  };
}
