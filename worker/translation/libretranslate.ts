/**
 * A self-hosted LibreTranslate server as the provider, for forces that keep text in-house.
 * Its documented API: POST /translate with { q, source, target, format, api_key? } answers
 * { translatedText, detectedLanguage?: { language, confidence } }; 429 when over its limit.
 */
import {
  TranslationError,
  type TranslationProvider,
  type TranslationRequest,
  type TranslationResult,
} from "./provider";

export class LibreTranslateProvider implements TranslationProvider {
  readonly name = "libretranslate" as const;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string | undefined,
    // Wrapped: workerd refuses `fetch` called as a method of another object ("Illegal invocation").
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async translate(request: TranslationRequest, signal: AbortSignal): Promise<TranslationResult> {
    let response: Response;
    try {
      response = await this.fetcher(new URL("/translate", this.baseUrl), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          q: request.text,
          source: request.from ?? "auto",
          target: request.to,
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
