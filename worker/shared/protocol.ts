/**
 * The wire protocol between the browser (victim page, officer console) and the Worker.
 *
 * **One module, imported by both sides, holds every frame and request body as a schema.**
 * Types come from the schemas, so a frame that passes `parse` is exactly the type the code
 * handles. It imports neither DOM nor Workers types so both tsconfigs can include it.
 */
import { z } from "zod";

/** Limits live here, beside the schemas that enforce them. */
export const LIMITS = {
  /** Longest message a participant may send, in UTF-16 code units. */
  messageText: 4000,
  /** Largest frame the server will try to parse, in bytes. */
  frameBytes: 16 * 1024,
  /** Client message ids are UUIDs or similar; this caps what we store. */
  clientIdLength: 64,
} as const;

export const roles = ["victim", "officer"] as const;
export const ParticipantRole = z.enum(roles);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const ConversationStatus = z.enum(["waiting", "active", "ended"]);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** Opaque identifiers the server hands out: URL-safe base64 of at least 128 random bits. */
export const OpaqueId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, "not a valid identifier");

export const ChatMessage = z.object({
  /** The id the sender's client chose, so a resend is recognised. */
  id: z.string(),
  /** Gap-free position in the conversation, assigned by the server. */
  seq: z.number().int().positive(),
  from: ParticipantRole,
  text: z.string(),
  /** Milliseconds since the epoch, UTC, when the server stored it. */
  sentAt: z.number().int(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

// ── Conversation: client → server ────────────────────────────────────────────

const ClientMessageId = z
  .string()
  .min(8)
  .max(LIMITS.clientIdLength)
  .regex(/^[A-Za-z0-9_-]+$/, "message id must be letters, digits, - or _");

export const SendFrame = z.object({
  type: z.literal("send"),
  id: ClientMessageId,
  text: z
    .string()
    .max(LIMITS.messageText, `A message can be at most ${LIMITS.messageText} characters.`)
    .refine((t) => t.trim().length > 0, "A message cannot be empty."),
});

export const EndFrame = z.object({ type: z.literal("end") });
/** "I am typing": relayed to the other side, never stored. Clients send it at most every few seconds. */
export const TypingFrame = z.object({ type: z.literal("typing") });
/** "I have read everything up to this seq." */
export const ReadFrame = z.object({ type: z.literal("read"), seq: z.number().int().nonnegative() });
/** The victim's answer to "Are you still there?". */
export const StillHereFrame = z.object({ type: z.literal("still-here") });

export const ConversationClientFrame = z.discriminatedUnion("type", [
  SendFrame,
  EndFrame,
  TypingFrame,
  ReadFrame,
  StillHereFrame,
]);
export type ConversationClientFrame = z.infer<typeof ConversationClientFrame>;

// ── Conversation: server → client ────────────────────────────────────────────

export const Presence = z.object({ victim: z.boolean(), officer: z.boolean() });
export type Presence = z.infer<typeof Presence>;
export const ReadMarks = z.object({
  victim: z.number().int().nonnegative(),
  officer: z.number().int().nonnegative(),
});
export type ReadMarks = z.infer<typeof ReadMarks>;

export const EndReason = z.enum(["victim-ended", "officer-ended", "inactive"]);
export type EndReason = z.infer<typeof EndReason>;

export const ErrorCode = z.enum([
  "bad-frame",
  "too-large",
  "not-allowed",
  "conversation-ended",
  "not-found",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ConversationServerFrame = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    role: ParticipantRole,
    status: ConversationStatus,
    /** Only the messages after the `since` the client connected with, in seq order. */
    messages: z.array(ChatMessage),
    /** The highest seq stored, so a client can tell it now holds everything. */
    lastSeq: z.number().int().nonnegative(),
    /** Who is connected right now (a side within its grace period counts as connected). */
    presence: Presence,
    /** How far each side has read. */
    read: ReadMarks,
    /** Set while the victim is being asked whether they are still there. */
    inactivityClosesAt: z.number().int().nullable(),
    endReason: EndReason.nullable(),
  }),
  z.object({ type: z.literal("message"), message: ChatMessage }),
  /** The sender's message is stored: its seq and the server's time for it. */
  z.object({ type: z.literal("ack"), id: z.string(), seq: z.number().int().positive(), sentAt: z.number().int() }),
  z.object({ type: z.literal("status"), status: ConversationStatus }),
  z.object({ type: z.literal("presence"), role: ParticipantRole, online: z.boolean() }),
  z.object({ type: z.literal("typing"), role: ParticipantRole }),
  z.object({ type: z.literal("read"), role: ParticipantRole, seq: z.number().int().nonnegative() }),
  /** The victim is asked whether they are still there (closesAt set) or has answered (null). */
  z.object({ type: z.literal("inactivity"), closesAt: z.number().int().nullable() }),
  z.object({ type: z.literal("ended"), reason: EndReason }),
  z.object({ type: z.literal("error"), code: ErrorCode, message: z.string() }),
]);
export type ConversationServerFrame = z.infer<typeof ConversationServerFrame>;

// ── Dispatcher (the officers' queue) ─────────────────────────────────────────

export const AcceptFrame = z.object({ type: z.literal("accept"), conversationId: OpaqueId });
export const DispatcherClientFrame = z.discriminatedUnion("type", [AcceptFrame]);
export type DispatcherClientFrame = z.infer<typeof DispatcherClientFrame>;

export const WaitingConversation = z.object({
  conversationId: OpaqueId,
  /** Milliseconds since the epoch when the victim started the chat. */
  waitingSince: z.number().int(),
});
export type WaitingConversation = z.infer<typeof WaitingConversation>;

export const DispatcherServerFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("queue"), waiting: z.array(WaitingConversation) }),
  z.object({ type: z.literal("assigned"), conversationId: OpaqueId }),
  z.object({ type: z.literal("error"), code: ErrorCode, message: z.string() }),
]);
export type DispatcherServerFrame = z.infer<typeof DispatcherServerFrame>;

