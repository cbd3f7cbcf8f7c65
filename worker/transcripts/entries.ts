/**
 * The entries a conversation adds to its record, one constructor per kind. The Conversation
 * Durable Object chains each one as it happens (see ConversationStore.appendEntry); the
 * transcript's views are worked out from them (see document.ts).
 */
import type { ParticipantRole } from "../shared/protocol/common.ts";
import type { Outcome, PrivateNote, RiskCue, SharedLocation } from "../shared/protocol/conversation.ts";
import type { AssessmentEntry } from "../shared/protocol/http.ts";
import type { Actor, EntryOf, MessageData, TranslationData } from "../shared/record/entry.ts";

export const iso = (millis: number): string => new Date(millis).toISOString();

export function actor(role: ParticipantRole | "system", officerId?: string | null): Actor {
  if (role === "officer") return { role, officerId: officerId ?? "unknown" };
  return { role };
}

export const entry = {
  opened: (conversationId: string, at: number, victim: { language: string | null; returning: boolean }): EntryOf<"opened"> => ({
    kind: "opened",
    at: iso(at),
    by: actor("victim"),
    data: { conversationId, victimLanguage: victim.language, returning: victim.returning },
  }),
  accepted: (officerId: string, at: number): EntryOf<"accepted"> => ({
    kind: "accepted",
    at: iso(at),
    by: actor("officer", officerId),
    data: { officerId },
  }),
  returned: (fromOfficerId: string, reason: string, note: string, at: number): EntryOf<"returned"> => ({
    kind: "returned",
    at: iso(at),
    by: actor("officer", fromOfficerId),
    data: { officerId: fromOfficerId, reason, note },
  }),
  transferred: (fromOfficerId: string, toOfficerId: string, note: string, at: number): EntryOf<"transferred"> => ({
    kind: "transferred",
    at: iso(at),
    by: actor("officer", fromOfficerId),
    data: { from: fromOfficerId, to: toOfficerId, note },
  }),
  message: (message: MessageData & { sentAt: number }, officerId: string | null): EntryOf<"message"> => {
    const { sentAt, ...data } = message;
    return { kind: "message", at: iso(sentAt), by: actor(message.from, officerId), data: { ...data } };
  },
  translation: (translation: TranslationData, at: number): EntryOf<"translation"> => ({
    kind: "translation",
    at: iso(at),
    by: actor("system"),
    data: { ...translation },
  }),
  /** An officer said a victim's message is in another language than it was read as. */
  language: (change: { seq: number; readAs: string | null; language: string; officerId: string }, at: number): EntryOf<"language"> => ({
    kind: "language",
    at: iso(at),
    by: actor("officer", change.officerId),
    data: { seq: change.seq, readAs: change.readAs, language: change.language },
  }),
  /** An officer gave the victim more time before being asked whether they are still there. */
  moreTime: (officerId: string, at: number, until: number): EntryOf<"more-time"> => ({
    kind: "more-time",
    at: iso(at),
    by: actor("officer", officerId),
    data: { until: iso(until) },
  }),
  location: (location: SharedLocation): EntryOf<"location"> => ({
    kind: "location",
    at: iso(location.at),
    by: actor("victim"),
    data: { latitude: location.latitude, longitude: location.longitude, accuracy: location.accuracy },
  }),
  note: (note: PrivateNote): EntryOf<"note"> => ({
    kind: "note",
    at: iso(note.at),
    by: actor("officer", note.officerId),
    // A supervisor's private message names its officer; a plain note's entry stays as it was.
    data: note.privateMessage ? { text: note.text, privateMessage: note.privateMessage } : { text: note.text },
  }),
  outcome: (outcome: Outcome): EntryOf<"outcome"> => ({
    kind: "outcome",
    at: iso(outcome.at),
    by: actor("officer", outcome.officerId),
    data: { outcome: outcome.outcome, crimeReference: outcome.crimeReference, detail: outcome.detail },
  }),
  assessment: (change: AssessmentEntry): EntryOf<"assessment"> => {
    const { officerId, at, ...data } = change;
    return { kind: "assessment", at: iso(at), by: actor("officer", officerId), data: { ...data } };
  },
  /** The service found a risk cue in a victim's message and showed it to staff. */
  riskCue: ({ at, ...cue }: RiskCue): EntryOf<"risk-cue"> => ({ kind: "risk-cue", at: iso(at), by: actor("system"), data: cue }),
  ended: (reason: string, at: number, by: Actor): EntryOf<"ended"> => ({ kind: "ended", at: iso(at), by, data: { reason } }),
  /** After sealing: the conversation is linked to a crime report. */
  crimeReference: (officerId: string, at: number, crimeReference: string): EntryOf<"crime-reference"> => ({
    kind: "crime-reference",
    at: iso(at),
    by: actor("officer", officerId),
    data: { crimeReference },
  }),
};
