/**
 * The fonts of transcript PDFs: Noto Sans for Latin (regular and bold), Arabic (also Urdu),
 * Bengali, Gujarati and Gurmukhi, bundled as WOFF files (./fonts, OFL) and embedded as subsets.
 *
 * Each font is held twice: pdf-lib's copy, which maps the text to glyph ids and writes the
 * subset and its ToUnicode map, and fontkit's own copy, which tells which characters the font
 * covers and where each shaped glyph goes (GPOS: Arabic dots, Indic marks, Latin kerning) —
 * pdf-lib itself draws every glyph at its default advance.
 */
// @pdf-lib/fontkit's Indic and Universal shapers were compiled with regenerator and expect its
// runtime as a global: without it, Bengali, Gujarati and Gurmukhi text throws
// "regeneratorRuntime is not defined" (https://github.com/Hopding/pdf-lib/issues/1419).
import "regenerator-runtime/runtime.js";
import fontkit from "@pdf-lib/fontkit";
import type { Font as ShapingFont, TypeFeatures } from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";
import latinRegular from "./fonts/noto-sans-latin-400-normal.woff";
import latinExtRegular from "./fonts/noto-sans-latin-ext-400-normal.woff";
import latinBold from "./fonts/noto-sans-latin-700-normal.woff";
import arabic from "./fonts/noto-sans-arabic-arabic-400-normal.woff";
import bengali from "./fonts/noto-sans-bengali-bengali-400-normal.woff";
import gujarati from "./fonts/noto-sans-gujarati-gujarati-400-normal.woff";
import gurmukhi from "./fonts/noto-sans-gurmukhi-gurmukhi-400-normal.woff";
import { unpackWoff } from "./woff";

export type Script = "latin" | "arabic" | "bengali" | "gujarati" | "gurmukhi";

/** One glyph as shaped: its advances and offsets in font units. */
export interface ShapedGlyph {
  /** The advance the PDF's width table gives it, which a viewer moves by after drawing it. */
  defaultAdvance: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface Shaped {
  /** True when fontkit laid the text out right to left (it does so for Arabic script). */
  rtl: boolean;
  glyphs: ShapedGlyph[];
  /** Total advance in font units. */
  units: number;
}

/** One embedded font of one document. */
export interface Face {
  script: Script;
  pdf: PDFFont;
  shaping: ShapingFont;
  features: TypeFeatures;
  covers: Set<number>;
  /** Shaping results by run text, for this document: lines are measured, then drawn. */
  shaped: Map<string, Shaped>;
}

/** Fonts in order of preference: a character is drawn with the first that has a glyph for it. */
export type FaceChain = readonly Face[];

export interface Fonts {
  regular: FaceChain;
  bold: FaceChain;
}

/**
 * pdf-lib needs only the glyphs (GSUB), not their positions, so its copy shapes without GPOS,
 * which is quicker. Our copy positions too, except for Noto Sans Gurmukhi's above-base marks:
 * fontkit throws on that lookup's empty anchors ("Cannot read properties of null (reading
 * 'xCoordinate')"), so those marks keep the default place the font gives them.
 */
const NO_POSITIONING: TypeFeatures = { kern: false, mark: false, mkmk: false, curs: false, dist: false, abvm: false, blwm: false };

const SOURCES: { script: Script; woff: ArrayBuffer; name: string; bold?: true; features?: TypeFeatures }[] = [
  { script: "latin", woff: latinRegular, name: "QLLATN+NotoSans-Regular" },
  { script: "latin", woff: latinExtRegular, name: "QLLATX+NotoSans-Regular" },
  { script: "arabic", woff: arabic, name: "QLARAB+NotoSansArabic-Regular" },
  { script: "bengali", woff: bengali, name: "QLBENG+NotoSansBengali-Regular" },
  { script: "gujarati", woff: gujarati, name: "QLGUJR+NotoSansGujarati-Regular" },
  { script: "gurmukhi", woff: gurmukhi, name: "QLGURU+NotoSansGurmukhi-Regular", features: { abvm: false } },
  { script: "latin", woff: latinBold, name: "QLLATB+NotoSans-Bold", bold: true },
];

type Loaded = (typeof SOURCES)[number] & { sfnt: Uint8Array; shaping: ShapingFont; covers: Set<number> };

/**
 * The fonts unpacked and parsed once per isolate; every PDF then embeds its own subsets. The
 * parsed fonts are kept, never the promise that loads them: a Durable Object must not await a
 * promise another object's work created (workerd refuses I/O across objects), and two PDFs
 * made at once in a fresh isolate simply both load them.
 */
let loaded: Loaded[] | undefined;
async function loadFonts(): Promise<Loaded[]> {
  if (loaded) return loaded;
  const fonts = await Promise.all(
    SOURCES.map(async (source) => {
      const sfnt = await unpackWoff(new Uint8Array(source.woff));
      const shaping = fontkit.create(sfnt);
      return { ...source, sfnt, shaping, covers: new Set(shaping.characterSet) };
    }),
  );
  loaded = fonts;
  return fonts;
}

/**
 * Embeds the fonts as subsets (only the glyphs used are written). Their names are fixed, with a
 * six-letter subset tag as PDF 32000-1 §9.6.4 asks, instead of pdf-lib's random suffixes, so the
 * same transcript always gives the same bytes.
 */
export async function embedFonts(pdf: PDFDocument): Promise<Fonts> {
  pdf.registerFontkit(fontkit);
  const faces: (Face & { bold: boolean })[] = [];
  for (const font of await loadFonts()) {
    faces.push({
      script: font.script,
      pdf: await pdf.embedFont(font.sfnt, { subset: true, customName: font.name, features: NO_POSITIONING }),
      shaping: font.shaping,
      features: font.features ?? {},
      covers: font.covers,
      shaped: new Map(),
      bold: font.bold === true,
    });
  }
  const regular = faces.filter((f) => !f.bold);
  return { regular, bold: [...faces.filter((f) => f.bold), ...regular] };
}

/** Shapes a run of text in one font (the same glyphs, in the same order, as pdf-lib's copy). */
export function shape(face: Face, text: string): Shaped {
  let shaped = face.shaped.get(text);
  if (shaped === undefined) {
    const run = face.shaping.layout(text, face.features);
    const glyphs = run.glyphs.map((glyph, i) => {
      const position = run.positions[i]!;
      return {
        defaultAdvance: glyph.advanceWidth,
        xAdvance: position.xAdvance,
        xOffset: position.xOffset,
        yOffset: position.yOffset,
      };
    });
    const units = glyphs.reduce((sum, glyph) => sum + glyph.xAdvance, 0);
    shaped = { rtl: run.direction === "rtl", glyphs, units };
    face.shaped.set(text, shaped);
  }
  return shaped;
}
