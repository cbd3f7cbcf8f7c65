/**
 * The languages of Meta's M2M-100 (1.2B), Workers AI's `@cf/meta/m2m100-1.2b`, which translates
 * between any two of them: the model card's list of 100 ISO 639-1 codes (ISO 639-2/3 where a
 * language has no 639-1 code). Not among them, for example: Tigrinya, Sorani Kurdish.
 */
export const M2M100_LANGUAGES: readonly string[] = [
  "af", "am", "ar", "ast", "az", "ba", "be", "bg", "bn", "br", "bs", "ca", "ceb", "cs", "cy", "da",
  "de", "el", "en", "es", "et", "fa", "ff", "fi", "fr", "fy", "ga", "gd", "gl", "gu", "ha", "he",
  "hi", "hr", "ht", "hu", "hy", "id", "ig", "ilo", "is", "it", "ja", "jv", "ka", "kk", "km", "kn",
  "ko", "lb", "lg", "ln", "lo", "lt", "lv", "mg", "mk", "ml", "mn", "mr", "ms", "my", "ne", "nl",
  "no", "ns", "oc", "or", "pa", "pl", "ps", "pt", "ro", "ru", "sd", "si", "sk", "sl", "so", "sq",
  "sr", "ss", "su", "sv", "sw", "ta", "th", "tl", "tn", "tr", "uk", "ur", "uz", "vi", "wo", "xh",
  "yi", "yo", "zh", "zu",
];
