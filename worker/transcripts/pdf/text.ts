/**
 * Text in many scripts for the transcript PDF: which embedded font draws each character, where
 * each run of text goes on the line, and wrapping a paragraph to a width.
 *
 * - **A font per run, chosen by Unicode script.** Letters go to the font for their script (Latin,
 *   Arabic, Bengali, Gujarati, Gurmukhi); spaces, punctuation and digits stay in the run they sit
 *   in when its font has them. Each run is shaped by fontkit (Arabic joining forms, Indic
 *   conjuncts and reordering) and written as real text with a ToUnicode map, so it can be
 *   searched and copied.
 * - **Runs split and ordered by direction** (./bidi.ts), so right-to-left text reads right to
 *   left with the numbers and Latin words inside it left to right.
 */
import {
  beginText,
  endText,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
  type Color,
  type PDFPage,
} from "pdf-lib";
import { charsOf, embeddingLevels, inDrawingOrder, mirrored } from "./bidi";
import { shape, type Face, type FaceChain, type Script } from "./font-faces";

interface Run {
  text: string;
  face: Face;
  /** Bidi embedding level: odd is right-to-left. */
  level: number;
  width: number;
}

/** The line's runs in logical order: a new run wherever the level or the font changes. */
function logicalRuns(line: string, chain: FaceChain, rtl: boolean): Omit<Run, "width">[] {
  const chars = charsOf(line);
  const levels = embeddingLevels(chars, rtl);
  const runs: Omit<Run, "width">[] = [];
  let context: Script = chars.find((c) => c.script !== null && c.kind !== "number")?.script ?? "latin";
  for (const [i, ch] of chars.entries()) {
    if (ch.script !== null && ch.kind !== "number") context = ch.script;
    const codePoint = ch.text.codePointAt(0)!;
    const level = levels[i]!;
    const last = runs.at(-1);
    const wanted = ch.script ?? context;
    // Staying in the current run's font where it can avoids splitting Latin words between the
    // "latin" and "latin-ext" subsets more than needed.
    const face =
      last && last.level === level && last.face.script === wanted && last.face.covers.has(codePoint)
        ? last.face
        : (chain.find((f) => f.script === wanted && f.covers.has(codePoint)) ??
          chain.find((f) => f.covers.has(codePoint)) ??
          chain[0]!);
    // Direction marks, zero-width joiners and the like that no font here has are left out,
    // rather than drawn as a missing-glyph box; where the font has them they shape the text.
    if (!face.covers.has(codePoint) && /\p{Default_Ignorable_Code_Point}/u.test(ch.text)) continue;
    if (last && last.face === face && last.level === level) last.text += ch.text;
    else runs.push({ text: ch.text, face, level });
  }
  return runs;
}

const reversed = (text: string) => Array.from(text).reverse().join("");

/**
 * The line's runs in the order they are drawn, left to right, each with its text in the order
 * fontkit must be given it. fontkit lays out Arabic-script text right to left by itself (it
 * detects the script), so a run is reversed here only where fontkit's direction and the run's
 * level disagree: punctuation of right-to-left text drawn with the Latin font, Arabic-Indic digits.
 */
export function visualRuns(line: string, chain: FaceChain, rtl: boolean, size: number): Run[] {
  const runs = logicalRuns(line, chain, rtl).map((run) => {
    const rightToLeft = run.level % 2 === 1;
    const logical = rightToLeft ? mirrored(run.text) : run.text;
    const text = shape(run.face, logical).rtl === rightToLeft ? logical : reversed(logical);
    return { ...run, text, width: (shape(run.face, text).units * size) / run.face.shaping.unitsPerEm };
  });
  return inDrawingOrder(runs);
}

export function widthOf(text: string, chain: FaceChain, size: number, rtl = false): number {
  return visualRuns(text, chain, rtl, size).reduce((sum, run) => sum + run.width, 0);
}

/** Each page's resource name for each font, made once. */
const fontKeys = new WeakMap<PDFPage, Map<Face, PDFName>>();
function fontKey(page: PDFPage, face: Face): PDFName {
  const keys = fontKeys.get(page) ?? new Map<Face, PDFName>();
  fontKeys.set(page, keys);
  let key = keys.get(face);
  if (key === undefined) {
    key = page.node.newFontDictionary(face.pdf.name, face.pdf.ref);
    keys.set(face, key);
  }
  return key;
}

/**
 * Shows one run with every glyph where shaping put it. A viewer moves on by each glyph's
 * default advance, so `TJ` adjusts the pen before and after glyphs that are offset (marks) or
 * advance differently (kerning), and `Ts` raises or lowers glyphs that sit off the baseline.
 */
