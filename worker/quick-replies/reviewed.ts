/**
 * Words an officer sends that come with translations written for them: the quick replies, and
 * the DASH questions asked in the chat. The one place the Conversation's translator looks.
 *
 * **A reviewed translation is used only for its own words.** A message that names a quick reply
 * but says something else (an officer edited the phrase) is machine-translated, so the victim
 * never reads words the officer did not write.
 */
import { DASH } from "../assessment/dash";
import { DASH_QUESTION_TRANSLATIONS } from "../assessment/dash-translations";
import { ASKED_QUESTION_PREFIX } from "../shared/asked-question";
import { baseLanguage } from "../shared/languages";
import { QUICK_REPLY_LIBRARY, type QuickReplyLanguage } from "./library";

type Words = Readonly<Partial<Record<QuickReplyLanguage, string>>>;

function reviewedWords(id: string): Words | undefined {
  if (id.startsWith(ASKED_QUESTION_PREFIX)) {
    const questionId = id.slice(ASKED_QUESTION_PREFIX.length);
    const question = DASH.groups.flatMap((g) => g.questions).find((q) => q.id === questionId);
    if (!question) return undefined;
    const translated = Object.entries(DASH_QUESTION_TRANSLATIONS).map(([tag, questions]) => [tag, questions?.[questionId]]);
    return { ...Object.fromEntries(translated.filter(([, words]) => words !== undefined)), en: question.text };
  }
  return QUICK_REPLY_LIBRARY.find((p) => p.id === id)?.text;
}

/**
 * The reviewed words of quick reply `id` in `language`, when `text` is that reply's own words:
 * the exact tag, else one of the same base language (Chinese read from the text is "zh"; the
 * library has "zh-Hans" first).
 */
export function reviewedTranslation(id: string, text: string, language: string): string | null {
  const words: Readonly<Record<string, string | undefined>> | undefined = reviewedWords(id);
  if (!words || words.en?.trim() !== text.trim()) return null;
  const tag = words[language] !== undefined ? language : Object.keys(words).find((key) => baseLanguage(key) === baseLanguage(language));
  return tag ? (words[tag] ?? null) : null;
}
