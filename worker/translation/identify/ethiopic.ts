/**
 * Amharic or Tigrinya: both are written in the Ethiopic script, and fastText's model knows only
 * Amharic, so it calls every Tigrinya message Amharic, which would then be machine-translated
 * from the wrong language. franc (trigram profiles from the Universal Declaration of Human
 * Rights, which exists in both) tells the two apart; it is asked about these two languages only.
 *
 * franc builds its tables for all its 187 languages when loaded, about 30 ms of CPU, so it is
 * loaded on the first Ethiopic message rather than at every cold start (BENCHMARKS.md, "Cold start").
 */

const ETHIOPIC = /[\u1200-\u137F\u1380-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/gu;
const LETTER = /\p{L}/gu;

/** True when most of the text's letters are Ethiopic. */
export function isEthiopic(text: string): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  return letters > 0 && (text.match(ETHIOPIC)?.length ?? 0) * 2 > letters;
}

/** "am" or "ti" when franc finds a clear difference; null when the text is too short to say. */
export async function amharicOrTigrinya(text: string): Promise<"am" | "ti" | null> {
  const { francAll } = await import("franc");
  // franc's scores are relative: the best is 1, and a tie (both 0) means it could not tell.
  const [best, second] = francAll(text, { only: ["amh", "tir"], minLength: 10 });
  if (!best || best[0] === "und" || (second && second[1] === best[1])) return null;
  return best[0] === "tir" ? "ti" : "am";
}
