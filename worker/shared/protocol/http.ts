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

