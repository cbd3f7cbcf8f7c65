/** What the Conversation answers the Dispatcher when a chat is given to, moved from or taken from an officer. */
import type { ErrorCode } from "../../shared/protocol";

export type AssignResult = { ok: true } | { ok: false; code: ErrorCode; message: string };

/** The refusal for a chat that is not with an officer now: ended, or still (or again) waiting. */
export function notActive(status: string | undefined): AssignResult {
  return status === "ended"
    ? { ok: false, code: "conversation-ended", message: "That conversation has ended." }
    : { ok: false, code: "not-allowed", message: "That conversation is not with an officer now." };
}
