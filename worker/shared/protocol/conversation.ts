/** Frames on a conversation's WebSocket (victim or officer ↔ Conversation). */
import { z } from "zod/mini";
import { INDICATOR_IDS, type IndicatorId } from "../risk-indicators.ts";
import { ChatMessage, ConnectionRole, ConversationStatus, ErrorCode, LIMITS, ParticipantRole, Translation } from "./common.ts";
import { LanguageTag } from "./http.ts";

// ── Conversation: client → server ────────────────────────────────────────────

const ClientMessageId = z
  .string()
  .check(
    z.minLength(8, "message id must be 8 characters or more"),
    z.maxLength(LIMITS.clientIdLength, `message id must be at most ${LIMITS.clientIdLength} characters`),
    z.regex(/^[A-Za-z0-9_-]+$/, "message id must be letters, digits, - or _"),
  );

export const SendFrame = z.object({
  type: z.literal("send"),
  id: ClientMessageId,
  text: z
    .string()
    .check(
      z.maxLength(LIMITS.messageText, `A message can be at most ${LIMITS.messageText} characters.`),
      z.refine((t) => t.trim().length > 0, "A message cannot be empty."),
    ),
  /** An officer's quick reply: its reviewed translations are used instead of machine translation. */
  quickReply: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, "not a quick reply"))),
});
/**
 * Staff only: a private note on the chat that the victim never sees. Sent over HTTP, not the
 * chat's socket, so it is attributed to the signed-in officer and its saving is confirmed.
 */
export const NoteRequest = z.object({
  text: z.string().check(z.trim(), z.minLength(1, "Write the note."), z.maxLength(2000, "Keep the note under 2000 characters.")),
});

export const OutcomeKind = z.enum([
  "advice-given",
  "crime-recorded",
  "referral-made",
  "emergency-response",
  "victim-left",
  "other",
]);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/** The officer records how the chat ended up; a crime reference goes with "crime-recorded". Over HTTP, like notes. */
export const OutcomeRequest = z.object({
  outcome: OutcomeKind,
  crimeReference: z.optional(z.string().check(z.trim(), z.maxLength(64, "A crime reference is at most 64 characters."))),
  detail: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});
export type OutcomeRequest = z.infer<typeof OutcomeRequest>;

/** An officer asks again for a translation that failed. */
export const RetryTranslationFrame = z.object({ type: z.literal("retry-translation"), seq: z.int().check(z.positive()) });

/**
 * An officer says which language a victim's message is really in ("this is Farsi"): it and the
 * victim's later messages read as the same language are read again and re-translated, and the
 * correction is an entry in the record.
 */
export const SetLanguageFrame = z.object({ type: z.literal("set-language"), seq: z.int().check(z.positive()), language: LanguageTag });

/** How long an officer may block an abusive chat's source: a day, a week, thirty days (in hours). */
export const BLOCK_HOURS = [24, 168, 720] as const;
export const BlockHours = z.literal(BLOCK_HOURS);
export type BlockHours = z.infer<typeof BlockHours>;

/**
 * Ends the chat; `quietly` is the victim's "Leave quietly": the page clears itself and stays.
 * `abusive` is the officer's: the chat was abuse, not a victim, and its source is blocked.
 */
export const EndFrame = z.object({
  type: z.literal("end"),
  quietly: z.optional(z.boolean()),
  abusive: z.optional(z.object({ blockHours: BlockHours })),
});
/** The victim's location, sent only when they press "Share my location". */
export const LocationFrame = z.object({
  type: z.literal("location"),
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  /** Radius of uncertainty in metres, as the browser reports it. */
  accuracy: z.number().check(z.nonnegative(), z.lte(1_000_000)),
});
/** "I am typing": relayed to the other side, never stored. Clients send it at most every few seconds. */
export const TypingFrame = z.object({ type: z.literal("typing") });
/** "I have read everything up to this seq." */
export const ReadFrame = z.object({ type: z.literal("read"), seq: z.int().check(z.nonnegative()) });
/** The victim's answer to "Are you still there?". */
export const StillHereFrame = z.object({ type: z.literal("still-here") });
/** How long the officer's "more time" holds back "Are you still there?": 30 minutes from when it is given. */
export const MORE_TIME_MS = 30 * 60_000;
/**
 * The assigned officer gives the victim more time (they have said they must step away): the
 * inactivity question is not asked before MORE_TIME_MS from now, and one already asked is withdrawn.
 */
