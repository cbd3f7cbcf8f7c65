/**
 * Which language a message is written in, read from the text by fastText's language model
 * (fasttext.ts), so a victim is understood whatever language the page was left in and whatever
 * language they switch to. The page's language is only a hint:
 *
 * 1. A clear reading of the text wins: the model is at least CLEAR sure, over enough letters.
 *    Ethiopic script is read by ethiopic.ts (the model cannot tell Tigrinya from Amharic).
 * 2. Otherwise (too short, or the model unsure: "ok", "yes", a name) the language the
 *    conversation has shown so far, then the language the victim chose for the page, each only
 *    if the text could be written in it: text in a script other than Latin must be in that
 *    language's usual script (Latin letters may be a romanised anything).
 * 3. Otherwise the model's best guess, however unsure; null when there are no letters at all.
 *
 * Two readings are checked against the text, where the benchmark showed the model wrong
 * (BENCHMARKS.md, "Language identification"):
 * - Japanese with no kana is Chinese: every Japanese sentence has kana, and the model reads
 *   about one Chinese line in eight as Japanese.
 * - Latin letters in a conversation whose language is written in another script are likely
 *   that language romanised (Urdu or Punjabi in Latin letters, common in Britain), which the
 *   model reads, sometimes confidently, as Indonesian or Finnish: there a reading must be
 *   ROMANISED_CLEAR sure to count.
 *
 * An officer's correction ("this is Farsi, not Urdu") holds for the rest of the conversation:
 * a later message read as Urdu is taken as Farsi.
 */
import { baseLanguage } from "../../shared/languages.ts";
import { amharicOrTigrinya, isEthiopic } from "./ethiopic.ts";

export interface LanguageGuess {
  /** The model's label: ISO 639-1 where the language has a code there ("uk"), else 639-3 ("ckb"). */
  language: string;
  probability: number;
}

export type GuessLanguages = (text: string, k?: number) => Promise<LanguageGuess[]>;

export interface LanguageContext {
  /** The language the victim's messages have clearly shown so far (or an officer said), if any. */
  conversation: string | null;
  /** The language the victim chose for the page, if any. */
  page: string | null;
  /** Officers' corrections so far: read as key, take as value. */
  corrections?: Readonly<Record<string, string>>;
}

export interface Identified {
  language: string | null;
  /** What decided it: the text itself, or a fallback because the text did not say clearly. */
  by: "text" | "conversation" | "page" | "guess" | null;
}

/** The model's probability above which a reading is clear evidence (see BENCHMARKS.md). */
export const CLEAR = 0.5;
/** How sure a reading of Latin letters must be in a conversation written in another script. */
export const ROMANISED_CLEAR = 0.9;
/** Fewer letters than this say too little ("ok", "yes", "no"); ideographs count as three. */
export const MIN_LETTERS = 6;

// Counted with one global match over the text, not a test per character: this runs on every
// victim message (BENCHMARKS.md, "Language identification", cost).
const LETTERS = /\p{L}/gu;
const IDEOGRAPHS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function letterWeight(text: string): number {
  // Every ideograph is also a letter: it counts once as a letter and twice more here.
  return count(text, LETTERS) + 2 * count(text, IDEOGRAPHS);
}

/** Scripts as the likely-subtags data names them, where the Unicode property differs. */
const UNICODE_SCRIPT: Readonly<Record<string, string>> = { Hans: "Han", Hant: "Han", Jpan: "Han", Kore: "Hangul" };

/** Letters of one script, by ISO 15924 code, made once each; null for a script Unicode does not name. */
const scriptLetters = new Map<string, RegExp | null>();

function lettersOf(script: string): RegExp | null {
  if (!scriptLetters.has(script)) {
    let pattern: RegExp | null;
    try {
      // Letters only: a script's own digits and marks are not counted, as they are not in LETTERS.
      pattern = new RegExp(`(?=\\p{L})\\p{Script=${UNICODE_SCRIPT[script] ?? script}}`, "gu");
    } catch {
      pattern = null;
    }
    scriptLetters.set(script, pattern);
  }
  return scriptLetters.get(script)!;
}

