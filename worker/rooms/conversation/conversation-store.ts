/**
 * The Conversation Durable Object's own SQLite storage: the source of truth for a live chat.
 * Everything the object needs after hibernation or a restart is read from here, never from
 * fields on the instance.
 */
import type {
  ChatMessage,
  ConversationStatus,
  EndReason,
  Handover,
  ParticipantRole,
  QueueInfo,
  ReadMarks,
  Outcome,
  PrivateNote,
  RiskCue,
  SharedLocation,
  Translation,
  VictimContext,
} from "../../shared/protocol";
import { migrate } from "../sqlite-migrations";
import { chainEntry, FROM_NOTHING, type ChainStart } from "../../transcripts/chain";
import { actor, entry as entryOf, iso } from "../../transcripts/entries";
import type { EntryContent, EntryOf, MessageData, RecordEntry } from "../../shared/record/entry";

export interface ConversationRecord {
  id: string;
  status: ConversationStatus;
  tokenHash: string;
  createdAt: number;
  officerId: string | null;
  acceptedAt: number | null;
  endedAt: number | null;
  endReason: EndReason | null;
  archivedAt: number | null;
  /** Set while the victim is being asked whether they are still there. */
  inactivityClosesAt: number | null;
  /** The officer gave more time: the question is not asked before this (null when none was given, or it has run out). */
  moreTimeUntil: number | null;
  /** Highest seq already copied to D1. */
  flushedSeq: number;
  /** Highest record entry already in the live copy in R2 (archive/live-copy.ts). */
  liveCopiedN: number;
  read: ReadMarks;
  /** While waiting: what the victim was last told about the queue. */
  queue: QueueInfo | null;
  victim: VictimContext;
  officerLanguage: string;
  /** The language the victim last wrote in (else the one they chose). */
  victimLanguageNow: string | null;
  /** The language the victim's messages have clearly shown (or an officer said), if any yet. */
  victimLanguageWritten: string | null;
  /** Officers' corrections: a message read as the key is in the value's language. */
  languageCorrections: Readonly<Record<string, string>>;
  outcome: Outcome | null;
}


type Row = Record<string, SqlStorageValue>;

