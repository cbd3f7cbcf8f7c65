/**
 * The sealed transcript: what is sealed when a chat ends, and the addenda chained on after it.
 *
 * A `TranscriptDocument` is the chain itself (worker/shared/record/entry.ts) plus views worked
 * out from it (participants, times, messages with their translations, the assessment, the
 * outcome) so a reader does not have to replay the chain. Every view can be rebuilt from the
 * entries, and verification does exactly that (worker/transcripts/document.ts).
 *
 * Everything here is plain JSON: times are ISO 8601 strings in UTC, where the protocol's shapes
 * this reuses carry milliseconds. Read by the Worker, the Records page and `npm run verify`.
 */
import type { Translation } from "../protocol/common.ts";
import type { Outcome, PrivateNote, SharedLocation } from "../protocol/conversation.ts";
import type { AssessmentEntry, Grading } from "../protocol/http.ts";
import type { Actor, EntryKind, MessageData, RecordEntry } from "./entry.ts";

export const TRANSCRIPT_FORMAT = "quietline.transcript/2";
export const ADDENDA_FORMAT = "quietline.addenda/1";

/** Where a view came from: the time and digest of its chain entry. */
interface FromEntry {
  /** ISO 8601, UTC. */
  at: string;
  digest: string;
}

/** A message exactly as written, with its latest translation. */
export interface TranscriptMessage extends Pick<MessageData, "seq" | "from" | "text" | "language"> {
  /** The officer who wrote it; null for the victim. */
  officerId: string | null;
  sentAt: string;
  /** The latest translation the other side saw. */
  translation: Translation;
  /** The digest of the message's chain entry (and of its latest translation entry, if any). */
  digest: string;
  translationDigest: string | null;
}

export type Participant =
  | { role: "victim"; language: string | null; returning: boolean }
  | { role: "officer"; officerId: string; joinedAt: string };

/** A lifecycle event, in order: opened, accepted, returned, transferred, location, ended. */
export interface TranscriptEvent extends FromEntry {
  n: number;
  kind: EntryKind;
  by: Actor;
  /** One plain-English line: "Officer o-123 joined", "The victim shared a location". */
  summary: string;
}

export type TranscriptNote = Omit<PrivateNote, "at"> & FromEntry;

export type TranscriptLocation = Omit<SharedLocation, "at"> & FromEntry;

export type TranscriptOutcome = Omit<Outcome, "at"> & FromEntry;

export type TranscriptAssessmentChange = Omit<AssessmentEntry, "at"> &
  FromEntry & {
    /** The question as asked, for a reader. */
    question: string | null;
  };

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
