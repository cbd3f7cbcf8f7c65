/**
 * Rate limits. What spans connections is counted by Cloudflare's Rate Limiting binding, per
 * the caller's keyed source hash (see source.ts): starting chats, signing in and trying resume
 * codes. Each is a [[ratelimits]] entry in wrangler.toml, where a deployment sets its number and
 * period (10 or 60 seconds). They are set well above anything a person does, so only floods
 * and scripts meet them. With no key (no address: only off Cloudflare) or no binding (a
 * deployment without it), nothing is refused: a victim must never be turned away because a
 * safeguard is missing.
 *
 * New messages are counted where their sockets live, per side of the chat, by its Conversation
 * (rooms/frame-rules.ts): `MESSAGES_PER_10_SECONDS` in wrangler.toml sets how many.
 */
import { log } from "../log";
import type { FrameWindow } from "../rooms/frame-rules";

export type LimitName = "startChat" | "signIn" | "resumeCode";

const BINDINGS = {
  startChat: "START_CHAT_LIMIT",
  signIn: "SIGN_IN_LIMIT",
  resumeCode: "RESUME_CODE_LIMIT",
} as const satisfies Record<LimitName, string>;

export type LimitEnv = Partial<Record<(typeof BINDINGS)[LimitName], RateLimit>>;

/** New messages per side of a chat in any 10 seconds, unless wrangler.toml says otherwise. */
const MESSAGES_PER_10_SECONDS = 30;

/** The window new messages are counted in; a missing or bad setting uses the default. */
export function messageLimit(env: { MESSAGES_PER_10_SECONDS?: string }): FrameWindow {
  const set = Number(env.MESSAGES_PER_10_SECONDS);
  return { limit: Number.isSafeInteger(set) && set > 0 ? set : MESSAGES_PER_10_SECONDS, periodMs: 10_000 };
}

/** The calm sentence each refusal carries. */
export const LIMIT_MESSAGES: Record<LimitName | "message", string> = {
  startChat: "Many chats have been started from this connection in the last minute. Please wait a minute, then try again.",
  signIn: "Many sign-ins have been tried from this connection in the last minute. Please wait a minute, then try again.",
  resumeCode: "Many codes have been tried from this connection. Please wait a minute, then try again.",
  message: "You are sending messages very quickly. Wait a few seconds; they will be sent.",
};

/** True when `key` may go ahead under `limit` (and counts it). */
export async function withinLimit(env: LimitEnv, limit: LimitName, key: string | null): Promise<boolean> {
  const binding = env[BINDINGS[limit]];
  if (key === null || !binding) return true;
  try {
    const { success } = await binding.limit({ key: `${limit}:${key}` });
    // Only the limit's name: the key is a caller's source hash or a conversation.
    if (!success) log.info("rate-limit.refused", { limit });
    return success;
  } catch (error) {
    log.warn("rate-limit.unavailable", { limit, error });
    return true;
  }
}