/** True when more than half of the text's letters are in `script` (an ISO 15924 code). */
function mostlyIn(text: string, script: string): boolean {
  const pattern = lettersOf(script);
  if (!pattern) return true;
  return count(text, pattern) * 2 > count(text, LETTERS);
}

/**
 * Whether a fallback language fits the text: a Sorani message is not taken as Tigrinya because
 * the conversation so far was. The usual script comes from the platform's likely-subtags data
 * (Intl.Locale), so it is known for every language without a table here.
 */
function couldBeWrittenIn(text: string, language: string): boolean {
  if (mostlyIn(text, "Latn")) return true;
  const script = usualScript(language);
  return script === null || mostlyIn(text, script);
}

/**
 * Usual scripts looked up so far: a victim's conversation asks about the same language on every
 * message. Page languages are any well-formed tag a client sends, so the memory is bounded.
 */
const usualScripts = new Map<string, string | null>();
const MOST_REMEMBERED = 512;

/** The script a language is usually written in ("Cyrl" for "ru"), or null when the data does not say. */
function usualScript(language: string): string | null {
  if (!usualScripts.has(language)) {
    let script: string | null;
    try {
      script = new Intl.Locale(language).maximize().script ?? null;
    } catch {
      script = null;
    }
    if (usualScripts.size >= MOST_REMEMBERED) usualScripts.clear();
    usualScripts.set(language, script);
  }
  return usualScripts.get(language)!;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The model's reading, checked against what the text must contain for it. */
function checkedReading(language: string, text: string): string {
  return language === "ja" && !KANA.test(text) ? "zh" : language;
}

/** True when Latin text arrives in a conversation whose language is usually written otherwise. */
function romanisedIn(text: string, conversation: string | null): boolean {
  if (!conversation || !mostlyIn(text, "Latn")) return false;
  const script = usualScript(conversation);
  return script !== null && script !== "Latn";
}


/**
 * The reading, as precise as the context allows: a page in Traditional Chinese ("zh-Hant") and
 * a reading of "zh" give "zh-Hant".
 */
function refine(language: string, context: LanguageContext): string {
  const corrected = context.corrections?.[language] ?? language;
  for (const known of [context.conversation, context.page]) {
    if (known && known !== corrected && baseLanguage(known) === corrected) return known;
  }
  return corrected;
}

export async function identifyLanguage(text: string, context: LanguageContext, guess: GuessLanguages): Promise<Identified> {
  const weight = letterWeight(text);
  if (weight === 0) return { language: null, by: null };
  let best: string | null = null;
  if (isEthiopic(text)) {
    const reading = await amharicOrTigrinya(text);
    if (reading) return { language: refine(reading, context), by: "text" };
    // Too short to tell: only Amharic or Tigrinya can be meant, whatever the page says. Unsure,
    // Tigrinya is the safer reading: no provider translates it, so the officer is told to find
    // an interpreter, where a Tigrinya message read as Amharic would be mistranslated unseen.
    const known = [context.conversation, context.page].find((l) => l === "am" || l === "ti");
    return known ? { language: known, by: known === context.conversation ? "conversation" : "page" } : { language: "ti", by: "guess" };
  } else {
    const [top] = await guess(text);
    const reading = top && checkedReading(top.language, text);
    const clear = romanisedIn(text, context.conversation) ? ROMANISED_CLEAR : CLEAR;
    if (top && reading && top.probability >= clear && weight >= MIN_LETTERS) return { language: refine(reading, context), by: "text" };
    best = reading ?? null;
  }
  if (context.conversation && couldBeWrittenIn(text, context.conversation)) return { language: context.conversation, by: "conversation" };
  if (context.page && couldBeWrittenIn(text, context.page)) return { language: context.page, by: "page" };
  return best ? { language: refine(best, context), by: "guess" } : { language: null, by: null };
}
