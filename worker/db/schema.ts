/**
 * D1 tables: what must be queried across conversations. A live conversation's truth is its
 * Durable Object's SQLite storage; rows here are written at start and copied in when it ends.
 * Migrations in migrations/ are generated from this file with `npm run db:generate`.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const officers = sqliteTable("officers", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ["officer", "supervisor", "admin"] }).notNull(),
  /** `pbkdf2-sha256$iterations$salt$hash`, see worker/auth/passwords.ts. */
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at").notNull(),
  disabledAt: integer("disabled_at"),
});

export const officerSessions = sqliteTable(
  "officer_sessions",
  {
    /** SHA-256 of the cookie value; the cookie itself is never stored. */
    idHash: text("id_hash").primaryKey(),
    officerId: text("officer_id")
      .notNull()
      .references(() => officers.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** Last use; a session idle for longer than the idle timeout no longer works. */
    lastSeenAt: integer("last_seen_at").notNull().default(0),
  },
  (t) => [index("officer_sessions_officer").on(t.officerId)],
);

export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    status: text("status", { enum: ["waiting", "active", "ended"] }).notNull(),
    createdAt: integer("created_at").notNull(),
    acceptedAt: integer("accepted_at"),
    endedAt: integer("ended_at"),
    officerId: text("officer_id").references(() => officers.id),
    endReason: text("end_reason"),
    /** The language the victim chose (BCP 47), a hint for translation. */
    victimLanguage: text("victim_language"),
    /** Chats linked by a resume code share a thread: the first chat's id. */
    threadId: text("thread_id"),
    /** 1 when the victim came back with a resume code: the only source of "returning". */
    returning: integer("is_returning").notNull().default(0),
    /** How the chat ended up, as the officer recorded it (see OutcomeKind). */
    outcome: text("outcome"),
    /** The crime reference an officer linked, searchable. */
    crimeReference: text("crime_reference"),
    /** R2 key of the sealed JSON transcript, and its SHA-256. Set once; never rewritten. */
    transcriptKey: text("transcript_key"),
    transcriptSha256: text("transcript_sha256"),
    /** The readable PDF made from the same record. */
    pdfKey: text("pdf_key"),
    pdfSha256: text("pdf_sha256"),
    /** The sealed chain's last digest and length: addenda chain on from here. */
    chainHead: text("chain_head"),
    chainEntries: integer("chain_entries"),
    sealedAt: integer("sealed_at"),
    /** The risk assessment's grading when sealed (or as changed since), for search. */
    riskGrade: text("risk_grade", { enum: ["standard", "medium", "high"] }),
    /** SHA-256 of the victim's token, so a victim can still take a resume code once the chat's object is erased. */
    victimTokenHash: text("victim_token_hash"),
    /** A legal hold keeps the record past its retention period. */
    legalHoldAt: integer("legal_hold_at"),
    legalHoldBy: text("legal_hold_by"),
    legalHoldReason: text("legal_hold_reason"),
    /** When retention erased the transcript and messages; the row stays, without content, for statistics. */
    erasedAt: integer("erased_at"),
    /** When its officer closed the chat's wrap-up; until then an ended chat stays in their console. */
    wrappedUpAt: integer("wrapped_up_at"),
  },
  (t) => [
    index("conversations_status_created").on(t.status, t.createdAt),
    index("conversations_thread").on(t.threadId, t.createdAt),
    index("conversations_officer_status").on(t.officerId, t.status),
    index("conversations_crime_reference").on(t.crimeReference),
    index("conversations_created").on(t.createdAt),
    index("conversations_ended").on(t.endedAt),
  ],
);

/**
 * Resume codes: four ordinary words a victim takes at the end of a chat, with a PIN, to link
 * their next chat to this one. Only digests are stored. A code starts one chat and is then used
 * up; wrong PINs are counted in guess_failures. One code per chat: a new one replaces the old.
 */
