/**
 * Workers AI as a translation provider, each language pair routed to the model that serves it
 * (routes.ts). Requests and answers follow Workers AI's documented shapes for each model:
 *   m2m100:      { text, source_lang, target_lang }          → { translated_text }
 *   IndicTrans2: { text, target_language: "pan_Guru" | … }   → { translations: [text] }
 *   Llama 3.3:   { messages: [{ role, content }] }           → { response }
 */
import { baseLanguage } from "../shared/languages.ts";
import { INDICTRANS2_TARGETS } from "./models/indictrans2.ts";
import { LLAMA_LANGUAGES } from "./models/llama.ts";
import { INDICTRANS, LLAMA, M2M100, routeFor, type Route } from "./routes";
import {
  TranslationError,
  type TranslationProvider,
  type TranslationRequest,
  type TranslationResult,
} from "./provider";

/** The part of the AI binding this provider uses, so tests can hand it the real binding or a double. */
export interface AiRunner {
  run(model: string, inputs: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<unknown>;
}

export class WorkersAiProvider implements TranslationProvider {
  readonly name = "workers-ai" as const;

  constructor(
    private readonly ai: AiRunner,
    private readonly routes?: readonly Route[],
  ) {}

  /** Workers AI serves a pair when one of the routes holds it (routes.ts): known without asking. */
  async supports(from: string, to: string): Promise<boolean> {
    return routeFor(baseLanguage(from), baseLanguage(to), this.routes) !== null;
  }

  async translate(request: TranslationRequest, signal: AbortSignal): Promise<TranslationResult> {
    // The models know base languages: Chinese is "zh" whichever script the page was in.
    const from = baseLanguage(request.from ?? "en");
    const to = baseLanguage(request.to);
    const route = routeFor(from, to, this.routes);
    if (!route) throw new TranslationError("unsupported", `no Workers AI model translates ${from} into ${to}`);
    let output: unknown;
    try {
      output = await this.ai.run(route.model, inputsFor(route.model, request.text, from, to), { signal });
    } catch (error) {
      throw classify(error);
    }
    const text = textFrom(route.model, output);
    if (!text) throw new TranslationError("failed", `${route.model} returned no translation`);
    return { text, detected: null, model: route.model };
  }
}

function inputsFor(model: string, text: string, from: string, to: string): Record<string, unknown> {
  switch (model) {
    case INDICTRANS:
      return { text, target_language: INDICTRANS2_TARGETS[to] };
    case LLAMA:
      return {
        messages: [
          {
            role: "system",
            content:
              `Translate the user's message from ${LLAMA_LANGUAGES[from] ?? from} into ${LLAMA_LANGUAGES[to] ?? to}. ` +
              "It is a message in a conversation between a police officer and a person who may be in danger. " +
              "Reply with the translation only, keeping its meaning, tone and any numbers exactly.",
          },
          { role: "user", content: text },
        ],
        temperature: 0,
      };
    case M2M100:
    default:
      return { text, source_lang: from, target_lang: to };
  }
}

function textFrom(model: string, output: unknown): string | null {
  if (typeof output !== "object" || output === null) return null;
  const record = output as Record<string, unknown>;
  if (model === INDICTRANS) {
    const translations = record.translations;
    return Array.isArray(translations) && typeof translations[0] === "string" ? translations[0] : null;
  }
  if (model === LLAMA) return typeof record.response === "string" ? record.response.trim() : null;
  return typeof record.translated_text === "string" ? record.translated_text : null;
}

/** Workers AI reports too many requests as error 3040 / HTTP 429; those are worth a retry. */
function classify(error: unknown): TranslationError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === "AbortError") return new TranslationError("timeout", "translation timed out");
  if (/\b429\b|3040|rate limit|capacity/i.test(message)) return new TranslationError("rate-limited", message);
  return new TranslationError("failed", message);
}
