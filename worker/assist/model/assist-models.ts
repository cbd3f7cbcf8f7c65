/**
 * Which Workers AI model does each assist task, held as data like translation's routing
 * (worker/translation/routes.ts), so a force can move a task to another model without code.
 * Llama 3.3 70B is the one Workers AI model here that takes JSON Schema structured output
 * (https://developers.cloudflare.com/workers-ai/json-mode/) and reads every language the
 * service translates well enough to quote from it.
 */
import { LLAMA } from "../../translation/routes";

export const ASSIST_MODELS = {
  "dash-drafts": LLAMA,
  handover: LLAMA,
  "case-summary": LLAMA,
} as const satisfies Record<string, string>;

export type AssistTask = keyof typeof ASSIST_MODELS;