export const MoreTimeFrame = z.object({ type: z.literal("more-time") });

export const ConversationClientFrame = z.discriminatedUnion("type", [
  SendFrame,
  EndFrame,
  TypingFrame,
  ReadFrame,
  StillHereFrame,
  MoreTimeFrame,
  LocationFrame,
  RetryTranslationFrame,
  SetLanguageFrame,
]);
export type ConversationClientFrame = z.infer<typeof ConversationClientFrame>;

// ── Conversation: server → client ────────────────────────────────────────────

export const Presence = z.object({ victim: z.boolean(), officer: z.boolean() });
export type Presence = z.infer<typeof Presence>;
export const ReadMarks = z.object({
  victim: z.int().check(z.nonnegative()),
  officer: z.int().check(z.nonnegative()),
});
export type ReadMarks = z.infer<typeof ReadMarks>;

/** What a waiting victim is told about the queue. */
export const QueueInfo = z.object({
  position: z.int().check(z.positive()),
  /** Best estimate of the wait, or null when there is nothing to base one on. */
  estimatedWaitMs: z.nullable(z.int().check(z.nonnegative())),
  /** Officers signed in and taking or handling chats; 0 means nobody is on duty right now. */
  officersOnDuty: z.int().check(z.nonnegative()),
  /** Whether an available officer has room for another chat right now. */
  freeNow: z.boolean(),
});
export type QueueInfo = z.infer<typeof QueueInfo>;

/** A location the victim chose to share. */
export const SharedLocation = z.object({
  at: z.int(),
  latitude: z.number(),
  longitude: z.number(),
  accuracy: z.number(),
});
export type SharedLocation = z.infer<typeof SharedLocation>;

/** What staff are told about the victim at the start (never sent to the victim). */
export const VictimContext = z.object({
  language: z.nullable(z.string()),
  /** Came back with a resume code: their earlier chats can be shown. */
  returning: z.boolean(),
});
export type VictimContext = z.infer<typeof VictimContext>;

/**
 * A private note: by the officer in the chat, or (with `privateMessage`) a supervisor's private
 * message to that officer. Both are staff only and kept in the record the same way.
 */
export const PrivateNote = z.object({
  at: z.int(),
  officerId: z.string(),
  text: z.string(),
  privateMessage: z.optional(z.object({ fromName: z.string(), toOfficerId: z.string() })),
});
export type PrivateNote = z.infer<typeof PrivateNote>;

export const Outcome = z.object({
  outcome: OutcomeKind,
  crimeReference: z.nullable(z.string()),
  detail: z.nullable(z.string()),
  officerId: z.string(),
  at: z.int(),
});
export type Outcome = z.infer<typeof Outcome>;

/**
 * A risk cue (issue 23, worker/assist/risk-cues/): a DASH high-risk indicator found in one of the
 * victim's messages, with the exact words that matched. Staff only. It suggests "possible yes" on
 * its DASH question; it never answers it.
 */
export const RiskCue = z.object({
  seq: z.int().check(z.positive()),
  indicator: z.enum(INDICATOR_IDS as [IndicatorId, ...IndicatorId[]]),
  /** The DASH question it bears on. */
  question: z.string(),
  /** An immediate danger: it raised the chat's place if the victim was waiting. */
  immediate: z.boolean(),
  words: z.string(),
  foundIn: z.enum(["original", "translation"]),
  at: z.int(),
});
export type RiskCue = z.infer<typeof RiskCue>;

/** A note from one officer to the next, seen by staff only. */
export const Handover = z.object({
  at: z.int(),
  fromOfficerId: z.nullable(z.string()),
  note: z.string(),
});
export type Handover = z.infer<typeof Handover>;

/**
 * `abandoned`: the victim left the queue (or was gone too long) before an officer joined.
 * `quick-exit`: the victim pressed Quick exit. `left-quietly`: the victim pressed Leave quietly.
 */
