/** Blocks made by "End as abusive", as supervisors and admins see and lift them. */
import { z } from "zod/mini";

/** One chat's block: every source it blocked, counted, never shown (they are keyed hashes). */
export interface BlockSummary {
  conversationId: string;
  officerId: string;
  createdAt: number;
  until: number;
  sources: number;
}

export const LiftBlockRequest = z.object({
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(5, "Say why the block is lifted (at least 5 characters)."),
      z.maxLength(500, "A reason is at most 500 characters."),
    ),
});
