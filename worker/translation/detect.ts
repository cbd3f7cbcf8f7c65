/**
 * Which language a message is written in, told from the text itself, so a victim who switches
 * language mid-chat is still understood. The language they chose is only a hint, used when the
 * text is too short or too plain to tell. Deterministic and local: nothing leaves the Worker.
 *
 * Scripts decide most languages outright; within a script, letters only one language uses, then
 * its commonest short words, decide the rest.
 */
const SCRIPTS: [RegExp, (text: string) => string][] = [
  [/[\u0A00-\u0A7F]/, () => "pa"],
  [/[\u0A80-\u0AFF]/, () => "gu"],
  [/[\u0980-\u09FF]/, () => "bn"],
  // Urdu writes letters Arabic does not use (ٹ ڈ ڑ ں ے ھ ک گ ی).
  [/[\u0600-\u06FF]/, (text) => (/[\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06A9\u06AF\u06CC]/.test(text) ? "ur" : "ar")],
];

const LATIN_LETTERS: [string, RegExp][] = [
  ["pl", /[ąęłńśźżĄĘŁŃŚŹŻ]/],
  ["ro", /[ăâîșşțţĂÂÎȘŞȚŢ]/],
  ["lt", /[ėįųūčšžĖĮŲŪČŠŽ]/],
  ["pt", /[ãõçÃÕÇ]/],
  ["es", /[ñ¿¡Ñ]/],
  ["cy", /[ŵŷŴŶ]/],
];

const COMMON_WORDS: Record<string, readonly string[]> = {
  en: ["the", "and", "is", "i", "you", "he", "she", "my", "me", "to", "it", "not", "are", "am", "was", "have", "help", "please", "yes", "no", "what", "with"],
  pl: ["nie", "jest", "się", "to", "że", "mnie", "mam", "co", "tak", "jak", "mój", "ale", "czy", "proszę", "pomocy", "jestem"],
  ro: ["nu", "este", "și", "sunt", "eu", "mă", "am", "da", "ce", "pe", "în", "cu", "vă", "rog", "ajutor"],
  lt: ["ne", "yra", "aš", "ir", "man", "taip", "kas", "jis", "ji", "prašau", "pagalbos", "esu"],
  pt: ["não", "é", "eu", "que", "sim", "ele", "ela", "meu", "estou", "ajuda", "por", "favor", "com", "uma"],
  es: ["no", "es", "yo", "que", "sí", "él", "ella", "mi", "estoy", "ayuda", "por", "favor", "con", "una", "tengo"],
  cy: ["dw", "i", "yn", "ac", "mae", "fi", "ddim", "os", "gwelwch", "chi", "helpu", "ydw", "ydy"],
  so: ["waan", "ma", "iyo", "aan", "waxaan", "haa", "maya", "caawimaad", "fadlan", "isaga", "ayaa", "ku"],
};

export function detectLanguage(text: string, hint: string | null): string | null {
  for (const [script, language] of SCRIPTS) if (script.test(text)) return language(text);
  const letters = LATIN_LETTERS.filter(([, pattern]) => pattern.test(text)).map(([language]) => language);
  if (letters.length === 1) return letters[0]!;

  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length === 0) return hint;
  const scores = Object.entries(COMMON_WORDS)
    .filter(([language]) => letters.length === 0 || letters.includes(language))
    .map(([language, common]) => ({ language, score: words.filter((w) => common.includes(w)).length }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score === 0) return hint ?? letters[0] ?? null;
  // A tie between the hint and another language goes to the hint.
  if (second && second.score === best.score && hint && [best.language, second.language].includes(hint)) return hint;
  return best.language;
}
