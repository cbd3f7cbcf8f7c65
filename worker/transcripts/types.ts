/**
 * The shapes of a conversation's evidential record.
 *
 * - A `RecordEntry` is one link of the hash chain: a message, a translation, an assessment
 *   change or a lifecycle event, with the digest of the entry before it and its own digest.
 * - A `TranscriptDocument` is what is sealed when a chat ends: the chain itself, plus views
 *   worked out from it (participants, times, messages with their translations, the assessment,
 *   the outcome) so a reader does not have to replay the chain. Every view can be rebuilt from
 *   the entries, and verification does exactly that.
 *
 * Everything here is plain JSON: times are ISO 8601 strings in UTC.
 */
import type { Grading } from "../assessment/grading.ts";
import type { TranslationStatus } from "../shared/protocol/common.ts";

export const TRANSCRIPT_FORMAT = "quietline.transcript/2";
export const ADDENDA_FORMAT = "quietline.addenda/1";

/** Who made an entry. Officers by their id; the victim by role only; "system" for timers. */
export type Actor = { role: "victim" } | { role: "officer"; officerId: string } | { role: "system" };

export type EntryKind =
  | "opened"
  | "accepted"
  | "returned"
  | "transferred"
  | "message"
  | "translation"
  /** An officer's correction of the language a victim's message was read as. */
  | "language"
  | "location"
  | "note"
  | "outcome"
  | "assessment"
  | "ended"
  /** A crime reference linked to the record after it was sealed. */
  | "crime-reference";

/** An entry before it is chained: what its digest covers, with `n` and `prev`. */
export interface EntryContent {
  kind: EntryKind;
  /** ISO 8601, UTC. */
  at: string;
  by: Actor;
  data: Record<string, unknown>;
}

export interface RecordEntry extends EntryContent {
  /** 1-based position in the chain. */
  n: number;
  /** `digest` of entry n-1; 64 zeros for the first. */
  prev: string;
  /** SHA-256 (hex) of `prev`, a newline, and the canonical JSON of { n, kind, at, by, data }. */
  digest: string;
}

export interface TranscriptTranslation {
  status: TranslationStatus;
  text: string | null;
  to: string | null;
  /** Provider and model, e.g. "workers-ai:@cf/meta/m2m100-1.2b". */
  model: string | null;
}

export interface TranscriptMessage {
  seq: number;
  from: "victim" | "officer";
  /** The officer who wrote it; null for the victim. */
  officerId: string | null;
  /** Exactly as written. */
  text: string;
  language: string | null;
  sentAt: string;
  /** The latest translation the other side saw. */
  translation: TranscriptTranslation;
  /** The digest of the message's chain entry (and of its latest translation entry, if any). */
  digest: string;
  translationDigest: string | null;
}

export type Participant =
  | { role: "victim"; language: string | null; returning: boolean }
  | { role: "officer"; officerId: string; joinedAt: string };

/** A lifecycle event, in order: opened, accepted, returned, transferred, location, ended. */
export interface TranscriptEvent {
  n: number;
  kind: EntryKind;
  at: string;
  by: Actor;
  /** One plain-English line: "Officer o-123 joined", "The victim shared a location". */
  summary: string;
  digest: string;
}

export interface TranscriptNote {
  at: string;
  officerId: string;
  text: string;
  digest: string;
}

export interface TranscriptLocation {
  at: string;
  latitude: number;
  longitude: number;
  accuracy: number;
  digest: string;
}

export interface TranscriptOutcome {
  outcome: string;
  crimeReference: string | null;
  detail: string | null;
  officerId: string;
  at: string;
  digest: string;
}

export interface TranscriptAssessmentChange {
  kind: "answer" | "judgement" | "escalation";
  questionId: string | null;
  /** The question as asked, for a reader. */
  question: string | null;
  answer: "yes" | "no" | "not-known" | null;
  comment: string | null;
  messageSeqs: number[];
  grade: "standard" | "medium" | "high" | null;
  incidentsInYear: number | null;
  officerId: string;
  at: string;
  digest: string;
}

export interface TranscriptAssessment {
  questionnaire: { id: string; title: string };
  grading: Grading;
  changes: TranscriptAssessmentChange[];
}

export interface Seal {
  /** How many entries the chain had when sealed, and the last one's digest. */
  entries: number;
  head: string;
  /** SHA-256 of the canonical JSON of the document without `seal`. */
  documentSha256: string;
}

export interface TranscriptDocument {
  format: typeof TRANSCRIPT_FORMAT;
  conversationId: string;
  startedAt: string;
  acceptedAt: string | null;
  endedAt: string;
  endReason: string | null;
  participants: Participant[];
  messages: TranscriptMessage[];
  events: TranscriptEvent[];
  notes: TranscriptNote[];
  locations: TranscriptLocation[];
  outcome: TranscriptOutcome | null;
  assessment: TranscriptAssessment;
  entries: RecordEntry[];
  seal: Seal;
}

/**
 * Entries added after a transcript was sealed (notes, assessment changes, crime references),
 * chained on from its seal's head.
 */
export interface AddendaDocument {
  format: typeof ADDENDA_FORMAT;
  conversationId: string;
  /** The seal these follow: its head digest and entry count. */
  sealHead: string;
  entries: RecordEntry[];
}
