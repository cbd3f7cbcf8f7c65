/**
 * The words resume codes are made of, in the language of the victim's page: for each, 256
 * ordinary, concrete nouns that are easy to say, spell and remember. Four of them give about 4.3
 * billion codes, and every code also needs its PIN, with wrong PINs limited, so a code cannot be
 * guessed. A code is taken in one language and accepted in any: it is matched by its words, not
 * by the list they came from (resume-codes.ts).
 *
 * Within a list no two words are the same once folded as codes are matched (resume-code-text.ts),
 * and no word begins another, so a word cut short is never another word. Words that could hurt in
 * this service's setting (weapons, common insults, words with a rude second meaning) were left out.
 *
 * The lists are drafts, like the page's translations: each is to be read by a native speaker
 * before use. Punjabi, Urdu, Bengali, Gujarati, Welsh, Somali, Tamil, Central Kurdish and
 * Tigrinya have no list yet (one will not be written here without a speaker to check it): their
 * pages give codes in English.
 */
import { ar } from "./ar.ts";
import { bg } from "./bg.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fa } from "./fa.ts";
import { fr } from "./fr.ts";
import { hu } from "./hu.ts";
import { it } from "./it.ts";
import { lt } from "./lt.ts";
import { pl } from "./pl.ts";
import { pt } from "./pt.ts";
import { ro } from "./ro.ts";
import { ru } from "./ru.ts";
import { sq } from "./sq.ts";
import { tr } from "./tr.ts";
import { uk } from "./uk.ts";
import { zhHans } from "./zh-hans.ts";
import { zhHant } from "./zh-hant.ts";

/** By the victim page's language tag (app/lib/i18n/languages.ts). */
export const RESUME_WORD_LISTS: Readonly<Record<string, readonly string[]>> = {
  en, pl, ro, pt, es, ar, lt, uk, ru, fa, tr, "zh-Hans": zhHans, "zh-Hant": zhHant, it, fr, bg, hu, sq,
};

/** The page's languages whose codes are in English until a speaker writes and checks a list. */
export const ENGLISH_CODE_LANGUAGES: readonly string[] = ["pa", "ur", "bn", "gu", "cy", "so", "ta", "ckb", "ti"];

/**
 * The list for a language tag and the tag it is in: the page's own tags ("pl", "zh-Hant"), any
 * case, or a tag with a region ("pl-PL"). Any other language, or none, gets English.
 */
export function resumeWordsFor(language: string | undefined): { language: string; words: readonly string[] } {
  const wanted = language?.toLowerCase() ?? "en";
  const tags = Object.keys(RESUME_WORD_LISTS);
  const tag =
    tags.find((t) => t.toLowerCase() === wanted) ?? tags.find((t) => t.toLowerCase() === wanted.split("-")[0]) ?? "en";
  return { language: tag, words: RESUME_WORD_LISTS[tag]! };
}
