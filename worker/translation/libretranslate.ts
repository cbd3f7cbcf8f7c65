/**
 * A self-hosted LibreTranslate server as the provider, for forces that keep text in-house.
 * Its documented API: POST /translate with { q, source, target, format, api_key? } answers
 * { translatedText, detectedLanguage?: { language, confidence } }; 429 when over its limit.
 * GET /languages answers [{ code, name, targets: [code…] }]: what this server can translate,
 * which depends on the language models it was installed with, so it is asked, not assumed.
 */
import { baseLanguage } from "../shared/languages.ts";
import {
  TranslationError,
  type TranslationProvider,
  type TranslationRequest,
  type TranslationResult,
} from "./provider";

type LanguageList = ReadonlyMap<string, readonly string[]>;

/** Each server's list, kept for a while: it changes only when the server's models do. */
const LISTS = new Map<string, { list: LanguageList; until: number }>();
const LIST_KEPT_MS = 10 * 60_000;

/** The server's code for a tag: the tag itself if it has it ("zh-Hant"), else its base ("zh"). */
function codeFor(tag: string, codes: Iterable<string>): string | null {
  const known = new Set(codes);
  if (known.has(tag)) return tag;
  return known.has(baseLanguage(tag)) ? baseLanguage(tag) : null;
}

export class LibreTranslateProvider implements TranslationProvider {
  readonly name = "libretranslate" as const;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string | undefined,
    // Wrapped: workerd refuses `fetch` called as a method of another object ("Illegal invocation").
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async supports(from: string, to: string, signal?: AbortSignal): Promise<boolean> {
    const list = await this.languages(signal);
    if (!list) return true;
    const source = codeFor(from, list.keys());
    return source !== null && codeFor(to, list.get(source) ?? []) !== null;
  }

  /** The server's languages and their targets; null when they cannot be had just now. */
  private async languages(signal?: AbortSignal): Promise<LanguageList | null> {
    const kept = LISTS.get(this.baseUrl);
    if (kept && kept.until > Date.now()) return kept.list;
    try {
      const response = await this.fetcher(new URL("/languages", this.baseUrl), { signal: signal ?? null });
      if (!response.ok) return null;
      const body = (await response.json()) as unknown;
      if (!Array.isArray(body)) return null;
      const list = new Map<string, readonly string[]>();
      for (const item of body as { code?: unknown; targets?: unknown }[]) {
        if (typeof item?.code !== "string") continue;
        const targets = Array.isArray(item.targets) ? item.targets.filter((t): t is string => typeof t === "string") : [];
        list.set(item.code, targets);
      }
      LISTS.set(this.baseUrl, { list, until: Date.now() + LIST_KEPT_MS });
      return list;
    } catch {
      return null;
    }
  }

  async translate(request: TranslationRequest, signal: AbortSignal): Promise<TranslationResult> {
    const list = LISTS.get(this.baseUrl)?.list;
    const source = request.from === null ? "auto" : list ? (codeFor(request.from, list.keys()) ?? request.from) : request.from;
    const target = list ? (codeFor(request.to, list.get(source) ?? list.keys()) ?? request.to) : request.to;
    let response: Response;
    try {
      response = await this.fetcher(new URL("/translate", this.baseUrl), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          q: request.text,
          source,
          target,
          format: "text",
          ...(this.apiKey ? { api_key: this.apiKey } : {}),
        }),
        signal,
      });
    } catch (error) {
      if (error instanceof Error && error.name === "AbortError") throw new TranslationError("timeout", "translation timed out");
      throw new TranslationError("failed", `LibreTranslate could not be reached: ${String(error)}`);
    }
    if (response.status === 429) throw new TranslationError("rate-limited", "LibreTranslate: too many requests");
    if (response.status === 400) throw new TranslationError("unsupported", `LibreTranslate refused the pair ${request.from}→${request.to}`);
    if (!response.ok) throw new TranslationError("failed", `LibreTranslate answered ${response.status}`);
    const body = (await response.json().catch(() => null)) as {
      translatedText?: unknown;
      detectedLanguage?: { language?: unknown };
    } | null;
    if (typeof body?.translatedText !== "string") throw new TranslationError("failed", "LibreTranslate returned no translation");
    const detected = body.detectedLanguage?.language;
    return {
      text: body.translatedText,
      detected: typeof detected === "string" ? detected : null,
      model: `libretranslate@${new URL(this.baseUrl).host}`,
    };
  }
}