// ── HTTP bodies ──────────────────────────────────────────────────────────────

export const StartedConversation = z.object({
  conversationId: OpaqueId,
  /** The victim's capability: whoever holds it can read and write this conversation. */
  token: OpaqueId,
});
export type StartedConversation = z.infer<typeof StartedConversation>;

export const TicketResponse = z.object({ ticket: OpaqueId });

export const SignInRequest = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const StaffRole = z.enum(["officer", "supervisor", "admin"]);
export type StaffRole = z.infer<typeof StaffRole>;

export const Officer = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: StaffRole,
});
export type Officer = z.infer<typeof Officer>;

export const MyConversations = z.object({
  conversations: z.array(z.object({ conversationId: OpaqueId, acceptedAt: z.number().int().nullable() })),
});

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof ApiError>;

// ── Parsing frames where they enter ──────────────────────────────────────────

export type FrameResult<T> =
  | { ok: true; frame: T }
  | { ok: false; code: "bad-frame" | "too-large"; message: string };

/**
 * Parses a raw WebSocket message against a schema. Never throws: a bad frame becomes a
 * plain sentence the client can show, and the caller keeps the connection open.
 */
export function parseFrame<T>(schema: z.ZodType<T>, raw: unknown): FrameResult<T> {
  if (typeof raw !== "string") {
    return { ok: false, code: "bad-frame", message: "Frames must be JSON text." };
  }
  // Length in UTF-16 units bounds the byte length to at most 3x; check the cheap bound first.
  if (raw.length > LIMITS.frameBytes || new TextEncoder().encode(raw).length > LIMITS.frameBytes) {
    return { ok: false, code: "too-large", message: "That message is too large to send." };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: "bad-frame", message: "That frame is not valid JSON." };
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    return { ok: false, code: "bad-frame", message: first?.message ?? "That frame is not valid." };
  }
  return { ok: true, frame: result.data };
}
