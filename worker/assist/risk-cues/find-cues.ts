/**
 * Risk cues: the DASH high-risk indicators found in one of a victim's messages, by word lists
 * per language (lexicons/). Deterministic and explainable, so it runs in every deployment and in
 * tests without a model: each cue names its indicator, the DASH question it bears on and the
 * exact words that matched, as they stand in the text.
 *
 * It reads the message as written, in its own language's list when there is one, and the
 * translation (the officer's language) in that language's list, so a message in a language
 * without a list is still read through its translation.
 */
import { INDICATOR_IDS, INDICATORS, type IndicatorId } from "../../shared/risk-indicators.ts";
import type { Lexicon } from "./lexicon.ts";
import { ar } from "./lexicons/ar.ts";
import { en } from "./lexicons/en.ts";
import { pl } from "./lexicons/pl.ts";
import { ur } from "./lexicons/ur.ts";

export interface RiskCue {
  indicator: IndicatorId;
  /** The DASH question it bears on. */
  question: string;
  /** Whether it is one that raises a waiting chat's place. */
  immediate: boolean;
  /** The words that matched, exactly as they stand in the text they were found in. */
  words: string;
  /** Which text they were found in. */
  foundIn: "original" | "translation";
}

export interface ReadableMessage {
  text: string;
  /** The language it was identified as, if known. */
  language: string | null;
  /** Its translation, if one was made. */
  translation: { text: string; language: string } | null;
}

export const LEXICONS: readonly Lexicon[] = [en, pl, ar, ur];

const LETTER = String.raw`[\p{L}\p{M}\p{N}_]`;
const SENTENCE_END = /[.!?؟۔\n]/u;

interface CompiledLexicon {
  lexicon: Lexicon;
  patterns: { indicator: IndicatorId; pattern: RegExp }[];
  negations: ReadonlySet<string>;
}

/** Each lexicon compiled once: one expression per indicator, matched as whole words. */
const COMPILED = new Map<string, CompiledLexicon>(
  LEXICONS.map((lexicon) => [
    lexicon.language,
    {
      lexicon,
      patterns: INDICATOR_IDS.flatMap((indicator) => {
        const sources = lexicon.patterns[indicator];
        if (!sources?.length) return [];
        const alternatives = sources.map((source) => `(?:${source})`).join("|");
        return [{ indicator, pattern: new RegExp(`(?<!${LETTER})(?:${alternatives})(?!${LETTER})`, "giu") }];
      }),
      negations: new Set(lexicon.negations.map((word) => word.toLocaleLowerCase(lexicon.language))),
    },
  ]),
);

/** The base language of a tag ("pl-PL" → "pl"), for choosing a list. */
function baseLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/** Whether one of the language's negations comes among the few words before `at`, in the same sentence. */
function negated(text: string, at: number, compiled: CompiledLexicon): boolean {
  const before = text.slice(0, at);
  const sentenceStart = Math.max(...[...before.matchAll(new RegExp(SENTENCE_END, "gu"))].map((m) => m.index + 1), 0);
  const words = before.slice(sentenceStart).toLocaleLowerCase(compiled.lexicon.language).match(/[\p{L}\p{M}'’]+/gu) ?? [];
  const window = words.slice(-compiled.lexicon.negationWindow);
  for (let i = 0; i < window.length; i++) {
    if (compiled.negations.has(window[i]!)) return true;
    // Negations of two words ("کبھی نہیں").
    if (i + 1 < window.length && compiled.negations.has(`${window[i]} ${window[i + 1]}`)) return true;
  }
  return false;
}

function cuesIn(text: string, language: string, foundIn: RiskCue["foundIn"]): RiskCue[] {
  const compiled = COMPILED.get(baseLanguage(language));
  if (!compiled) return [];
  const cues: RiskCue[] = [];
  for (const { indicator, pattern } of compiled.patterns) {
    for (const match of text.matchAll(pattern)) {
      if (negated(text, match.index, compiled)) continue;
      const { question, immediate } = INDICATORS[indicator];
      cues.push({ indicator, question, immediate, words: match[0], foundIn });
      break;
    }
  }
  return cues;
}

function firstPerIndicator(cues: RiskCue[]): RiskCue[] {
  return cues.filter((cue, i) => cues.findIndex((other) => other.indicator === cue.indicator) === i);
}

/**
 * The cues in a message: at most one per indicator, from the original when it shows there,
 * otherwise from the translation.
 */
export function findRiskCues(message: ReadableMessage): RiskCue[] {
  // A message whose language could not be told (often a short one) is read with every list.
  const fromOriginal = message.language
    ? cuesIn(message.text, message.language, "original")
    : firstPerIndicator(LEXICONS.flatMap((lexicon) => cuesIn(message.text, lexicon.language, "original")));
  const found = new Set(fromOriginal.map((cue) => cue.indicator));
  const fromTranslation = message.translation
    ? cuesIn(message.translation.text, message.translation.language, "translation").filter((cue) => !found.has(cue.indicator))
    : [];
  return [...fromOriginal, ...fromTranslation];
}
