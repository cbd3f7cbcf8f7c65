/**
 * The languages the service can tell a message is written in: the 176 of fastText's lid.176
 * model (worker/translation/identify/fasttext.ts; its labels are ISO 639-1 codes where a
 * language has one, else 639-2/3, else Wikipedia's) and Tigrinya, which franc tells from Amharic
 * (identify/ethiopic.ts). An officer correcting a message's language chooses among these, so the
 * console and the Conversation share this one list. Whether a provider translates one is a
 * separate question (worker/translation/models/).
 */
export const IDENTIFIABLE_LANGUAGES: readonly string[] = [
  "af", "als", "am", "an", "ar", "arz", "as", "ast", "av", "az", "azb", "ba", "bar", "bcl", "be", "bg",
  "bh", "bn", "bo", "bpy", "br", "bs", "bxr", "ca", "cbk", "ce", "ceb", "ckb", "co", "cs", "cv", "cy",
  "da", "de", "diq", "dsb", "dty", "dv", "el", "eml", "en", "eo", "es", "et", "eu", "fa", "fi", "fr",
  "frr", "fy", "ga", "gd", "gl", "gn", "gom", "gu", "gv", "he", "hi", "hif", "hr", "hsb", "ht", "hu",
  "hy", "ia", "id", "ie", "ilo", "io", "is", "it", "ja", "jbo", "jv", "ka", "kk", "km", "kn", "ko",
  "krc", "ku", "kv", "kw", "ky", "la", "lb", "lez", "li", "lmo", "lo", "lrc", "lt", "lv", "mai", "mg",
  "mhr", "min", "mk", "ml", "mn", "mr", "mrj", "ms", "mt", "mwl", "my", "myv", "mzn", "nah", "nap", "nds",
  "ne", "new", "nl", "nn", "no", "oc", "or", "os", "pa", "pam", "pfl", "pl", "pms", "pnb", "ps", "pt",
  "qu", "rm", "ro", "ru", "rue", "sa", "sah", "sc", "scn", "sco", "sd", "sh", "si", "sk", "sl", "so",
  "sq", "sr", "su", "sv", "sw", "ta", "te", "tg", "th", "tk", "tl", "tr", "tt", "tyv", "ug", "uk",
  "ur", "uz", "vec", "vep", "vi", "vls", "vo", "wa", "war", "wuu", "xal", "xmf", "yi", "yo", "yue", "zh",
  "ti",
];

/** Scripts the victim's page distinguishes within one language: a correction may name them. */
const WITH_SCRIPT = ["zh-Hans", "zh-Hant"];

/** Whether `tag` is a language an officer may say a message is in. */
export function isIdentifiableLanguage(tag: string): boolean {
  return IDENTIFIABLE_LANGUAGES.includes(tag) || WITH_SCRIPT.includes(tag);
}

/** The base language of a tag: "zh" for "zh-Hant". */
export const baseLanguage = (tag: string): string => tag.split("-")[0]!.toLowerCase();
