/** JSON bodies of the /api routes. */
import { z } from "zod/mini";
import { OpaqueId } from "./common.ts";

// ── HTTP bodies ──────────────────────────────────────────────────────────────

export const StartedConversation = z.object({
  conversationId: OpaqueId,
  /** The victim's capability: whoever holds it can read and write this conversation. */
  token: OpaqueId,
});
export type StartedConversation = z.infer<typeof StartedConversation>;

export const TicketResponse = z.object({ ticket: OpaqueId });

/** A language tag such as "pl" or "pa-IN": a hint for translation, never trusted as more. */
export const LanguageTag = z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, "Choose a language from the list."));

/**
 * The words of a resume code, in any language's script: letters and their combining marks, with
 * spaces or any punctuation between them (the Arabic comma, Chinese 、), and invisible format
 * characters such as a right-to-left mark that copying Arabic text can bring along.
 */
export const ResumeCode = z
  .string()
  .check(
    z.trim(),
    z.minLength(3, "Enter the words of your code."),
    z.maxLength(120, "Enter the words of your code."),
    z.regex(/^[\p{L}\p{M}\p{P}\p{Cf}\s]+$/u, "Enter the words of your code."),
  );
export const Pin = z.string().check(z.regex(/^\d{4,8}$/, "A PIN is 4 to 8 digits."));

/** A token from Cloudflare Turnstile's widget, when the deployment asks for one (see /api/human-check). */
const HumanCheckToken = z.optional(z.string().check(z.maxLength(2048, "That check is not valid. Please try again.")));

/** GET /api/human-check: the Turnstile site key the pages render the widget with, or null when it is off. */
export interface HumanCheckSettings {
  siteKey: string | null;
}

export const StartConversationRequest = z.object({
  language: z.optional(LanguageTag),
  humanCheck: HumanCheckToken,
  /** A returning victim's code and PIN, linking this chat to their earlier ones. */
  resume: z.optional(z.object({ code: ResumeCode, pin: Pin })),
});
export type StartConversationRequest = z.infer<typeof StartConversationRequest>;

/** The page's language picks the code's words; a language with no word list gets English. */
export const ResumeCodeRequest = z.object({ pin: Pin, language: z.optional(LanguageTag) });
/** The code, and the language its words are in (for the page to show it with the right direction). */
export const ResumeCodeResponse = z.object({ code: z.string(), expiresInDays: z.int().check(z.positive()), language: LanguageTag });
export type ResumeCodeResponse = z.infer<typeof ResumeCodeResponse>;

/** A returning victim's earlier chats, for the officer now talking with them. */
export const EarlierConversations = z.object({
  conversations: z.array(
    z.object({
      conversationId: OpaqueId,
      startedAt: z.int(),
      endedAt: z.nullable(z.int()),
      endReason: z.nullable(z.string()),
      messages: z.array(z.object({ seq: z.int(), from: z.string(), text: z.string(), sentAt: z.int() })),
      /** The risk grading it was given, for the officer now talking with the victim. */
      assessment: z.nullable(
        z.object({ grade: z.enum(["standard", "medium", "high"]), yesCount: z.int(), maracReferral: z.boolean() }),
      ),
    }),
  ),
});
export type EarlierConversations = z.infer<typeof EarlierConversations>;

