/**
 * Queue events on their way to D1. An event is first written to the Dispatcher's own SQLite
 * (so it survives anything), then copied to D1 in batches; each has its own id, so a copy
 * that is retried after a failure is stored once.
 */
import { database } from "../db/client";
import { queueEvents } from "../db/schema";
import { randomId } from "../auth/secrets";

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

  /** Copies everything waiting to D1. Returns false if some of it could not be copied yet. */
  async deliver(): Promise<boolean> {
    for (;;) {
      const rows = this.sql.exec<Row>("SELECT * FROM outbox ORDER BY at LIMIT ?", BATCH).toArray();
      if (rows.length === 0) return true;
      const db = database(this.db);
      const inserts = rows.map((row) =>
        db
          .insert(queueEvents)
          .values({
            id: String(row.id),
            conversationId: String(row.conversation_id),
            kind: String(row.kind) as QueueEventKind,
            at: Number(row.at),
            officerId: row.officer_id === null ? null : String(row.officer_id),
            detail: row.detail === null ? null : String(row.detail),
          })
          .onConflictDoNothing(),
      );
      try {
        const [first, ...rest] = inserts;
        if (first) await db.batch([first, ...rest]);
      } catch (error) {
        console.error("queue events could not be copied to D1; will retry", error);
        return false;
      }
      for (const row of rows) this.sql.exec("DELETE FROM outbox WHERE id = ?", row.id);
    }
  }
}
