/**
 * Which Workers AI model translates which language pair. Data, not code: each model's languages
 * are listed beside it (models/), and the first route whose `from` and `to` both hold the pair
 * is used; a pair no route holds has no translation, and the officer is told so. Documented in
 * the README ("Translation").
 *
 * - IndicTrans2 (AI4Bharat) is trained for English into the Indic languages: Punjabi, Gujarati,
 *   Bengali and Urdu are among the most spoken languages in the UK after English.
 * - Llama 3.3 70B officially supports English, Spanish and Portuguese among its languages and
 *   keeps register and meaning better than a dedicated small model for those pairs.
 * - M2M-100 (1.2B) covers every other pair, in both directions, among its 100 languages.
 */
import { INDICTRANS2_TARGETS } from "./models/indictrans2.ts";
import { LLAMA_LANGUAGES } from "./models/llama.ts";
import { M2M100_LANGUAGES } from "./models/m2m100.ts";

export const INDICTRANS = "@cf/ai4bharat/indictrans2-en-indic-1B";
export const LLAMA = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
export const M2M100 = "@cf/meta/m2m100-1.2b";
export type WorkersAiModel = typeof INDICTRANS | typeof LLAMA | typeof M2M100;

export interface Route {
  from: readonly string[];
  to: readonly string[];
  model: WorkersAiModel;
}

export const WORKERS_AI_ROUTES: readonly Route[] = [
  { from: ["en"], to: Object.keys(INDICTRANS2_TARGETS), model: INDICTRANS },
  { from: Object.keys(LLAMA_LANGUAGES), to: Object.keys(LLAMA_LANGUAGES), model: LLAMA },
  { from: M2M100_LANGUAGES, to: M2M100_LANGUAGES, model: M2M100 },
];

/** The route for a pair of base languages ("zh", not "zh-Hant"), or null when none serves it. */
export function routeFor(from: string, to: string, routes: readonly Route[] = WORKERS_AI_ROUTES): Route | null {
  return routes.find((r) => r.from.includes(from) && r.to.includes(to)) ?? null;
}
