/**
 * What a language's word list for risk cues holds. Lists are data, one file per language, and
 * like the page translations they are drafts until a native speaker who knows the work has
 * reviewed them.
 */
import type { IndicatorId } from "../../shared/risk-indicators.ts";

export interface Lexicon {
  /** BCP 47 language tag, as the language identifier reports it. */
  language: string;
  status: "draft for review" | "reviewed";
  /**
   * Words that deny what follows them ("never", "not"). A match with one of these among the few
   * words before it, in the same sentence, is not a cue: "he has never choked me".
   */
  negations: readonly string[];
  /** How many words before a match are looked at for a negation. */
  negationWindow: number;
  /**
   * Per indicator, regular-expression sources (Unicode, case-insensitive). Each is matched as
   * whole words: it must start and end at a word's edge, so a stem needs its own `\p{L}*`.
   */
  patterns: Partial<Record<IndicatorId, readonly string[]>>;
}
