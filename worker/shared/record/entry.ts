/**
 * One link of a conversation's evidential record, typed by its kind.
 *
 * **Each kind names the shape of its data**, so code that reads an entry narrows on `kind` and
 * gets typed data, with no casts. The shapes are the protocol's where the protocol has one (a
 * message's translation, a shared location, an outcome, an assessment change), minus what the
 * entry itself carries (`at`, and the officer in `by`).
 *
 * Types only: the Worker, the app (the Records page) and `npm run verify` (under Node, which is
 * why imports carry `.ts`) all read them, and none of them pays for them at run time.
 * Changing a shape changes what new entries hold, never how an entry's digest is worked out
 * (worker/transcripts/chain.ts), so records sealed before still verify.
 */
import type { ParticipantRole, Translation } from "../protocol/common.ts";
import type { Outcome, PrivateNote, RiskCue, SharedLocation } from "../protocol/conversation.ts";
import type { AssessmentEntry } from "../protocol/http.ts";

/** Who made an entry. Officers by their id; the victim by role only; "system" for timers. */
export type Actor = { role: "victim" } | { role: "officer"; officerId: string } | { role: "system" };

/** A message as written, with the translation the other side saw when it was stored. */
export interface MessageData {
  seq: number;
  from: ParticipantRole;
  /** The id the sender's client chose, so a resend is recognised. */
  clientId: string;
  text: string;
  language: string | null;
  translation: Translation;
}

/** A translation that arrived after its message (or replaced an earlier one). */
export type TranslationData = { seq: number } & Translation;

/** The data each kind of entry holds, keyed by kind. */
export interface EntryData {
  opened: { conversationId: string; victimLanguage: string | null; returning: boolean };
  accepted: { officerId: string };
  returned: { officerId: string; reason: string; note: string };
  transferred: { from: string; to: string; note: string };
  message: MessageData;
  translation: TranslationData;
  /** An officer's correction of the language a victim's message was read as. */
  language: { seq: number; readAs: string | null; language: string };
  /** The officer gave the victim more time: "Are you still there?" is not asked before `until` (ISO 8601, UTC). */
  "more-time": { until: string };
  location: Omit<SharedLocation, "at">;
  note: Pick<PrivateNote, "text" | "privateMessage">;
  outcome: Omit<Outcome, "officerId" | "at">;
  assessment: Omit<AssessmentEntry, "officerId" | "at">;
  ended: { reason: string };
  /** What the officer was shown: a risk cue found in a victim's message (by the service). */
  "risk-cue": Omit<RiskCue, "at">;
  /** A crime reference linked to the record after it was sealed. */
  "crime-reference": { crimeReference: string };
}

export type EntryKind = keyof EntryData;

/** An entry of one kind before it is chained: what its digest covers, with `n` and `prev`. */
export type EntryOf<K extends EntryKind> = {
  kind: K;
  /** ISO 8601, UTC. */
  at: string;
  by: Actor;
  data: EntryData[K];
};

/** An entry before it is chained, of any kind: narrow on `kind` to read its data. */
export type EntryContent = { [K in EntryKind]: EntryOf<K> }[EntryKind];

/** Where an entry sits in the chain. */
export interface ChainLink {
  /** 1-based position in the chain. */
  n: number;
  /** `digest` of entry n-1; 64 zeros for the first. */
  prev: string;
  /** SHA-256 (hex) of `prev`, a newline, and the canonical JSON of { n, kind, at, by, data }. */
  digest: string;
}

export type RecordEntry = EntryContent & ChainLink;
