/**
 * The gate in front of the routes that strangers can call to create something: starting a
 * chat (with or without a resume code) and signing in. In order, cheapest first: the rate
 * limit for the caller's source, a block on that source, then Turnstile. Each refusal is a
 * calm sentence the page shows as it is.
 */
import type { Context } from "hono";
import { apiError } from "../http/errors";
import { isBlocked } from "./blocks";
import { LIMIT_MESSAGES, withinLimit, type LimitName } from "./rate-limits";
import { sourceOf } from "./source";
import { checkHuman, turnstileSettings, type HumanCheckAction } from "./turnstile";

export const BLOCKED_MESSAGE = "A chat cannot be started from this connection at the moment.";
export const HUMAN_CHECK_MESSAGE = "We could not check that you are a person. Please try again.";

interface GateOptions {
  limits: LimitName[];
  /** Refuse a source an officer has blocked (starting chats only: officers are never blocked). */
  refuseBlocked: boolean;
  humanCheck: { action: HumanCheckAction; token: string | undefined };
}

/** The caller's source (keyed hash, or null) when they may go on; otherwise the refusal to send. */
export async function gate<E extends { Bindings: Env }>(
  c: Context<E>,
  options: GateOptions,
): Promise<{ refused: Response } | { refused: null; source: string | null }> {
  const source = await sourceOf(c.req.raw, c.env);
  for (const limit of options.limits) {
    if (!(await withinLimit(c.env, limit, source))) {
      c.header("Retry-After", "60");
      return { refused: apiError(c, 429, "too-many", LIMIT_MESSAGES[limit]) };
    }
  }
  if (options.refuseBlocked && (await isBlocked(c.env.DB, source))) {
    return { refused: apiError(c, 403, "blocked", BLOCKED_MESSAGE) };
  }
  const turnstile = turnstileSettings(c.env);
  if (turnstile) {
    const { action, token } = options.humanCheck;
    const check = await checkHuman(turnstile, token, action, c.req.header("CF-Connecting-IP") ?? null);
    if (!check.ok) return { refused: apiError(c, 403, "human-check-failed", HUMAN_CHECK_MESSAGE) };
  }
  return { refused: null, source };
}
