/**
 * Which translation provider this deployment uses, from TRANSLATION_PROVIDER:
 *   "workers-ai"      Workers AI through the AI binding (the production default)
 *   "libretranslate"  a LibreTranslate server at LIBRETRANSLATE_URL (optional LIBRETRANSLATE_API_KEY)
 *   "off"             no translation (the local default: `wrangler dev --local` has no Workers AI)
 * Anything else is refused and translation stays off, with the reason kept to show staff.
 * There is no test provider here: tests replace the AI binding's `run` themselves, so nothing a
 * configuration says can switch a stand-in on.
 */
import { LibreTranslateProvider } from "./libretranslate";
import type { TranslationProvider } from "./provider";
import { WorkersAiProvider, type AiRunner } from "./workers-ai";

export type TranslationMode = "workers-ai" | "libretranslate" | "off";

export interface TranslationSetup {
  mode: TranslationMode;
  provider: TranslationProvider | null;
  /** Why translation is off when it was meant to be on. */
  problem: string | null;
}

interface TranslationVars {
  TRANSLATION_PROVIDER?: string;
  LIBRETRANSLATE_URL?: string;
  LIBRETRANSLATE_API_KEY?: string;
  AI?: unknown;
}

const off = (problem: string | null): TranslationSetup => ({ mode: "off", provider: null, problem });

export function translationSetup(env: TranslationVars): TranslationSetup {
  const wanted = env.TRANSLATION_PROVIDER ?? "workers-ai";
  switch (wanted) {
    case "off":
      return off(null);
    case "workers-ai":
      if (!env.AI || typeof (env.AI as AiRunner).run !== "function") return off("the AI binding is missing");
      return { mode: "workers-ai", provider: new WorkersAiProvider(env.AI as AiRunner), problem: null };
    case "libretranslate": {
      const url = env.LIBRETRANSLATE_URL;
      if (!url || !/^https?:\/\//.test(url)) return off("LIBRETRANSLATE_URL is not set to an http(s) address");
      return { mode: "libretranslate", provider: new LibreTranslateProvider(url, env.LIBRETRANSLATE_API_KEY), problem: null };
    }
    default:
      return off(`TRANSLATION_PROVIDER "${wanted}" is not a provider (use workers-ai, libretranslate or off)`);
  }
}