export const SignInRequest = z.object({
  email: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.maxLength(254, "Enter a valid email address."),
      z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter a valid email address."),
    ),
  password: z.string().check(z.minLength(1, "Enter your password."), z.maxLength(1024, "That password is too long.")),
  humanCheck: HumanCheckToken,
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

/**
 * The chats an officer's console shows: those going on, and those ended and still in wrap-up
 * (`wrappingUp`), with whether an outcome is recorded (wrap-up cannot close without one).
 */
export const MyConversations = z.object({
  conversations: z.array(
    z.object({ conversationId: OpaqueId, acceptedAt: z.nullable(z.int()), wrappingUp: z.boolean(), outcomeRecorded: z.boolean() }),
  ),
});

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;


export const QuickReplyCategory = z.enum(["greeting", "safety", "emergency", "options", "closing"]);

/** A quick reply as the console shows it: English text, and whether it has written translations. */
export const QuickReplyItem = z.object({
  id: z.string(),
  category: QuickReplyCategory,
  text: z.string(),
  /**
   * Built-in phrases carry translations written in the repository (drafts awaiting review by
   * native speakers); added ones are machine-translated when sent.
   */
  hasTranslations: z.boolean(),
});
export type QuickReplyItem = z.infer<typeof QuickReplyItem>;

export const QuickReplyList = z.object({ quickReplies: z.array(QuickReplyItem) });

export const NewQuickReply = z.object({
  category: QuickReplyCategory,
  text: z.string().check(z.trim(), z.minLength(2, "Write the phrase."), z.maxLength(500, "Keep it under 500 characters.")),
});

// ── Risk assessment ──

export const AssessmentAnswer = z.enum(["yes", "no", "not-known"]);
export type AssessmentAnswer = z.infer<typeof AssessmentAnswer>;
export const AssessmentGrade = z.enum(["standard", "medium", "high"]);
export type AssessmentGrade = z.infer<typeof AssessmentGrade>;

const Comment = z.string().check(z.trim(), z.maxLength(2000, "Keep the comment under 2000 characters."));

export const AssessmentChange = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("answer"),
    questionId: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, "not a question")),
    answer: AssessmentAnswer,
    comment: z.optional(Comment),
    /** The victim's messages the answer came from. */
    messageSeqs: z.optional(z.array(z.int().check(z.positive())).check(z.maxLength(50))),
    /** The model whose draft the officer accepted as this answer (officer assist), if any. */
    draftedBy: z.optional(z.string().check(z.maxLength(100))),
  }),
  z.object({
    kind: z.literal("judgement"),
    grade: AssessmentGrade,
    reason: z.string().check(z.trim(), z.minLength(1, "Give the reason for your judgement."), z.maxLength(2000)),
  }),
  z.object({
    kind: z.literal("escalation"),
    incidentsInYear: z.int().check(z.gte(0), z.lte(365)),
    comment: z.optional(Comment),
  }),
]);
export type AssessmentChange = z.infer<typeof AssessmentChange>;

export const AssessmentEntry = z.object({
  kind: z.enum(["answer", "judgement", "escalation"]),
  questionId: z.nullable(z.string()),
  answer: z.nullable(AssessmentAnswer),
  comment: z.nullable(z.string()),
  messageSeqs: z.array(z.int()),
  grade: z.nullable(AssessmentGrade),
  incidentsInYear: z.nullable(z.int()),
  officerId: z.string(),
  at: z.int(),
  /** Accepted from a model's draft: the model. Absent for answers the officer gave unprompted. */
  draftedBy: z.optional(z.string()),
});
export type AssessmentEntry = z.infer<typeof AssessmentEntry>;

/** An assessment's grading, worked out from its answers (worker/assessment/grading.ts). */
export const Grading = z.object({
  yesCount: z.int(),
  answered: z.int(),
  /** From the count alone. */
  byCount: AssessmentGrade,
  /** What the assessment says: the higher of the count and the officer's judgement. */
  grade: AssessmentGrade,
  raisedByJudgement: z.boolean(),
  potentialEscalation: z.boolean(),
  maracReferral: z.boolean(),
});
export type Grading = z.infer<typeof Grading>;

export const AssessmentView = z.object({
  questionnaire: z.object({
    id: z.string(),
    title: z.string(),
    groups: z.array(z.object({ title: z.string(), questions: z.array(z.object({ id: z.string(), text: z.string() })) })),
  }),
  /** Every change, oldest first: who changed what, and when. */
  entries: z.array(AssessmentEntry),
  grading: Grading,
});
export type AssessmentView = z.infer<typeof AssessmentView>;
