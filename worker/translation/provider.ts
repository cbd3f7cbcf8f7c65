/**
 * One small interface for every translation provider: Workers AI, a self-hosted LibreTranslate
 * server, or none. A provider translates one text into one language and says which model did it.
 */
export interface TranslationRequest {
  text: string;
  /** The source language if known (BCP 47 base, e.g. "pl"); null to let the provider detect it. */
  from: string | null;
  to: string;
}

export interface TranslationResult {
  text: string;
  /** The language the provider found the text to be in, when it says. */
  detected: string | null;
  /** Which model (or server) made the translation, kept with it in the record. */
  model: string;
}

export interface TranslationProvider {
  readonly name: "workers-ai" | "libretranslate";
  /**
   * Whether it translates `from` into `to` (language tags, "zh-Hant" or "fa"). False means no
   * translation can be had, and the officer is told so; when it cannot tell (its list could
   * not be fetched) it answers true, and a refusal shows as a failed translation to retry.
   */
  supports(from: string, to: string, signal?: AbortSignal): Promise<boolean>;
  translate(request: TranslationRequest, signal: AbortSignal): Promise<TranslationResult>;
}

/** Why a translation did not happen; `rate-limited` is worth retrying after a pause. */
export class TranslationError extends Error {
  constructor(
    readonly kind: "rate-limited" | "failed" | "timeout" | "unsupported",
    message: string,
  ) {
    super(message);
  }
}
