/**
 * The /api/records routes: finding, reading, exporting and linking sealed transcripts, the
 * audit log, legal holds and what retention will delete. Every access that reveals or changes
 * a record carries the justification the person gave (Data Protection Act 2018, s.62).
 */
import { z } from "zod/mini";
import { AssessmentGrade, StaffRole } from "./http";
import { OutcomeKind } from "./conversation";

export const Justification = z
  .string()
  .check(
    z.trim(),
    z.minLength(5, "Say why you need this record (at least 5 characters)."),
    z.maxLength(500, "A justification is at most 500 characters."),
  );

export const CrimeReference = z
  .string()
  .check(
    z.trim(),
    z.minLength(3, "Enter the crime reference."),
    z.maxLength(64, "A crime reference is at most 64 characters."),
    z.regex(/^[A-Za-z0-9/_.:-]+$/, "A crime reference has letters, digits and / - _ . : only."),
  );

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Give dates as YYYY-MM-DD."));

export const RecordSearch = z.object({
  justification: Justification,
  crimeReference: z.optional(z.string().check(z.trim(), z.maxLength(64))),
  /** Started on or after this day, and on or before `to` (UTC). */
  from: z.optional(Day),
  to: z.optional(Day),
  officerId: z.optional(z.string().check(z.maxLength(64))),
  outcome: z.optional(OutcomeKind),
  riskGrade: z.optional(AssessmentGrade),
  /** The conversations of the same returning victim as this one. */
  sameVictimAs: z.optional(z.string().check(z.maxLength(64))),
});
export type RecordSearch = z.infer<typeof RecordSearch>;

export const RecordSummary = z.object({
  conversationId: z.string(),
  startedAt: z.int(),
  endedAt: z.nullable(z.int()),
  officerId: z.nullable(z.string()),
  /** The officer's display name, for people; null with no officer (or no account any more). */
  officerName: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  /** How the chat ended (EndReason), and the language the victim chose (BCP 47). */
  endReason: z.nullable(z.string()),
  victimLanguage: z.nullable(z.string()),
  crimeReference: z.nullable(z.string()),
  riskGrade: z.nullable(AssessmentGrade),
  returning: z.boolean(),
  sealed: z.boolean(),
  legalHold: z.boolean(),
  erased: z.boolean(),
  transcriptSha256: z.nullable(z.string()),
  pdfSha256: z.nullable(z.string()),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const RecordSearchResult = z.object({ records: z.array(RecordSummary), truncated: z.boolean() });
export type RecordSearchResult = z.infer<typeof RecordSearchResult>;

/**
 * `GET /api/records/mine`: the chats the officer asking took part in that ended in the last
 * 24 hours (their shift), listed without a reason; opening one still asks for one.
 */
export const RecentRecords = z.object({
  records: z.array(RecordSummary),
  /** Epoch ms: chats that ended from this time on are listed. */
  since: z.int(),
  /** The service's IANA time zone, which staff pages write times in. */
  timeZone: z.string(),
});
export type RecentRecords = z.infer<typeof RecentRecords>;

/** What a record is read with, besides its transcript: names, the time zone and the questions. */
export const RecordReading = z.object({
  /** Display names of the officers the record names, by id. */
  officerNames: z.record(z.string(), z.string()),
  timeZone: z.string(),
  /** The risk questionnaire the record's assessment answers, every question of it. */
  questionnaire: z.object({
    id: z.string(),
    title: z.string(),
    groups: z.array(z.object({ title: z.string(), questions: z.array(z.object({ id: z.string(), text: z.string() })) })),
  }),
});
export type RecordReading = z.infer<typeof RecordReading>;

export const JustifiedRequest = z.object({ justification: Justification });

export const ExportRequest = z.object({
  justification: Justification,
  format: z.enum(["json", "pdf", "addenda"]),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

export const LinkCrimeReference = z.object({ justification: Justification, crimeReference: CrimeReference });

export const AddendumNote = z.object({
  text: z.string().check(z.trim(), z.minLength(1, "Write the note."), z.maxLength(4000, "A note is at most 4000 characters.")),
});

export const LegalHoldRequest = z.object({ justification: Justification, hold: z.boolean() });

export const VerifyResult = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()),
  failingEntry: z.nullable(z.int()),
  conversationId: z.nullable(z.string()),
  entries: z.int(),
  fileSha256: z.nullable(z.string()),
  /** For an uploaded file: whether its SHA-256 is the one recorded when it was sealed. */
  matchesRecorded: z.optional(z.nullable(z.boolean())),
  addenda: z.optional(z.object({ ok: z.boolean(), entries: z.int(), problems: z.array(z.string()) })),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const AuditAction = z.enum([
  "view",
  "search",
  "export-json",
  "export-pdf",
  "verify",
  "link",
  "addendum",
  "hold",
  "release",
  "delete",
  "audit-read",
  /** A block made by "End as abusive" lifted before its time. */
  "unblock",
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.int(),
  actorId: z.string(),
  /** The display name of whoever it was, for people; null if their account is gone. */
  actorName: z.nullable(z.string()),
  actorRole: z.string(),
  action: AuditAction,
  conversationId: z.nullable(z.string()),
  detail: z.nullable(z.string()),
  justification: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  conversationId: z.optional(z.string().check(z.maxLength(64))),
  actorId: z.optional(z.string().check(z.maxLength(64))),
  from: z.optional(Day),
  to: z.optional(Day),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditList = z.object({ entries: z.array(AuditEntry), truncated: z.boolean() });
export type AuditList = z.infer<typeof AuditList>;

/**
 * Every staff account by name, for supervisors and admins to pick an officer by when they search
 * records or the audit log (never their email or anything of their sign-in).
 */
export const StaffList = z.object({
  officers: z.array(z.object({ id: z.string(), displayName: z.string(), role: StaffRole, disabled: z.boolean() })),
});
export type StaffList = z.infer<typeof StaffList>;

export const RetentionPreview = z.object({
  retentionDays: z.int(),
  noticeDays: z.int(),
  /** Ended chats that retention will delete within the notice period, soonest first. */
  due: z.array(z.object({ conversationId: z.string(), endedAt: z.int(), deletesAt: z.int(), officerId: z.nullable(z.string()) })),
});
export type RetentionPreview = z.infer<typeof RetentionPreview>;
