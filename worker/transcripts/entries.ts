/**
 * The entries a conversation adds to its record, one constructor per kind. The Conversation
 * Durable Object chains each one as it happens (see ConversationStore.appendEntry); the
 * transcript's views are worked out from them (see document.ts).
 */
import type { Actor, EntryContent } from "./types.ts";

export const iso = (millis: number): string => new Date(millis).toISOString();

type Role = "victim" | "officer";

export function actor(role: Role | "system", officerId?: string | null): Actor {
  if (role === "officer") return { role, officerId: officerId ?? "unknown" };
  return { role };
}

export interface MessageData {
  seq: number;
  from: Role;
  clientId: string;
  text: string;
  language: string | null;
  translation: { status: string; text: string | null; to: string | null; model: string | null };
}

export interface TranslationData {
  seq: number;
  status: string;
  text: string | null;
  to: string | null;
  model: string | null;
}

export const entry = {
  opened: (conversationId: string, at: number, victim: { language: string | null; returning: boolean }): EntryContent => ({
    kind: "opened",
    at: iso(at),
    by: actor("victim"),
    data: { conversationId, victimLanguage: victim.language, returning: victim.returning },
  }),
  accepted: (officerId: string, at: number): EntryContent => ({
    kind: "accepted",
    at: iso(at),
    by: actor("officer", officerId),
    data: { officerId },
  }),
  returned: (fromOfficerId: string, reason: string, note: string, at: number): EntryContent => ({
    kind: "returned",
    at: iso(at),
    by: actor("officer", fromOfficerId),
    data: { officerId: fromOfficerId, reason, note },
  }),
  transferred: (fromOfficerId: string, toOfficerId: string, note: string, at: number): EntryContent => ({
    kind: "transferred",
    at: iso(at),
    by: actor("officer", fromOfficerId),
    data: { from: fromOfficerId, to: toOfficerId, note },
  }),
  message: (message: MessageData & { sentAt: number }, officerId: string | null): EntryContent => {
    const { sentAt, ...data } = message;
    return { kind: "message", at: iso(sentAt), by: actor(message.from, officerId), data: { ...data } };
  },
  translation: (translation: TranslationData, at: number): EntryContent => ({
    kind: "translation",
    at: iso(at),
    by: actor("system"),
    data: { ...translation },
  }),
  /** An officer said a victim's message is in another language than it was read as. */
  language: (change: { seq: number; readAs: string | null; language: string; officerId: string }, at: number): EntryContent => ({
    kind: "language",
    at: iso(at),
    by: actor("officer", change.officerId),
    data: { seq: change.seq, readAs: change.readAs, language: change.language },
  }),
  location: (location: { at: number; latitude: number; longitude: number; accuracy: number }): EntryContent => ({
    kind: "location",
    at: iso(location.at),
    by: actor("victim"),
    data: { latitude: location.latitude, longitude: location.longitude, accuracy: location.accuracy },
  }),
  note: (note: { at: number; officerId: string; text: string }): EntryContent => ({
    kind: "note",
    at: iso(note.at),
    by: actor("officer", note.officerId),
    data: { text: note.text },
  }),
  outcome: (outcome: { outcome: string; crimeReference: string | null; detail: string | null; officerId: string; at: number }): EntryContent => ({
    kind: "outcome",
    at: iso(outcome.at),
    by: actor("officer", outcome.officerId),
    data: { outcome: outcome.outcome, crimeReference: outcome.crimeReference, detail: outcome.detail },
  }),
  assessment: (change: {
    kind: "answer" | "judgement" | "escalation";
    questionId: string | null;
    answer: "yes" | "no" | "not-known" | null;
    comment: string | null;
    messageSeqs: number[];
    grade: "standard" | "medium" | "high" | null;
    incidentsInYear: number | null;
    officerId: string;
    at: number;
  }): EntryContent => {
    const { officerId, at, ...data } = change;
    return { kind: "assessment", at: iso(at), by: actor("officer", officerId), data: { ...data } };
  },
  ended: (reason: string, at: number, by: Actor): EntryContent => ({ kind: "ended", at: iso(at), by, data: { reason } }),
  /** After sealing: the conversation is linked to a crime report. */
  crimeReference: (officerId: string, at: number, crimeReference: string): EntryContent => ({
    kind: "crime-reference",
    at: iso(at),
    by: actor("officer", officerId),
    data: { crimeReference },
  }),
};
