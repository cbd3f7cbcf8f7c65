/**
 * How a translation is asked for: from the cache if it has been made before; otherwise from the
 * provider, within a deadline, pausing and retrying when the provider says it is too busy. A
 * translation that cannot be had in time fails cleanly; the message itself never waits for it.
 */
import type { TranslationCache } from "./cache";
import { TranslationError, type TranslationProvider, type TranslationRequest, type TranslationResult } from "./provider";

export interface TranslationPolicy {
  /** The whole budget for one translation, retries included. */
  timeoutMs: number;
  attempts: number;
  /** The first pause after "too busy"; each later pause is four times longer. */
  backoffMs: number;
}

export const DEFAULT_POLICY: TranslationPolicy = { timeoutMs: 8_000, attempts: 4, backoffMs: 250 };

export async function translate(
  provider: TranslationProvider,
  cache: TranslationCache,
  request: TranslationRequest,
  policy: TranslationPolicy = DEFAULT_POLICY,
): Promise<TranslationResult & { cached: boolean }> {
  const hit = await cache.get(provider.name, request).catch(() => null);
  if (hit) return { ...hit, cached: true };

  const controller = new AbortController();
  const deadline = Date.now() + policy.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TranslationError("timeout", `no translation within ${policy.timeoutMs} ms`));
    }, policy.timeoutMs);
  });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await Promise.race([provider.translate(request, controller.signal), timedOut]);
        await cache.put(provider.name, request, result).catch(() => undefined);
        return { ...result, cached: false };
      } catch (error) {
        const busy = error instanceof TranslationError && error.kind === "rate-limited";
        const pause = policy.backoffMs * 4 ** (attempt - 1);
        if (!busy || attempt >= policy.attempts || Date.now() + pause >= deadline) throw error;
        await Promise.race([new Promise((resolve) => setTimeout(resolve, pause)), timedOut]);
      }
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
