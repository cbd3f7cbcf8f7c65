/**
 * Cloudflare Turnstile: the check that a person, not a script, is starting a chat or signing in.
 * It is on for a deployment when both TURNSTILE_SITE_KEY (a var, given to the pages) and the
 * secret TURNSTILE_SECRET_KEY are set; otherwise it is off and nothing is asked of anyone.
 *
 * The page gets a token from Cloudflare's widget; this client checks it with Siteverify
 * (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/): a POST of
 * `secret`, `response` and optionally `remoteip`, answered with JSON
 * `{ success, "error-codes", challenge_ts, hostname, action, cdata }`.
 *
 * Siteverify can be pointed elsewhere (TURNSTILE_TEST_SITEVERIFY_URL) only while the secret is
 * one of Cloudflare's published test secrets, which never pass a real challenge anyway: a
 * deployment with a real secret always asks Cloudflare.
 */
import { log } from "../log";

export const SITEVERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/** Cloudflare's published test secrets: always passes, always fails, token already spent. */
export const TEST_SECRETS = [
  "1x0000000000000000000000000000000AA",
  "2x0000000000000000000000000000000AA",
  "3x0000000000000000000000000000000AA",
] as const;

/** Tokens are at most 2048 characters (Siteverify's documented limit). */
export const MAX_TOKEN_LENGTH = 2048;
const TIMEOUT_MS = 5_000;

export type HumanCheckAction = "start-chat" | "sign-in";

export interface TurnstileEnv {
  TURNSTILE_SITE_KEY?: string;
  TURNSTILE_SECRET_KEY?: string;
  TURNSTILE_TEST_SITEVERIFY_URL?: string;
}

export interface TurnstileSettings {
  siteKey: string;
  secret: string;
  siteverifyUrl: string;
}

/** The deployment's Turnstile settings, or null when it is off. */
export function turnstileSettings(env: TurnstileEnv): TurnstileSettings | null {
  const siteKey = env.TURNSTILE_SITE_KEY?.trim();
  const secret = env.TURNSTILE_SECRET_KEY?.trim();
  if (!siteKey || !secret) return null;
  const testing = (TEST_SECRETS as readonly string[]).includes(secret);
  const siteverifyUrl = testing && env.TURNSTILE_TEST_SITEVERIFY_URL ? env.TURNSTILE_TEST_SITEVERIFY_URL : SITEVERIFY_URL;
  return { siteKey, secret, siteverifyUrl };
}

export type HumanCheck =
  | { ok: true }
  /** No token, a malformed one, or Siteverify said no (with its error codes). */
  | { ok: false; reason: "missing" | "failed"; errorCodes: string[] };

interface SiteverifyAnswer {
  success?: unknown;
  "error-codes"?: unknown;
  action?: unknown;
}

/**
 * Checks a widget token with Siteverify. If Siteverify cannot be reached or answers nonsense,
 * the person is let through (and it is logged): a victim must never be kept from help because
 * a bot check is down; rate limits and account lock-outs still apply.
 */
export async function checkHuman(
  settings: TurnstileSettings,
  token: string | undefined,
  action: HumanCheckAction,
  remoteIp: string | null,
  fetcher: typeof fetch = fetch,
): Promise<HumanCheck> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "missing", errorCodes: [] };
  const form = new FormData();
  form.set("secret", settings.secret);
  form.set("response", token);
  if (remoteIp) form.set("remoteip", remoteIp);
  form.set("idempotency_key", crypto.randomUUID());
  let answer: SiteverifyAnswer;
  try {
    const response = await fetcher(settings.siteverifyUrl, { method: "POST", body: form, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`Siteverify answered ${response.status}`);
    answer = (await response.json()) as SiteverifyAnswer;
    if (typeof answer !== "object" || answer === null || typeof answer.success !== "boolean") throw new Error("Siteverify answered without success");
  } catch (error) {
    // Let through: a victim must not be turned away because Siteverify is down.
    log.warn("turnstile.unavailable", { error });
    return { ok: true };
  }
  const errorCodes = Array.isArray(answer["error-codes"]) ? answer["error-codes"].map(String) : [];
  if (answer.success !== true) return { ok: false, reason: "failed", errorCodes };
  // A token made for one action (say, signing in) must not be spent on another.
  if (typeof answer.action === "string" && answer.action !== "" && answer.action !== action) {
    return { ok: false, reason: "failed", errorCodes: ["wrong-action"] };
  }
  return { ok: true };
}
