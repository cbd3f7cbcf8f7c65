/**
 * Meta's Llama 3.3 70B, Workers AI's `@cf/meta/llama-3.3-70b-instruct-fp8-fast`, used between the
 * languages it is routed for here (routes.ts), named in its instruction in English.
 */
export const LLAMA_LANGUAGES: Readonly<Record<string, string>> = {
  en: "English",
  es: "Spanish",
  pt: "European Portuguese",
};