/** Schema steps for this object's SQLite (see sqlite-migrations.ts): append, never edit. */
export const SCHEMA_STEPS = [
  `
  CREATE TABLE IF NOT EXISTS conversation (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    id          TEXT NOT NULL,
    status      TEXT NOT NULL,
    token_hash  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    officer_id  TEXT,
    accepted_at INTEGER,
    ended_at    INTEGER,
    end_reason  TEXT,
    archived_at INTEGER,
    victim_active_at      INTEGER NOT NULL,
    inactivity_closes_at  INTEGER,
    flushed_seq           INTEGER NOT NULL DEFAULT 0,
    victim_read_seq       INTEGER NOT NULL DEFAULT 0,
    officer_read_seq      INTEGER NOT NULL DEFAULT 0,
    queue_info            TEXT
  );
  CREATE TABLE IF NOT EXISTS handovers (
    at          INTEGER NOT NULL,
    from_officer TEXT,
    note        TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS messages (
    seq       INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL,
    sender    TEXT NOT NULL,
    body      TEXT NOT NULL,
    sent_at   INTEGER NOT NULL,
    UNIQUE (sender, client_id)
  );
  CREATE TABLE IF NOT EXISTS tickets (
    hash       TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
`,
  `ALTER TABLE conversation ADD COLUMN victim_language TEXT;
   ALTER TABLE conversation ADD COLUMN is_returning INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE locations (
     at        INTEGER NOT NULL,
     latitude  REAL NOT NULL,
     longitude REAL NOT NULL,
     accuracy  REAL NOT NULL
   );`,
  `ALTER TABLE conversation ADD COLUMN officer_language TEXT NOT NULL DEFAULT 'en';
   ALTER TABLE conversation ADD COLUMN victim_current_language TEXT;
   ALTER TABLE messages ADD COLUMN language TEXT;
   ALTER TABLE messages ADD COLUMN translation_status TEXT NOT NULL DEFAULT 'off';
   ALTER TABLE messages ADD COLUMN translation_text TEXT;
   ALTER TABLE messages ADD COLUMN translation_to TEXT;
   ALTER TABLE messages ADD COLUMN translation_model TEXT;`,
  `CREATE TABLE notes (at INTEGER NOT NULL, officer_id TEXT NOT NULL, text TEXT NOT NULL);
   ALTER TABLE conversation ADD COLUMN outcome TEXT;`,
  // The evidential record: every entry chained to the one before (see transcripts/chain.ts).
  `CREATE TABLE record_entries (n INTEGER PRIMARY KEY, entry TEXT NOT NULL, digest TEXT NOT NULL);`,
  // Keyed hashes of where the victim's side connected from (abuse/source.ts), for a block.
  // Never an address; erased with everything else once the record is sealed.
  `CREATE TABLE sources (hash TEXT PRIMARY KEY);`,
  // A redeemed ticket is kept (as used) until it would have expired, so the tickets a chat has
  // been given in the last minute can be counted and capped.
  `ALTER TABLE tickets ADD COLUMN redeemed INTEGER NOT NULL DEFAULT 0;`,
  // Officers' corrections of the language the victim's messages were read as: { "ur": "fa" }.
  `ALTER TABLE conversation ADD COLUMN language_corrections TEXT;`,
  // One write per message: its row is also its link in the record (n, prev, digest, and the
  // officer who wrote it); the entry is worked out from the row (recordedMessage). `recorded`
  // keeps the language and translation the entry holds once the row's own change (a
  // translation arriving, a correction). Messages stored before this step keep their entries
  // in record_entries, where they were chained; both are read together (ConversationStore.entries).
  // The live copy in R2 grows by what is new (live_copied_n); pending translations are found
  // without reading every message.
  `ALTER TABLE messages ADD COLUMN n INTEGER;
   ALTER TABLE messages ADD COLUMN prev TEXT;
   ALTER TABLE messages ADD COLUMN digest TEXT;
   ALTER TABLE messages ADD COLUMN officer_id TEXT;
   ALTER TABLE messages ADD COLUMN recorded TEXT;
   ALTER TABLE conversation ADD COLUMN live_copied_n INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX messages_pending ON messages (seq) WHERE translation_status = 'pending';`,
  // The officer's "more time": the inactivity question waits until then.
  `ALTER TABLE conversation ADD COLUMN more_time_until INTEGER;`,
  // A supervisor's private message to the chat's officer is a note that names them both.
  `ALTER TABLE notes ADD COLUMN private_from_name TEXT;
   ALTER TABLE notes ADD COLUMN private_to_officer TEXT;`,
] as const;

/**
 * Set on a message's first change after it was stored: what its record entry holds. Old rows
 * (chained in record_entries) need nothing kept.
 */
const KEEP_RECORDED = `recorded = COALESCE(recorded, CASE WHEN n IS NULL THEN NULL ELSE json_object(
  'language', language,
  'translation', json_object('status', translation_status, 'text', translation_text, 'to', translation_to, 'model', translation_model)
) END)`;

/** At most this many sources are kept for one chat: enough for a phone moving between networks. */
const MAX_SOURCES = 8;


/** A message to store: what its sender wrote, and how it was read and will be translated. */
export interface NewMessage {
  from: ParticipantRole;
  clientId: string;
  text: string;
  sentAt: number;
  language: string | null;
  translation: Translation;
  /** The officer who wrote it (null for the victim's). */
  officerId: string | null;
}

/**
 * An object that was never opened, or whose record was sealed and then erased, has no tables
 * at all, and reading it creates none: an erased conversation keeps nothing.
 *
 * **Only this object writes its storage**, so what it has written is kept here too and read
 * back from memory: the conversation row, the last seq and the chain's last link. SQLite is
 * asked once after waking, and a message costs one statement (`appendMessage`).
 */
