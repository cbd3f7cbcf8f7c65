/**
 * Queue events (and officers' duty changes) on their way to D1. An event is first written to the
 * Dispatcher's own SQLite (so it survives anything), then copied to D1 in batches; each has its
 * own id, so a copy that is retried after a failure is stored once.
 */
import { database } from "../../db/client";
import { dutyEvents, queueEvents } from "../../db/schema";
import { randomId } from "../../auth/secrets";
import { log } from "../../log";

export type QueueEventKind = (typeof queueEvents.$inferInsert)["kind"];

export interface QueueEvent {
  conversationId: string;
  kind: QueueEventKind;
  at: number;
  officerId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

type Row = Record<string, SqlStorageValue>;
const BATCH = 40;
/** Duty changes share the outbox, marked by kind; they are about an officer, not a conversation. */
const DUTY_ON = "duty-on";
const DUTY_OFF = "duty-off";

export class EventOutbox {
  constructor(
    private readonly sql: SqlStorage,
    private readonly db: D1Database,
  ) {
    sql.exec(`CREATE TABLE IF NOT EXISTS outbox (
      id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL,
      officer_id TEXT, detail TEXT
    )`);
  }

  record(event: QueueEvent): void {
    this.sql.exec(
      "INSERT INTO outbox (id, conversation_id, kind, at, officer_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
      randomId(),
      event.conversationId,
      event.kind,
      event.at,
      event.officerId ?? null,
      event.detail ? JSON.stringify(event.detail) : null,
    );
  }

  recordDuty(change: { officerId: string; onDuty: boolean; at: number }): void {
    this.sql.exec(
      "INSERT INTO outbox (id, conversation_id, kind, at, officer_id, detail) VALUES (?, '', ?, ?, ?, NULL)",
      randomId(),
      change.onDuty ? DUTY_ON : DUTY_OFF,
      change.at,
      change.officerId,
    );
  }

  /** Copies everything waiting to D1. Returns false if some of it could not be copied yet. */
  async deliver(): Promise<boolean> {
    for (;;) {
      const rows = this.sql.exec<Row>("SELECT * FROM outbox ORDER BY at LIMIT ?", BATCH).toArray();
      if (rows.length === 0) return true;
      const db = database(this.db);
      const inserts = rows.map((row) => {
        if (row.kind === DUTY_ON || row.kind === DUTY_OFF) {
          return db
            .insert(dutyEvents)
            .values({ id: String(row.id), officerId: String(row.officer_id), onDuty: row.kind === DUTY_ON ? 1 : 0, at: Number(row.at) })
            .onConflictDoNothing();
        }
        return db
          .insert(queueEvents)
          .values({
            id: String(row.id),
            conversationId: String(row.conversation_id),
            kind: String(row.kind) as QueueEventKind,
            at: Number(row.at),
            officerId: row.officer_id === null ? null : String(row.officer_id),
            detail: row.detail === null ? null : String(row.detail),
          })
          .onConflictDoNothing();
      });
      try {
        const [first, ...rest] = inserts;
        if (first) await db.batch([first, ...rest]);
      } catch (error) {
        log.warn("queue-events.copy-failed", { count: rows.length, error });
        return false;
      }
      for (const row of rows) this.sql.exec("DELETE FROM outbox WHERE id = ?", row.id);
    }
  }
}
