/**
 * Just enough of the Unicode bidirectional algorithm (UAX #9, https://unicode.org/reports/tr9/)
 * for chat messages that mix Arabic-script text with Latin words and numbers.
 *
 * - A paragraph takes the direction of its first letter (rules P2–P3).
 * - Arabic-script letters are right-to-left; a number stays left to right, one level above the
 *   right-to-left text around it, with the separators inside it ("12.5", "1,000") and the signs
 *   next to it ("50%", "£20") (W2–W7, I1–I2).
 * - A space or punctuation mark between two runs of one direction takes that direction, else
 *   the paragraph's (N1–N2); brackets in right-to-left runs are mirrored (L4).
 * - Runs are put in drawing order line by line (L2).
 * Explicit embeddings, overrides and isolates (U+202A–202E, U+2066–2069) are not handled: they
 * never get here, as render.ts draws them as visible markers first (../../shared/bidi-controls.ts), so
 * the PDF shows what was written rather than what an override would make of it. The marks LRM,
 * RLM and ALM do get here in right-to-left paragraphs, where they do their usual work.
 */
import type { Script } from "./font-faces";

/** How a character takes part: a letter of either direction, part of a number, or neutral. */
export type Kind = "L" | "R" | "number" | "neutral";

export interface Char {
  text: string;
  kind: Kind;
  /** Its own script, or null for characters all scripts share (spaces, punctuation, digits). */
  script: Script | null;
}

const SCRIPTS: [Exclude<Script, "latin">, RegExp][] = [
  ["arabic", /\p{Script=Arabic}/u],
  ["bengali", /\p{Script=Bengali}/u],
  ["gujarati", /\p{Script=Gujarati}/u],
  ["gurmukhi", /\p{Script=Gurmukhi}/u],
];
/** Separators that stay inside a number when they stand between two digits (bidi classes CS, ES). */
const NUMBER_SEPARATOR = /^[.,:/+\-\u00A0\u060C\u066B\u066C]$/u;
/** Signs that join the number they touch (bidi class ET): per cent, currency, degrees. */
const NUMBER_SIGN = /^[#%°\u2030\u2031\u066A\p{Sc}]$/u;

export function classify(text: string): Char {
  // The invisible direction marks LRM, RLM and ALM.
  if (text === "\u200E") return { text, kind: "L", script: null };
  if (text === "\u200F" || text === "\u061C") return { text, kind: "R", script: null };
  const script = SCRIPTS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
  if (/\p{Nd}/u.test(text)) return { text, kind: "number", script };
  if (script === "arabic") return { text, kind: /\p{L}/u.test(text) ? "R" : "neutral", script };
  if (script !== null) return { text, kind: "L", script };
  if (/\p{L}/u.test(text)) return { text, kind: "L", script: "latin" };
  return { text, kind: "neutral", script: null };
}

/** The characters of a line, with separators and signs joined to the numbers they belong to. */
export function charsOf(line: string): Char[] {
  const chars = Array.from(line, classify);
  const isNumber = (i: number) => chars[i]?.kind === "number";
  chars.forEach((ch, i) => {
    if (ch.kind === "neutral" && NUMBER_SEPARATOR.test(ch.text) && isNumber(i - 1) && isNumber(i + 1)) ch.kind = "number";
  });
  // Signs right before or after a number: "50%", "£20", "٪٥٠".
  for (let i = 1; i < chars.length; i++) {
    if (chars[i]!.kind === "neutral" && NUMBER_SIGN.test(chars[i]!.text) && isNumber(i - 1)) chars[i]!.kind = "number";
  }
  for (let i = chars.length - 2; i >= 0; i--) {
    if (chars[i]!.kind === "neutral" && NUMBER_SIGN.test(chars[i]!.text) && isNumber(i + 1)) chars[i]!.kind = "number";
  }
  return chars;
}

/** True when the paragraph's first letter is right-to-left (rules P2–P3). */
export function isRightToLeft(paragraph: string): boolean {
  for (const ch of paragraph) {
    const kind = classify(ch).kind;
    if (kind === "R") return true;
    if (kind === "L") return false;
  }
  return false;
}

/** Embedding level of each character: 1 for right-to-left, 0 or 2 for left-to-right. */
export function embeddingLevels(chars: Char[], rtl: boolean): number[] {
  const base = rtl ? "R" : "L";
  const levelOf = (direction: "L" | "R") => (direction === "R" ? 1 : rtl ? 2 : 0);
  const levels: number[] = [];
  // How each letter or number counts for the neutrals around it; null for a neutral.
  const sides: ("L" | "R" | null)[] = [];
  let previousStrong = base;
  for (const ch of chars) {
    if (ch.kind === "L" || ch.kind === "R") {
      previousStrong = ch.kind;
      levels.push(levelOf(ch.kind));
      sides.push(ch.kind);
    } else if (ch.kind === "number") {
      // Digits read left to right; after right-to-left text they sit one level above it.
      const level = rtl || previousStrong === "R" ? 2 : 0;
      levels.push(level);
      sides.push(level === 2 ? "R" : "L");
    } else {
      levels.push(-1);
      sides.push(null);
    }
  }
  const nearest = (from: number, step: 1 | -1) => {
    for (let j = from + step; j >= 0 && j < chars.length; j += step) {
      const side = sides[j];
      if (side) return side;
    }
    return base;
  };
  return levels.map((level, i) => {
    if (level !== -1) return level;
    const before = nearest(i, -1);
    return levelOf(before === nearest(i, 1) ? before : base);
  });
}

/** Rule L2: from the highest level down to 1, reverse every stretch of runs at that level or above. */
export function inDrawingOrder<T extends { level: number }>(runs: T[]): T[] {
  const result = [...runs];
  const highest = Math.max(0, ...result.map((r) => r.level));
  for (let level = highest; level >= 1; level--) {
    for (let start = 0; start < result.length; start++) {
      if (result[start]!.level < level) continue;
      let end = start;
      while (end + 1 < result.length && result[end + 1]!.level >= level) end++;
      result.splice(start, end - start + 1, ...result.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return result;
}

const MIRRORS: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«", "‹": "›", "›": "‹" };

/** Rule L4: a bracket in right-to-left text is drawn as its mirror image. */
export const mirrored = (text: string) => text.replace(/[()[\]{}<>«»‹›]/g, (ch) => MIRRORS[ch] ?? ch);
