/** Frames on the Dispatcher's WebSocket (officer and supervisor consoles ↔ the queue). */
import { z } from "zod/mini";
import { ErrorCode, OpaqueId } from "./common";
import { AssessmentGrade, StaffRole } from "./http";

export const OfficerStatus = z.enum(["available", "busy", "away"]);
export type OfficerStatus = z.infer<typeof OfficerStatus>;

/**
 * The one queue: the Dispatcher's room name, in its socket path (/parties/dispatcher/service)
 * and in the Worker's look-up of the object. One per service, so it is a constant.
 */
export const QUEUE_ROOM = "service";

const Reason = z
  .string()
  .check(z.trim(), z.minLength(1, "Give a reason."), z.maxLength(500, "Keep it under 500 characters."));
const HandoverNote = z.string().check(z.trim(), z.maxLength(2000, "Keep the note under 2000 characters."));
const MaxCapacity = 10;

// ── client → server ──

export const DispatcherClientFrame = z.discriminatedUnion("type", [
  /** Take a specific waiting chat, or (no id) the one at the front of the queue. */
  z.object({ type: z.literal("accept"), conversationId: z.optional(OpaqueId) }),
  z.object({ type: z.literal("set-status"), status: OfficerStatus }),
  z.object({ type: z.literal("raise-priority"), conversationId: OpaqueId, reason: Reason }),
  /**
   * Hand a chat to a named colleague, or back to the queue (`to: null`), with a note for the
   * next officer. Officers transfer their own chats; supervisors any chat (reassignment).
   */
  z.object({ type: z.literal("transfer"), conversationId: OpaqueId, to: z.nullable(OpaqueId), note: HandoverNote }),
  /** Supervisors and admins: how many chats an officer may hold at once. */
  z.object({
    type: z.literal("set-capacity"),
    officerId: OpaqueId,
    capacity: z.int().check(z.gte(1, "At least 1 chat."), z.lte(MaxCapacity, `At most ${MaxCapacity} chats at once.`)),
  }),
]);
export type DispatcherClientFrame = z.infer<typeof DispatcherClientFrame>;

// ── server → client ──

export const WaitingConversation = z.object({
  conversationId: OpaqueId,
  /** When the victim started the chat (ms since the epoch). */
  waitingSince: z.int(),
  /** 0 normal, 1 raised. Higher goes first; within a priority, first come first served. */
  priority: z.int().check(z.nonnegative()),
  /** Why it was raised, when it was: an officer's words, or "risk cue: …" when the service raised it. */
  priorityReason: z.nullable(z.string()),
  /** Back in the queue after an officer left or handed it back: it goes to the front. */
  returned: z.boolean(),
  position: z.int().check(z.positive()),
});
export type WaitingConversation = z.infer<typeof WaitingConversation>;

export const OfficerSummary = z.object({
  officerId: OpaqueId,
  displayName: z.string(),
  role: StaffRole,
  status: OfficerStatus,
  connected: z.boolean(),
  load: z.int().check(z.nonnegative()),
  capacity: z.int().check(z.positive()),
});
export type OfficerSummary = z.infer<typeof OfficerSummary>;

export const ActiveConversation = z.object({
  conversationId: OpaqueId,
  officerId: OpaqueId,
  waitingSince: z.int(),
  assignedAt: z.int(),
});
export type ActiveConversation = z.infer<typeof ActiveConversation>;

/**
 * Supervisors and admins only: what is known of a live chat (waiting or active) beyond its place
 * in the queue, for the supervision page. Conversations and the assessment route tell the
 * Dispatcher as it changes; nothing here is sent to an officer's console.
 */
export const WatchedChat = z.object({
  conversationId: OpaqueId,
  /** The victim's language (a BCP 47 tag): as their page said, then as their words were read. */
  language: z.nullable(z.string()),
  /** When the victim last wrote (ms since the epoch), to the nearest half minute; null before they have. */
  lastVictimAt: z.nullable(z.int()),
  locationShared: z.boolean(),
  /** The DASH grading so far; null until a question is answered. */
  grade: z.nullable(AssessmentGrade),
  answered: z.int().check(z.nonnegative()),
  questions: z.int().check(z.nonnegative()),
  maracReferral: z.boolean(),
  /** Why an officer raised its place in the queue, if one did. */
  priorityReason: z.nullable(z.string()),
  /**
   * Set once the chat has ended and its officer is wrapping it up (the row stays until they close
   * the wrap-up): how it ended, when, and whose wrap-up it is.
   */
  ended: z.nullable(z.object({ reason: z.string(), at: z.int(), officerId: OpaqueId })),
});
export type WatchedChat = z.infer<typeof WatchedChat>;

export const DispatcherServerFrame = z.discriminatedUnion("type", [
  /** Everyone on the console sees the queue. */
  z.object({ type: z.literal("queue"), waiting: z.array(WaitingConversation) }),
  /** Each officer's own state, and colleagues who can take a transfer (names and status only). */
  z.object({
    type: z.literal("me"),
    status: OfficerStatus,
    load: z.int().check(z.nonnegative()),
    capacity: z.int().check(z.positive()),
    conversations: z.array(OpaqueId),
    colleagues: z.array(z.pick(OfficerSummary, { officerId: true, displayName: true, status: true })),
  }),
  /** Supervisors and admins only: the whole live picture. */
  z.object({
    type: z.literal("overview"),
    active: z.array(ActiveConversation),
    officers: z.array(OfficerSummary),
    chats: z.array(WatchedChat),
  }),
  /** A chat is now yours (accepted, transferred to you, or reassigned to you). */
  z.object({ type: z.literal("assigned"), conversationId: OpaqueId }),
  /** A chat is no longer yours. */
  z.object({
    type: z.literal("unassigned"),
    conversationId: OpaqueId,
    reason: z.enum(["transferred", "returned-to-queue", "reassigned", "officer-left"]),
  }),
  z.object({ type: z.literal("error"), code: ErrorCode, message: z.string() }),
]);
export type DispatcherServerFrame = z.infer<typeof DispatcherServerFrame>;
