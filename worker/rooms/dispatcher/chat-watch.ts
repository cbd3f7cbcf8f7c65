/**
 * What the Dispatcher knows of each live chat for the supervision page, beyond the queue and
 * assignments: the victim's language and last activity, a shared location, DASH progress and
 * why its priority was raised. Conversations and the assessment route tell the Dispatcher as
 * these change (Dispatcher.watchChat); a row goes when its chat ends.
 *
 * **Its own schema name** ("chat-watch") in the object's SQLite, so its steps never interleave
 * with the queue's (dispatcher-store.ts).
 */
import { AssessmentGrade, type WatchedChat } from "../../shared/protocol";
import { migrate } from "../sqlite-migrations";

type Row = Record<string, SqlStorageValue>;

/** How many questions a checklist (DASH's 27) has, for "answered of all". */
export const questionCount = (questionnaire: { groups: readonly { questions: readonly unknown[] }[] }) =>
  questionnaire.groups.reduce((n, group) => n + group.questions.length, 0);

/** What a Conversation or the assessment route reports; fields left out are kept as they were. */
export type ChatNews = Partial<Omit<WatchedChat, "conversationId" | "ended">>;

const SCHEMA_STEPS = [
  `CREATE TABLE chat_watch (
    conversation_id TEXT PRIMARY KEY,
    language        TEXT,
    last_victim_at  INTEGER,
    location_shared INTEGER NOT NULL DEFAULT 0,
    grade           TEXT,
    answered        INTEGER NOT NULL DEFAULT 0,
    questions       INTEGER NOT NULL DEFAULT 0,
    marac_referral  INTEGER NOT NULL DEFAULT 0,
    priority_reason TEXT
  );`,
  // A chat in wrap-up stays on the supervision page, with how it ended (a quick exit, say).
  `ALTER TABLE chat_watch ADD COLUMN ended_reason TEXT;
   ALTER TABLE chat_watch ADD COLUMN ended_at INTEGER;
   ALTER TABLE chat_watch ADD COLUMN ended_officer_id TEXT;`,
] as const;

/** A wrap-up never closed (a console gone for good) leaves the page after this long. */
export const WRAP_UP_SHOWN_MS = 12 * 60 * 60_000;

const COLUMNS: Record<keyof ChatNews, string> = {
  language: "language",
  lastVictimAt: "last_victim_at",
  locationShared: "location_shared",
  grade: "grade",
  answered: "answered",
  questions: "questions",
  maracReferral: "marac_referral",
  priorityReason: "priority_reason",
};

export class ChatWatch {
  private readonly sql: SqlStorage;

  constructor(storage: DurableObjectStorage) {
    migrate(storage, "chat-watch", SCHEMA_STEPS);
    this.sql = storage.sql;
  }

  /** Merges what is new into the chat's row; true when anything changed. */
  note(conversationId: string, news: ChatNews): boolean {
    const fields = (Object.keys(COLUMNS) as (keyof ChatNews)[]).filter((key) => news[key] !== undefined);
    if (fields.length === 0) return false;
    const values = fields.map((key) => {
      const value = news[key]!;
      return typeof value === "boolean" ? Number(value) : value;
    });
    const before = JSON.stringify(this.chat(conversationId));
    this.sql.exec(
      `INSERT INTO chat_watch (conversation_id, ${fields.map((f) => COLUMNS[f]).join(", ")})
       VALUES (?, ${fields.map(() => "?").join(", ")})
       ON CONFLICT(conversation_id) DO UPDATE SET ${fields.map((f) => `${COLUMNS[f]} = excluded.${COLUMNS[f]}`).join(", ")}`,
      conversationId,
      ...values,
    );
    return JSON.stringify(this.chat(conversationId)) !== before;
  }

  forget(conversationId: string): void {
    this.sql.exec("DELETE FROM chat_watch WHERE conversation_id = ?", conversationId);
  }

  /** The chat ended with an officer in it: its row stays, marked, while they wrap it up. */
  ended(conversationId: string, reason: string, at: number, officerId: string): void {
    this.sql.exec(
      `INSERT INTO chat_watch (conversation_id, ended_reason, ended_at, ended_officer_id) VALUES (?, ?, ?, ?)
       ON CONFLICT(conversation_id) DO UPDATE SET ended_reason = excluded.ended_reason, ended_at = excluded.ended_at, ended_officer_id = excluded.ended_officer_id`,
      conversationId,
      reason,
      at,
      officerId,
    );
  }

  /** The chats being wrapped up, newest first; rows older than WRAP_UP_SHOWN_MS go. */
  wrappingUp(now: number): string[] {
    this.sql.exec("DELETE FROM chat_watch WHERE ended_at IS NOT NULL AND ended_at < ?", now - WRAP_UP_SHOWN_MS);
    return this.sql
      .exec<Row>("SELECT conversation_id FROM chat_watch WHERE ended_at IS NOT NULL ORDER BY ended_at DESC")
      .toArray()
      .map((row) => String(row.conversation_id));
  }

  chat(conversationId: string): WatchedChat | null {
    const row = this.sql.exec<Row>("SELECT * FROM chat_watch WHERE conversation_id = ?", conversationId).toArray()[0];
    return row ? toWatchedChat(row) : null;
  }

  /** The rows of these chats (the live ones), each chat once. */
  chats(conversationIds: readonly string[]): WatchedChat[] {
    const live = new Set(conversationIds);
    return this.sql
      .exec<Row>("SELECT * FROM chat_watch ORDER BY conversation_id")
      .toArray()
      .map(toWatchedChat)
      .filter((chat) => live.has(chat.conversationId));
  }
}

function toWatchedChat(row: Row): WatchedChat {
  const grade = AssessmentGrade.safeParse(row.grade);
  return {
    conversationId: String(row.conversation_id),
    language: row.language === null ? null : String(row.language),
    lastVictimAt: row.last_victim_at === null ? null : Number(row.last_victim_at),
    locationShared: Boolean(row.location_shared),
    grade: grade.success ? grade.data : null,
    answered: Number(row.answered),
    questions: Number(row.questions),
    maracReferral: Boolean(row.marac_referral),
    priorityReason: row.priority_reason === null ? null : String(row.priority_reason),
    ended:
      row.ended_at === null || row.ended_at === undefined
        ? null
        : { reason: String(row.ended_reason), at: Number(row.ended_at), officerId: String(row.ended_officer_id) },
  };
}