export const EndReason = z.enum([
  "victim-ended",
  "officer-ended",
  "inactive",
  "abandoned",
  "quick-exit",
  "left-quietly",
  "ended-as-abusive",
]);
export type EndReason = z.infer<typeof EndReason>;


export const ConversationServerFrame = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    role: ConnectionRole,
    status: ConversationStatus,
    /** Only the messages after the `since` the client connected with, in seq order. */
    messages: z.array(ChatMessage),
    /** The highest seq stored, so a client can tell it now holds everything. */
    lastSeq: z.int().check(z.nonnegative()),
    /** Who is connected right now (a side within its grace period counts as connected). */
    presence: Presence,
    /** How far each side has read. */
    read: ReadMarks,
    /** Set while the victim is being asked whether they are still there. */
    inactivityClosesAt: z.nullable(z.int()),
    /** While the officer's "more time" holds: the question is not asked before this time. */
    moreTimeUntil: z.nullable(z.int()),
    endReason: z.nullable(EndReason),
    /** While waiting: the victim's place in the queue. */
    queue: z.nullable(QueueInfo),
    /** Staff only (empty for the victim): notes handed over with the chat. */
    handovers: z.array(Handover),
    /** Locations the victim shared (the victim sees their own). */
    locations: z.array(SharedLocation),
    /** Staff only (null for the victim). */
    victim: z.nullable(VictimContext),
    /** Whether this service translates; when off, both pages say so. */
    translationOn: z.boolean(),
    startedAt: z.int(),
    acceptedAt: z.nullable(z.int()),
    /** Staff only (empty / null for the victim). */
    notes: z.array(PrivateNote),
    outcome: z.nullable(Outcome),
    /** Staff only (empty for the victim): every risk cue so far. */
    riskCues: z.array(RiskCue),
  }),
  /** Staff only: risk cues newly found in a victim's message (or its translation). */
  z.object({ type: z.literal("risk-cues"), cues: z.array(RiskCue) }),
  z.object({ type: z.literal("note"), note: PrivateNote }),
  z.object({ type: z.literal("outcome"), outcome: Outcome }),
  /**
   * A message's translation arrived (or failed), after the message itself; with the language
   * the message is now read as, which an officer's correction changes.
   */
  z.object({
    type: z.literal("translation"),
    seq: z.int().check(z.positive()),
    language: z.nullable(z.string()),
    translation: Translation,
  }),
  z.object({ type: z.literal("location"), location: SharedLocation }),
  z.object({ type: z.literal("queue"), queue: QueueInfo }),
  /** Neutral notices for the victim when the officer changes; no names, no reasons. */
  z.object({ type: z.literal("notice"), notice: z.enum(["officer-changed", "returned-to-queue"]) }),
  z.object({ type: z.literal("handover"), handover: Handover }),
  z.object({ type: z.literal("message"), message: ChatMessage }),
  /** The sender's message is stored: its seq and the server's time for it. */
  z.object({
    type: z.literal("ack"),
    id: z.string(),
    seq: z.int().check(z.positive()),
    sentAt: z.int(),
    language: z.nullable(z.string()),
    translation: Translation,
  }),
  z.object({ type: z.literal("status"), status: ConversationStatus }),
  z.object({ type: z.literal("presence"), role: ParticipantRole, online: z.boolean() }),
  z.object({ type: z.literal("typing"), role: ParticipantRole }),
  z.object({ type: z.literal("read"), role: ParticipantRole, seq: z.int().check(z.nonnegative()) }),
  /** The victim is asked whether they are still there (closesAt set) or has answered (null). */
  z.object({ type: z.literal("inactivity"), closesAt: z.nullable(z.int()) }),
  /** The officer gave more time: the victim is not asked whether they are still there before `until`. */
  z.object({ type: z.literal("more-time"), until: z.int() }),
  z.object({ type: z.literal("ended"), reason: EndReason }),
  z.object({ type: z.literal("error"), code: ErrorCode, message: z.string() }),
]);
export type ConversationServerFrame = z.infer<typeof ConversationServerFrame>;