export const resumeCodes = sqliteTable(
  "resume_codes",
  {
    /** SHA-256 of the normalised words. */
    codeHash: text("code_hash").primaryKey(),
    threadId: text("thread_id").notNull(),
    /** PBKDF2 of the PIN, as for passwords. */
    pinHash: text("pin_hash").notNull(),
    issuedFor: text("issued_for").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** When it started a chat; a used code never starts another. */
    usedAt: integer("used_at"),
  },
  (t) => [index("resume_codes_expires").on(t.expiresAt), index("resume_codes_issued_for").on(t.issuedFor)],
);

export const messages = sqliteTable(
  "messages",
  {
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id),
    seq: integer("seq").notNull(),
    clientId: text("client_id").notNull(),
    sender: text("sender", { enum: ["victim", "officer"] }).notNull(),
    body: text("body").notNull(),
    sentAt: integer("sent_at").notNull(),
    /** The language the message was found to be written in. */
    language: text("language"),
    translationStatus: text("translation_status"),
    translationText: text("translation_text"),
    translationTo: text("translation_to"),
    /** The provider and model that translated it, kept with it in the record. */
    translationModel: text("translation_model"),
    /** The digest of the message's entry in the record's hash chain. */
    digest: text("digest"),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.seq] })],
);


/**
 * Every queue event, with its time, so waits, abandonment and transfers can be reported.
 * Written by the Dispatcher through its outbox (see worker/rooms/dispatcher/event-outbox.ts).
 */
export const queueEvents = sqliteTable(
  "queue_events",
  {
    /** Unique per event, chosen by the Dispatcher, so a retried write is stored once. */
    id: text("id").primaryKey(),
    conversationId: text("conversation_id").notNull(),
    kind: text("kind", {
      enum: ["joined", "offered", "accepted", "priority-raised", "transferred", "returned", "abandoned", "ended"],
    }).notNull(),
    at: integer("at").notNull(),
    officerId: text("officer_id"),
    /** Free-form details as JSON: reason, note, from/to officer, how long they waited. */
    detail: text("detail"),
  },
  (t) => [index("queue_events_at").on(t.at), index("queue_events_conversation").on(t.conversationId, t.at)],
);

/**
 * Who took part in a chat: the officers it was assigned to, by accepting it from the queue or
 * by a transfer to them. This, not any queue event, is what lets an officer find its record.
 * Written with the assignment itself (db/conversations.ts recordAssigned).
 */
export const conversationParticipants = sqliteTable(
  "conversation_participants",
  {
    conversationId: text("conversation_id").notNull(),
    officerId: text("officer_id").notNull(),
    how: text("how", { enum: ["accepted", "transferred"] }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.officerId] }),
    index("conversation_participants_officer").on(t.officerId, t.conversationId),
  ],
);

/**
 * Officers coming on duty (on the console and not Away) and going off, from the Dispatcher's
 * outbox: what "officers on duty against demand" is worked out from.
 */
export const dutyEvents = sqliteTable(
  "duty_events",
  {
    id: text("id").primaryKey(),
    officerId: text("officer_id").notNull(),
    /** 1 when they came on duty, 0 when they went off. */
    onDuty: integer("on_duty").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("duty_events_at").on(t.at), index("duty_events_officer_at").on(t.officerId, t.at)],
);

/**
 * Translations already made, so the same text in the same pair is translated once. Keyed by a
 * digest of provider, languages and text; removed by the same retention as messages.
 */
export const translationCache = sqliteTable(
  "translation_cache",
  {
    key: text("key").primaryKey(),
    text: text("text").notNull(),
    model: text("model").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("translation_cache_created").on(t.createdAt)],
);

/** Quick replies officers and admins add to the built-in library; machine-translated when sent. */
export const customQuickReplies = sqliteTable("custom_quick_replies", {
  id: text("id").primaryKey(),
  category: text("category", { enum: ["greeting", "safety", "emergency", "options", "closing"] }).notNull(),
  text: text("text").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: integer("created_at").notNull(),
});

/**
 * Risk assessment entries: append-only, each one timestamped and attributed. The assessment's
 * current state is the latest entry for each question (and the latest judgement and incident
 * count); nothing is ever changed in place.
 */