function showRun(page: PDFPage, run: Run, x: number, y: number, size: number, color: Color) {
  const face = run.face;
  // pdf-lib's copy of the font gives the glyph ids (4 hex digits each) and adds them to the subset.
  const hex = face.pdf.encodeText(run.text).toString().slice(1, -1);
  const { glyphs } = shape(face, run.text);
  const thousandths = 1000 / face.shaping.unitsPerEm;
  const points = size / face.shaping.unitsPerEm;
  const operators = [beginText(), setFontAndSize(fontKey(page, face), size), setFillingColor(color), setTextMatrix(1, 0, 0, 1, x, y)];
  const show = (items: (string | number)[], rise: number) => {
    if (items.length === 0) return;
    const array = page.doc.context.obj(items.map((item) => (typeof item === "string" ? PDFHexString.of(item) : item)));
    if (rise !== 0) operators.push(setTextRise(rise));
    operators.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
    if (rise !== 0) operators.push(setTextRise(0));
  };
  if (hex.length !== glyphs.length * 4) {
    // Never expected (both copies shape the same text the same way); drawn unpositioned if so.
    show([hex], 0);
  } else {
    let items: (string | number)[] = [];
    let rise = 0;
    let shift = 0; // how far right of the viewer's pen the next glyph must go, in thousandths
    glyphs.forEach((glyph, i) => {
      const glyphRise = Math.round(glyph.yOffset * points * 100) / 100;
      if (glyphRise !== rise) {
        show(items, rise);
        items = [];
        rise = glyphRise;
      }
      const adjust = Math.round((shift + glyph.xOffset * thousandths) * 100) / 100;
      const code = hex.slice(i * 4, i * 4 + 4);
      if (adjust !== 0) items.push(-adjust, code);
      else if (typeof items.at(-1) === "string") items[items.length - 1] += code;
      else items.push(code);
      shift = (glyph.xAdvance - glyph.defaultAdvance - glyph.xOffset) * thousandths;
    });
    show(items, rise);
  }
  operators.push(endText());
  page.pushOperators(...operators);
}

/**
 * Draws one line (no wrapping) at a baseline, right-aligned in `width` if right-to-left.
 *
 * A ToUnicode map gives one text per glyph, and shaped glyphs do not map back to the text
 * exactly: Noto Sans Arabic draws dotted letters as a shared dotless form plus dots (so ب, ت and
 * ن share a glyph), and Indic vowel signs are drawn before the consonant they follow. So a line
 * in those scripts, read right to left, or with characters no font here has (emoji), is also
 * marked with its text in reading order (`/ActualText`, PDF 32000-1 §14.9.4), which viewers use
 * for copying and searching.
 */
export function drawLine(
  page: PDFPage,
  line: string,
  options: { x: number; y: number; width: number; size: number; chain: FaceChain; rtl: boolean; color: Color },
) {
  const runs = visualRuns(line, options.chain, options.rtl, options.size);
  const total = runs.reduce((sum, run) => sum + run.width, 0);
  const shaped =
    options.rtl ||
    runs.some((run) => run.face.script !== "latin" || Array.from(run.text).some((ch) => !run.face.covers.has(ch.codePointAt(0)!)));
  if (shaped) {
    // pdf-lib writes string operands as they are: an inline dictionary with UTF-16 hex text.
    const span = `<< /ActualText ${PDFHexString.fromText(line).toString()} >>`;
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), span]));
  }
  let x = options.rtl ? options.x + options.width - total : options.x;
  for (const run of runs) {
    showRun(page, run, x, options.y, options.size, options.color);
    x += run.width;
  }
  if (shaped) page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
}

function graphemes(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Splits a paragraph (no newlines) into lines no wider than `maxWidth`, at spaces, in logical
 * order; a word too long for a line is broken between grapheme clusters.
 */
export function wrap(paragraph: string, chain: FaceChain, size: number, maxWidth: number, rtl: boolean): string[] {
  const measure = (text: string) => widthOf(text, chain, size, rtl);
  if (measure(paragraph) <= maxWidth) return [paragraph];
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  // Tokens alternate: word, whitespace, word, ... (the first may be empty).
  const tokens = paragraph.split(/(\s+)/);
  for (let i = 0; i < tokens.length; i += 2) {
    const word = tokens[i]!;
    const space = i > 0 ? tokens[i - 1]! : "";
    if (word === "") continue;
    const wordWidth = measure(word);
    const spaceWidth = line === "" ? 0 : measure(space);
    if (line !== "" && lineWidth + spaceWidth + wordWidth <= maxWidth) {
      line += space + word;
      lineWidth += spaceWidth + wordWidth;
      continue;
    }
    if (line !== "") lines.push(line);
    if (wordWidth <= maxWidth) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    // A long word: each cluster measured on its own, which leaves out kerning and joining
    // between clusters (a fraction of a point for Latin; joined forms are narrower).
    line = "";
    lineWidth = 0;
    for (const cluster of graphemes(word)) {
      const clusterWidth = measure(cluster);
      if (line !== "" && lineWidth + clusterWidth > maxWidth) {
        lines.push(line);
        line = "";
        lineWidth = 0;
      }
      line += cluster;
      lineWidth += clusterWidth;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}
