/** Limits, roles and identifiers shared by every part of the protocol. */
import { z } from "zod/mini";

/** Limits live here, beside the schemas that enforce them. */
export const LIMITS = {
  /** Longest message a participant may send, in UTF-16 code units. */
  messageText: 4000,
  /** Largest frame the server will try to parse, in bytes. */
  frameBytes: 16 * 1024,
  /** Client message ids are UUIDs or similar; this caps what we store. */
  clientIdLength: 64,
} as const;

/** Who writes in a conversation. */
export const ParticipantRole = z.enum(["victim", "officer"]);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/** Who may be connected to one: the two who write, and a supervisor reading along. */
export const ConnectionRole = z.enum(["victim", "officer", "observer"]);
export type ConnectionRole = z.infer<typeof ConnectionRole>;

export const ConversationStatus = z.enum(["waiting", "active", "ended"]);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** Opaque identifiers the server hands out: URL-safe base64 of at least 128 random bits. */
export const OpaqueId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, "not a valid identifier"));

export const TranslationStatus = z.enum(["pending", "done", "failed", "not-needed", "off", "unavailable"]);
export type TranslationStatus = z.infer<typeof TranslationStatus>;

/** A message's translation into the other side's language, which follows the message itself. */
export const Translation = z.object({
  /**
   * pending: being translated. done: `text` holds it. failed: no translation could be had (an
   * officer can retry). not-needed: both sides use the language it was written in. off: this
   * service does not translate. unavailable: no provider this service has translates this
   * language pair (the officer is told to consider an interpreter).
   */
  status: TranslationStatus,
  text: z.nullable(z.string()),
  /** The language translated into. */
  to: z.nullable(z.string()),
  /** Provider and model that made it ("workers-ai:@cf/meta/m2m100-1.2b", "quick-reply:…"). */
  model: z.nullable(z.string()),
});
export type Translation = z.infer<typeof Translation>;

export const ChatMessage = z.object({
  /** The id the sender's client chose, so a resend is recognised. */
  id: z.string(),
  /** Gap-free position in the conversation, assigned by the server. */
  seq: z.int().check(z.positive()),
  from: ParticipantRole,
  text: z.string(),
  /** Milliseconds since the epoch, UTC, when the server stored it. */
  sentAt: z.int(),
  /** The language it was found to be written in, when known. */
  language: z.nullable(z.string()),
  translation: Translation,
});
export type ChatMessage = z.infer<typeof ChatMessage>;


export const ErrorCode = z.enum([
  "bad-frame",
  "too-large",
  "not-allowed",
  "conversation-ended",
  "at-capacity",
  "unavailable",
  "not-found",
  "internal",
  /** A rate limit: the frame was not taken; send it again after a pause. */
  "too-many",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