export const assessmentEntries = sqliteTable(
  "assessment_entries",
  {
    id: text("id").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id),
    questionnaireId: text("questionnaire_id").notNull(),
    kind: text("kind", { enum: ["answer", "judgement", "escalation"] }).notNull(),
    questionId: text("question_id"),
    answer: text("answer", { enum: ["yes", "no", "not-known"] }),
    comment: text("comment"),
    /** JSON array of the message seqs this answer came from. */
    messageSeqs: text("message_seqs"),
    grade: text("grade", { enum: ["standard", "medium", "high"] }),
    incidentsInYear: integer("incidents_in_year"),
    officerId: text("officer_id").notNull(),
    at: integer("at").notNull(),
    /** The model whose draft this answer was accepted from (officer assist), else null. */
    draftedBy: text("drafted_by"),
  },
  (t) => [index("assessment_entries_conversation").on(t.conversationId, t.at)],
);

/**
 * Wrong guesses at a secret: a password for an account, or a PIN for a resume code. Counted per
 * subject and source together, so a stranger's guesses lock out only the stranger, and per
 * subject across all sources, so guessing from many addresses still stops (auth/guess-limits.ts).
 * Only digests are kept, and only for the window.
 */
export const guessFailures = sqliteTable(
  "guess_failures",
  {
    /** Digest of what was guessed at: `sign-in:<email>` or a resume code's digest. */
    subjectHash: text("subject_hash").notNull(),
    /** Keyed hash of the caller's source (worker/abuse/source.ts), or "" when none is known. */
    sourceHash: text("source_hash").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    index("guess_failures_subject_at").on(t.subjectHash, t.at),
    index("guess_failures_subject_source_at").on(t.subjectHash, t.sourceHash, t.at),
  ],
);

/**
 * Sources an account has signed in from successfully: while many addresses guess at that
 * account's password, these may still sign in, so an attack does not lock its officer out.
 */
export const knownSources = sqliteTable(
  "known_sources",
  {
    subjectHash: text("subject_hash").notNull(),
    sourceHash: text("source_hash").notNull(),
    lastSuccessAt: integer("last_success_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectHash, t.sourceHash] }), index("known_sources_last_success").on(t.lastSuccessAt)],
);

/**
 * Entries added to a record after it was sealed (notes, assessment changes, crime references),
 * chained on from the seal's head. Append-only.
 */
export const recordAddenda = sqliteTable(
  "record_addenda",
  {
    conversationId: text("conversation_id").notNull(),
    n: integer("n").notNull(),
    /** The chained entry as JSON (see worker/shared/record/entry.ts RecordEntry). */
    entry: text("entry").notNull(),
    digest: text("digest").notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.n] })],
);

/**
 * Who viewed, searched, exported, linked, held or deleted a record, when, and why they said
 * they needed to (Data Protection Act 2018, s.62). Append-only: triggers in the migration
 * refuse any UPDATE or DELETE.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    at: integer("at").notNull(),
    /** The officer's id, or "retention" for the daily sweep. */
    actorId: text("actor_id").notNull(),
    actorRole: text("actor_role").notNull(),
    action: text("action", {
      enum: ["view", "search", "export-json", "export-pdf", "verify", "link", "addendum", "hold", "release", "delete", "audit-read", "unblock"],
    }).notNull(),
    conversationId: text("conversation_id"),
    /** What was asked or done, as JSON: search terms, the crime reference, what was deleted. */
    detail: text("detail"),
    justification: text("justification").notNull(),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_conversation").on(t.conversationId, t.at)],
);

/**
 * Sources blocked after an officer ended a chat as abusive (worker/abuse/blocks.ts). Only a
 * keyed hash of the network source is kept, never an address.
 */
export const blockedSources = sqliteTable(
  "blocked_sources",
  {
    sourceHash: text("source_hash").notNull(),
    until: integer("until").notNull(),
    conversationId: text("conversation_id").notNull(),
    officerId: text("officer_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("blocked_sources_hash_until").on(t.sourceHash, t.until)],
);
