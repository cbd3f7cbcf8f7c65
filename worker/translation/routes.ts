/**
 * Which Workers AI model translates which language pair. Data, not code: the first route whose
 * `from` and `to` both match is used. Documented in the README ("Translation").
 *
 * - IndicTrans2 (AI4Bharat) is trained for English into Indic languages: Punjabi, Gujarati,
 *   Bengali and Urdu, which are among the most spoken languages in the UK after English.
 * - Llama 3.3 70B officially supports English, Spanish and Portuguese among its languages and
 *   keeps register and meaning better than a dedicated small model for those pairs.
 * - m2m100 (1.2B) covers every other pair, in both directions, among its 100 languages.
 */
export interface Route {
  from: readonly string[] | "*";
  to: readonly string[] | "*";
  model: WorkersAiModel;
}

export const INDICTRANS = "@cf/ai4bharat/indictrans2-en-indic-1B";
export const LLAMA = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
export const M2M100 = "@cf/meta/m2m100-1.2b";
export type WorkersAiModel = typeof INDICTRANS | typeof LLAMA | typeof M2M100;

export const WORKERS_AI_ROUTES: readonly Route[] = [
  { from: ["en"], to: ["pa", "gu", "bn", "ur"], model: INDICTRANS },
  { from: ["en", "es", "pt"], to: ["en", "es", "pt"], model: LLAMA },
  { from: "*", to: "*", model: M2M100 },
];

/** IndicTrans2's codes: language and script. */
export const INDIC_CODES: Readonly<Record<string, "pan_Guru" | "guj_Gujr" | "ben_Beng" | "urd_Arab">> = {
  pa: "pan_Guru",
  gu: "guj_Gujr",
  bn: "ben_Beng",
  ur: "urd_Arab",
};

/** English names the instruction-following model is told, for the languages it may be routed. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: "English",
  es: "Spanish",
  pt: "European Portuguese",
};

export function routeFor(from: string, to: string, routes: readonly Route[] = WORKERS_AI_ROUTES): Route {
  const matches = (set: readonly string[] | "*", language: string) => set === "*" || set.includes(language);
  const route = routes.find((r) => matches(r.from, from) && matches(r.to, to));
  if (!route) throw new Error(`no translation route from ${from} to ${to}`);
  return route;
}
