/** JSON bodies of the /api routes. */
import { z } from "zod";
import { OpaqueId } from "./common";

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
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, "Choose a language from the list.");

export const ResumeCode = z
  .string()
  .trim()
  .min(3)
  .max(120)
  .regex(/^[\p{L}\s,.-]+$/u, "Enter the words of your code.");
export const Pin = z.string().regex(/^\d{4,8}$/, "A PIN is 4 to 8 digits.");

export const StartConversationRequest = z.object({
  language: LanguageTag.optional(),
  /** A returning victim's code and PIN, linking this chat to their earlier ones. */
  resume: z.object({ code: ResumeCode, pin: Pin }).optional(),
});
export type StartConversationRequest = z.infer<typeof StartConversationRequest>;

export const ResumeCodeRequest = z.object({ pin: Pin });
export const ResumeCodeResponse = z.object({ code: z.string(), expiresInDays: z.number().int().positive() });
export type ResumeCodeResponse = z.infer<typeof ResumeCodeResponse>;

/** A returning victim's earlier chats, for the officer now talking with them. */
export const EarlierConversations = z.object({
  conversations: z.array(
    z.object({
      conversationId: OpaqueId,
      startedAt: z.number().int(),
      endedAt: z.number().int().nullable(),
      endReason: z.string().nullable(),
      messages: z.array(z.object({ seq: z.number().int(), from: z.string(), text: z.string(), sentAt: z.number().int() })),
    }),
  ),
});
export type EarlierConversations = z.infer<typeof EarlierConversations>;

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
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** For a resume code with a wrong PIN: how many tries are left before it locks. */
    triesLeft: z.number().int().nonnegative().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

