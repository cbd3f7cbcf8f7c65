/**
 * The DASH questions in the victims' languages, for "Ask in chat": sent with the question's own
 * words, the victim reads these instead of a machine translation (worker/quick-replies/reviewed.ts).
 * The English is the question's text in dash.ts; a language missing here is machine-translated.
 * One file per language under dash-translations/, so a native reviewer works on one file.
 *
 * Machine-quality drafts, like the quick replies' translations: every one must be reviewed by a
 * native speaker before use. They avoid forms that assume the victim's gender, and call the
 * person hurting them "this person" where the language marks gender in "they". Each keeps the
 * register (formal or informal "you") of that language's quick replies in library.ts.
 */
import type { QuickReplyLanguage } from "../quick-replies/library";
import type { DashQuestionTranslations } from "./dash-translations/types";
import { pl } from "./dash-translations/pl";
import { ro } from "./dash-translations/ro";
import { es } from "./dash-translations/es";
import { ur } from "./dash-translations/ur";
import { pa } from "./dash-translations/pa";
import { bn } from "./dash-translations/bn";
import { gu } from "./dash-translations/gu";
import { ar } from "./dash-translations/ar";
import { pt } from "./dash-translations/pt";
import { lt } from "./dash-translations/lt";
import { so } from "./dash-translations/so";
import { uk } from "./dash-translations/uk";
import { ru } from "./dash-translations/ru";
import { fa } from "./dash-translations/fa";
import { tr } from "./dash-translations/tr";
import { zhHans } from "./dash-translations/zh-Hans";
import { zhHant } from "./dash-translations/zh-Hant";
import { it } from "./dash-translations/it";
import { fr } from "./dash-translations/fr";
import { bg } from "./dash-translations/bg";
import { hu } from "./dash-translations/hu";
import { sq } from "./dash-translations/sq";
import { ta } from "./dash-translations/ta";
import { cy } from "./dash-translations/cy";
import { ckb } from "./dash-translations/ckb";
import { ti } from "./dash-translations/ti";

/** By language, then by question id; each language has every question (tests/unit checks). */
export const DASH_QUESTION_TRANSLATIONS: Readonly<Partial<Record<QuickReplyLanguage, DashQuestionTranslations>>> = {
  pl,
  ro,
  es,
  ur,
  pa,
  bn,
  gu,
  ar,
  pt,
  lt,
  so,
  uk,
  ru,
  fa,
  tr,
  "zh-Hans": zhHans,
  "zh-Hant": zhHant,
  it,
  fr,
  bg,
  hu,
  sq,
  ta,
  cy,
  ckb,
  ti,
};