export class ConversationStore {
  private readonly sql: SqlStorage;
  #exists: boolean;
  #record: ConversationRecord | null | undefined;
  /** The chain's last link, once read: only this store appends to it. */
  #head: ChainStart | undefined;
  /** The last message's seq, once read: only this store adds messages. */
  #lastSeq: number | undefined;

  constructor(private readonly storage: DurableObjectStorage) {
    this.sql = storage.sql;
    this.#exists = this.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_schema'").toArray().length > 0;
    // An object made by older code is brought up to date before anything reads it.
    if (this.#exists) migrate(storage, "conversation", SCHEMA_STEPS);
  }

  /** The conversation row, read once and then kept up to date by every change this store makes. */
  read(): ConversationRecord | null {
    if (!this.#exists) return null;
    this.#record ??= this.readRow();
    return this.#record;
  }

  /**
   * Writes the conversation row and keeps `patch`, what the write changed, in the copy in
   * memory (a new object, so a record read before is not changed under its reader).
   */
  private change(patch: Partial<ConversationRecord>, query: string, ...params: SqlStorageValue[]): void {
    this.sql.exec(query, ...params);
    const record = this.read();
    if (record) this.#record = { ...record, ...patch };
  }

  private readRow(): ConversationRecord | null {
    const row = this.sql.exec<Row>("SELECT * FROM conversation WHERE singleton = 1").toArray()[0];
    if (!row) return null;
    return {
      id: String(row.id),
      status: row.status as ConversationStatus,
      tokenHash: String(row.token_hash),
      createdAt: Number(row.created_at),
      officerId: row.officer_id === null ? null : String(row.officer_id),
      acceptedAt: row.accepted_at === null ? null : Number(row.accepted_at),
      endedAt: row.ended_at === null ? null : Number(row.ended_at),
      endReason: row.end_reason === null ? null : (row.end_reason as EndReason),
      archivedAt: row.archived_at === null ? null : Number(row.archived_at),
      inactivityClosesAt: row.inactivity_closes_at === null ? null : Number(row.inactivity_closes_at),
      moreTimeUntil: row.more_time_until === null ? null : Number(row.more_time_until),
      flushedSeq: Number(row.flushed_seq),
      liveCopiedN: Number(row.live_copied_n),
      read: { victim: Number(row.victim_read_seq), officer: Number(row.officer_read_seq) },
      queue: row.queue_info === null ? null : (JSON.parse(String(row.queue_info)) as QueueInfo),
      victim: {
        language: row.victim_language === null ? null : String(row.victim_language),
        returning: Number(row.is_returning) === 1,
      },
      officerLanguage: String(row.officer_language),
      victimLanguageNow:
        row.victim_current_language !== null
          ? String(row.victim_current_language)
          : row.victim_language === null
            ? null
            : String(row.victim_language),
      victimLanguageWritten: row.victim_current_language === null ? null : String(row.victim_current_language),
      languageCorrections:
        row.language_corrections === null || row.language_corrections === undefined
          ? {}
          : (JSON.parse(String(row.language_corrections)) as Record<string, string>),
      outcome: row.outcome === null || row.outcome === undefined ? null : (JSON.parse(String(row.outcome)) as Outcome),
    };
  }

  create(id: string, tokenHash: string, createdAt: number, victim: VictimContext): void {
    migrate(this.storage, "conversation", SCHEMA_STEPS);
    this.#exists = true;
    this.sql.exec(
      `INSERT INTO conversation (singleton, id, status, token_hash, created_at, victim_active_at, victim_language, is_returning)
       VALUES (1, ?, 'waiting', ?, ?, ?, ?, ?)`,
      id,
      tokenHash,
      createdAt,
      createdAt,
      victim.language,
      victim.returning ? 1 : 0,
    );
    this.#record = undefined;
  }

  // ── the evidential record ──

  /** The chain's last link: a message's or another entry's, whichever came last. */
  private head(): ChainStart {
    if (!this.#head) {
      const links = [
        this.sql.exec<Row>("SELECT n, digest FROM record_entries ORDER BY n DESC LIMIT 1").toArray()[0],
        this.sql.exec<Row>("SELECT n, digest FROM messages WHERE n IS NOT NULL ORDER BY seq DESC LIMIT 1").toArray()[0],
      ].filter((row) => row !== undefined);
      const last = links.sort((a, b) => Number(b.n) - Number(a.n))[0];
      this.#head = last ? { n: Number(last.n), head: String(last.digest) } : FROM_NOTHING;
    }
    return this.#head;
  }

  /**
   * Chains `content` onto the record. Synchronous from reading the last link to writing this
   * one, so two things happening at once can never both follow the same entry. Messages are
   * chained by `appendMessage` instead, in their own row.
   */
  appendEntry(content: EntryContent): RecordEntry {
    const entry = chainEntry(this.head(), content);
    this.sql.exec("INSERT INTO record_entries (n, entry, digest) VALUES (?, ?, ?)", entry.n, JSON.stringify(entry), entry.digest);
    this.#head = { n: entry.n, head: entry.digest };
    return entry;
  }

  /** The whole record, in order. */
  entries(): RecordEntry[] {
    return this.entriesAfter(0, 0);
  }

  /**
   * The record's entries after entry `n`, in order, where every message after `seq` (and no
   * other) is among them: the live copy passes what it has copied of each.
   */
  entriesAfter(n: number, seq: number): RecordEntry[] {
    const others = this.sql
      .exec<Row>("SELECT entry FROM record_entries WHERE n > ? ORDER BY n", n)
      .toArray()
      .map((row) => JSON.parse(String(row.entry)) as RecordEntry);
    const messages = this.sql
      .exec<Row>("SELECT * FROM messages WHERE seq > ? AND n > ? ORDER BY seq", seq, n)
      .toArray()
      .map(recordedMessage);
    if (messages.length === 0) return others;
    const merged: RecordEntry[] = [];
    let m = 0;
    for (const entry of others) {
      while (m < messages.length && messages[m]!.n < entry.n) merged.push(messages[m++]!);
      merged.push(entry);
    }
    return merged.concat(messages.slice(m));
  }

  /** The risk cues shown so far (chained in the record: they are read back from it), in order; or one message's. */
  riskCues(seq?: number): RiskCue[] {
    return this.sql
      .exec<Row>(
        "SELECT entry FROM record_entries WHERE json_extract(entry, '$.kind') = 'risk-cue' AND (? IS NULL OR json_extract(entry, '$.data.seq') = ?) ORDER BY n",
        seq ?? null,
        seq ?? null,
      )
      .toArray()
      .map((row) => {
        const recorded = JSON.parse(String(row.entry)) as EntryOf<"risk-cue">;
        return { ...recorded.data, at: Date.parse(recorded.at) };
      });
  }

  addNote(note: PrivateNote): void {
    this.sql.exec(
      "INSERT INTO notes (at, officer_id, text, private_from_name, private_to_officer) VALUES (?, ?, ?, ?, ?)",
      note.at,
      note.officerId,
      note.text,
      note.privateMessage?.fromName ?? null,
      note.privateMessage?.toOfficerId ?? null,
    );
  }

  notes(): PrivateNote[] {
    return this.sql
      .exec<Row>("SELECT * FROM notes ORDER BY at")
      .toArray()
      .map((row) => {
        const note: PrivateNote = { at: Number(row.at), officerId: String(row.officer_id), text: String(row.text) };
        if (row.private_to_officer !== null) {
          note.privateMessage = { fromName: String(row.private_from_name), toOfficerId: String(row.private_to_officer) };
        }
        return note;
      });
  }

  setOutcome(outcome: Outcome): void {
    this.change({ outcome }, "UPDATE conversation SET outcome = ? WHERE singleton = 1", JSON.stringify(outcome));
  }

  addLocation(location: SharedLocation): void {
    this.sql.exec(
      "INSERT INTO locations (at, latitude, longitude, accuracy) VALUES (?, ?, ?, ?)",
      location.at,
      location.latitude,
      location.longitude,
      location.accuracy,
    );
  }

  locationCount(): number {
    return Number(this.sql.exec<Row>("SELECT COUNT(*) AS n FROM locations").one().n);
  }

  locations(): SharedLocation[] {
    return this.sql
      .exec<Row>("SELECT * FROM locations ORDER BY at")
      .toArray()
      .map((row) => ({
        at: Number(row.at),
        latitude: Number(row.latitude),
        longitude: Number(row.longitude),
        accuracy: Number(row.accuracy),
      }));
  }

  /** An officer has the chat. `accepted_at` keeps the first time anyone did, for the wait. */
  markActive(officerId: string, acceptedAt: number): void {
    this.change(
      { status: "active", officerId, acceptedAt: this.read()?.acceptedAt ?? acceptedAt, queue: null },
      `UPDATE conversation SET status = 'active', officer_id = ?, accepted_at = COALESCE(accepted_at, ?),
       queue_info = NULL WHERE singleton = 1`,
      officerId,
      acceptedAt,
    );
  }

  /** Back in the queue: no officer, and no question about inactivity outstanding. */
  markWaiting(): void {
    this.change(
      { status: "waiting", officerId: null, inactivityClosesAt: null },
      "UPDATE conversation SET status = 'waiting', officer_id = NULL, inactivity_closes_at = NULL WHERE singleton = 1",
    );
  }

  setQueueInfo(info: QueueInfo | null): void {
    this.change({ queue: info }, "UPDATE conversation SET queue_info = ? WHERE singleton = 1", info ? JSON.stringify(info) : null);
  }

  addHandover(handover: Handover): void {
    this.sql.exec(
      "INSERT INTO handovers (at, from_officer, note) VALUES (?, ?, ?)",
      handover.at,
      handover.fromOfficerId,
      handover.note,
    );
  }

  handovers(): Handover[] {
    return this.sql
      .exec<Row>("SELECT * FROM handovers ORDER BY at")
      .toArray()
      .map((row) => ({
        at: Number(row.at),
        fromOfficerId: row.from_officer === null ? null : String(row.from_officer),
        note: String(row.note),
      }));
  }

  markEnded(reason: EndReason, endedAt: number): void {
    this.change(
      { status: "ended", endReason: reason, endedAt },
      "UPDATE conversation SET status = 'ended', end_reason = ?, ended_at = ? WHERE singleton = 1",
      reason,
      endedAt,
    );
  }

  markArchived(archivedAt: number): void {
    this.change({ archivedAt }, "UPDATE conversation SET archived_at = ? WHERE singleton = 1", archivedAt);
  }

  /** The language the victim's messages have shown; only a change is written. */
  setVictimLanguageNow(language: string): void {
    if (this.read()?.victimLanguageWritten === language) return;
    this.change(
      { victimLanguageNow: language, victimLanguageWritten: language },
      "UPDATE conversation SET victim_current_language = ? WHERE singleton = 1",
      language,
    );
  }

  /**
   * An officer's correction: the victim's message `seq`, and their later ones read as the same
   * language, are in `language`; later messages read as it are taken as `language` too, and it
   * is the victim's language now. Returns the messages whose language changed, in order.
   */
  correctLanguage(seq: number, readAs: string | null, language: string): number[] {
    const corrections = this.read()?.languageCorrections ?? {};
    // A message with no letters had no reading: nothing later can be read as it.
    const languageCorrections = readAs === null ? corrections : { ...corrections, [readAs]: language };
    this.change(
      { victimLanguageNow: language, victimLanguageWritten: language, languageCorrections },
      "UPDATE conversation SET victim_current_language = ?, language_corrections = ? WHERE singleton = 1",
      language,
      JSON.stringify(languageCorrections),
    );
    return this.sql
      .exec<{ seq: number }>(
        `UPDATE messages SET ${KEEP_RECORDED}, language = ? WHERE sender = 'victim' AND seq >= ? AND language IS ? RETURNING seq`,
        language,
        seq,
        readAs,
      )
      .toArray()
      .map((row) => Number(row.seq))
      .sort((a, b) => a - b);
  }

  /** Only a change is written: the question is withdrawn once, not on every message. */
  setInactivityClosesAt(closesAt: number | null): void {
    if (this.read()?.inactivityClosesAt === closesAt) return;
    this.change({ inactivityClosesAt: closesAt }, "UPDATE conversation SET inactivity_closes_at = ? WHERE singleton = 1", closesAt);
  }

  /** When the officer's "more time" runs out; null once it has. Only a change is written. */
  setMoreTimeUntil(until: number | null): void {
    if (this.read()?.moreTimeUntil === until) return;
    this.change({ moreTimeUntil: until }, "UPDATE conversation SET more_time_until = ? WHERE singleton = 1", until);
  }

  /** The live copy holds messages up to `seq` and entries up to `n` (never moving back). */
  markFlushed(seq: number, n = 0): void {
    const record = this.read();
    if (!record) return;
    const flushedSeq = Math.max(record.flushedSeq, seq);
    const liveCopiedN = Math.max(record.liveCopiedN, n);
    if (flushedSeq === record.flushedSeq && liveCopiedN === record.liveCopiedN) return;
    this.change(
      { flushedSeq, liveCopiedN },
      "UPDATE conversation SET flushed_seq = ?, live_copied_n = ? WHERE singleton = 1",
      flushedSeq,
      liveCopiedN,
    );
  }

  /** Read marks only move forward, and never past the last message. Returns the new mark. */
  markRead(role: ParticipantRole, seq: number): number {
    const record = this.read();
    if (!record) return 0;
    const mark = Math.max(record.read[role], Math.min(seq, this.lastSeq()));
    if (mark === record.read[role]) return mark;
    const column = role === "victim" ? "victim_read_seq" : "officer_read_seq";
    this.change({ read: { ...record.read, [role]: mark } }, `UPDATE conversation SET ${column} = ? WHERE singleton = 1`, mark);
    return mark;
  }

  // ── messages ──

  findByClientId(sender: ParticipantRole, clientId: string): ChatMessage | null {
    const row = this.sql
      .exec<Row>("SELECT * FROM messages WHERE sender = ? AND client_id = ?", sender, clientId)
      .toArray()[0];
    return row ? toMessage(row) : null;
  }

  /**
   * Stores a new message under the next gap-free seq, chained into the record as it is stored:
   * one statement, run synchronously. Null if its sender already sent one with this client id
   * (a resend): then nothing is written.
   */
  appendMessage(message: NewMessage): { message: ChatMessage; entry: RecordEntry } | null {
    const seq = this.lastSeq() + 1;
    const { from, clientId, text, sentAt, language, translation } = message;
    const entry = chainEntry(this.head(), entryOf.message({ seq, from, clientId, text, language, translation, sentAt }, message.officerId));
    const officerId = entry.by.role === "officer" ? entry.by.officerId : null;
    const stored = this.sql.exec(
      `INSERT INTO messages (seq, client_id, sender, body, sent_at, language,
         translation_status, translation_text, translation_to, translation_model, n, prev, digest, officer_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sender, client_id) DO NOTHING`,
      seq,
      clientId,
      from,
      text,
      sentAt,
      language,
      translation.status,
      translation.text,
      translation.to,
      translation.model,
      entry.n,
      entry.prev,
      entry.digest,
      officerId,
    );
    if (stored.rowsWritten === 0) return null;
    this.#lastSeq = seq;
    this.#head = { n: entry.n, head: entry.digest };
    return { message: { id: clientId, seq, from, text, sentAt, language, translation }, entry };
  }

  message(seq: number): ChatMessage | null {
    const row = this.sql.exec<Row>("SELECT * FROM messages WHERE seq = ?", seq).toArray()[0];
    return row ? toMessage(row) : null;
  }

  setTranslation(seq: number, translation: Translation): void {
    this.sql.exec(
      `UPDATE messages SET ${KEEP_RECORDED}, translation_status = ?, translation_text = ?, translation_to = ?, translation_model = ?
       WHERE seq = ?`,
      translation.status,
      translation.text,
      translation.to,
      translation.model,
      seq,
    );
  }

  /** Translations still pending from before `before`: their work was lost (a restart, say). */
  staleTranslations(before: number): ChatMessage[] {
    return this.sql
      .exec<Row>("SELECT * FROM messages WHERE translation_status = 'pending' AND sent_at < ? ORDER BY seq", before)
      .toArray()
      .map(toMessage);
  }

  /** Messages after `seq`, in order: what a client that holds up to `seq` is missing. */
  messagesAfter(seq = 0): ChatMessage[] {
    return this.sql
      .exec<Row>("SELECT * FROM messages WHERE seq > ? ORDER BY seq", seq)
      .toArray()
      .map(toMessage);
  }

  /** When the victim's latest message was stored, or null before their first. */
  lastVictimMessageAt(): number | null {
    const at = this.sql.exec<Row>("SELECT MAX(sent_at) AS at FROM messages WHERE sender = 'victim'").one().at;
    return at === null ? null : Number(at);
  }

  lastSeq(): number {
    this.#lastSeq ??= Number(this.sql.exec<Row>("SELECT COALESCE(MAX(seq), 0) AS last FROM messages").one().last);
    return this.#lastSeq;
  }

  // ── connection tickets ──

  addSource(hash: string): void {
    const count = Number(this.sql.exec<Row>("SELECT COUNT(*) AS n FROM sources").one().n);
    if (count < MAX_SOURCES) this.sql.exec("INSERT OR IGNORE INTO sources (hash) VALUES (?)", hash);
  }

  sources(): string[] {
    return this.sql.exec<Row>("SELECT hash FROM sources").toArray().map((row) => String(row.hash));
  }

  /**
   * Keeps a new ticket, unless `max` tickets are still within their lifetime (used or not): a
   * chat is given only so many sockets a minute, and expired tickets leave storage here.
   */
  addTicket(hash: string, now: number, expiresAt: number, max: number): boolean {
    this.sql.exec("DELETE FROM tickets WHERE expires_at <= ?", now);
    const live = Number(this.sql.exec<Row>("SELECT COUNT(*) AS n FROM tickets").one().n);
    if (live >= max) return false;
    this.sql.exec("INSERT INTO tickets (hash, expires_at) VALUES (?, ?)", hash, expiresAt);
    return true;
  }

  /** A ticket works once, before it expires. */
  redeemTicket(hash: string, now: number): boolean {
    const used = this.sql.exec(
      "UPDATE tickets SET redeemed = 1 WHERE hash = ? AND redeemed = 0 AND expires_at > ? RETURNING hash",
      hash,
      now,
    );
    return used.toArray().length === 1;
  }
}

function toMessage(row: Row): ChatMessage {
  const nullable = (value: SqlStorageValue | undefined) => (value === null || value === undefined ? null : String(value));
  return {
    id: String(row.client_id),
    seq: Number(row.seq),
    from: row.sender as ParticipantRole,
    text: String(row.body),
    sentAt: Number(row.sent_at),
    language: nullable(row.language),
    translation: {
      status: (row.translation_status ?? "off") as Translation["status"],
      text: nullable(row.translation_text),
      to: nullable(row.translation_to),
      model: nullable(row.translation_model),
    },
  };
}

/**
 * A message's link in the record, worked out from its row: what it held when it was stored
 * (kept in `recorded` once the row changed), chained where it was stored.
 */
function recordedMessage(row: Row): RecordEntry & { kind: "message" } {
  const message = toMessage(row);
  const recorded = row.recorded === null || row.recorded === undefined ? null : (JSON.parse(String(row.recorded)) as Pick<MessageData, "language" | "translation">);
  const { language, translation } = recorded ?? message;
  return {
    kind: "message",
    at: iso(message.sentAt),
    by: message.from === "officer" ? actor("officer", row.officer_id === null ? null : String(row.officer_id)) : actor("victim"),
    data: { seq: message.seq, from: message.from, clientId: message.id, text: message.text, language, translation },
    n: Number(row.n),
    prev: String(row.prev),
    digest: String(row.digest),
  };
}
