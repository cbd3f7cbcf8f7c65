/**
 * How a resume code is read back: the words as the victim typed them, in any of the word lists'
 * scripts, and the form the code is matched in.
 *
 * `normaliseCode` keeps every word as it is written (so each list word normalises to itself):
 * NFC, lower case, and split on anything that is not a letter or a combining mark, so the vowel
 * signs of Indic scripts and the dots of Arabic stay inside their words. Chinese is written
 * without spaces, so a run of Han words is joined back together whether or not it was typed with
 * spaces (the Chinese lists' words are all two characters, so the run still reads one way).
 *
 * `codeKey` is what the digest is taken of. It also folds what a phone keyboard or a tired hand
 * changes without changing the word: Latin accents ("zolw" is "żółw", "sosea" is "șosea", and
 * Romanian's cedilla "ş" is its comma "ș"), Polish ł and Turkish dotless ı; Russian ё written е;
 * and in Arabic script the vowel marks, tatweel, hamza on its seat, alef maqsura and teh marbuta,
 * and the Arabic and Persian forms of yeh and kaf. Each word list stays unique after this folding
 * (tests/unit/resume-words.test.ts), so folding never makes two codes of one list one code: a
 * code is as hard to guess as it was, and easier to type back.
 * Cyrillic й, ї and the like are letters of their own, so only Latin letters lose their marks.
 */

const ENDS_IN_HAN = /\p{Script=Han}$/u;
const STARTS_IN_HAN = /^\p{Script=Han}/u;

/** "Apple,  RIVER stone-kite" is "apple river stone kite"; "猫咪 骏马" is "猫咪骏马". */
export function normaliseCode(code: string): string {
  const words = code.normalize("NFC").toLowerCase().split(/[^\p{L}\p{M}]+/u).filter(Boolean);
  let text = "";
  for (const word of words) {
    const hanRun = ENDS_IN_HAN.test(text) && STARTS_IN_HAN.test(word);
    text += text === "" || hanRun ? word : ` ${word}`;
  }
  return text;
}

/** The code as it is matched: normalised, then each word folded. */
export function codeKey(code: string): string {
  return normaliseCode(code).split(" ").map(foldWord).join(" ");
}

const ARABIC_FOLDS: Record<string, string> = { "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك" };

/** One word as it is matched (see above); a word with nothing to fold comes back as it is. */
export function foldWord(word: string): string {
  return word
    .replaceAll("ё", "е")
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .replace(/[łı]/g, (letter) => (letter === "ł" ? "l" : "i"))
    // Arabic vowel marks, hamza above and below (NFD has split أ into ا and its hamza), madda,
    // superscript alef, and tatweel.
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[ىیةک]/g, (letter) => ARABIC_FOLDS[letter]!)
    .normalize("NFC");
}
