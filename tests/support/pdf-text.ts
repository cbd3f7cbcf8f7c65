/**
 * Reads the text back out of a PDF that pdf-lib wrote with embedded (Type0, Identity-H) fonts.
 *
 * Two readings of each line:
 * - `glyphText`: each shown glyph id mapped through its font's ToUnicode CMap, in the order the
 *   glyphs are drawn (left to right) — what a plain extractor sees.
 * - `text`: the same, except that a marked-content span with `/ActualText` gives its text
 *   instead of its glyphs' — what a viewer copies and searches.
 *
 * Only what pdf-lib (and worker/transcripts/pdf/text.ts) writes is handled: Flate-compressed
 * streams, `Tf` / `Tm` / `Td` positioning, hex strings shown with `Tj` or `TJ`, `BDC` / `EMC`
 * spans, and `bfchar` / `bfrange` CMaps.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from "pdf-lib";

/** One string shown on a page, with the glyphs' text in the order they are drawn. */
export interface ShownText {
  x: number;
  y: number;
  font: string;
  /** The text of each glyph; a ligature's glyph has several characters, a mark's may have none. */
  glyphs: string[];
  /** The `/ActualText` span it was drawn in, if any. */
  span?: { id: number; text: string };
}

/** The strings drawn on one baseline of a page, left to right. */
export interface TextLine {
  page: number;
  y: number;
  runs: ShownText[];
  /** As a viewer copies it: `/ActualText` where there is one, else the glyphs' text. */
  text: string;
  /** The glyphs' text only, through ToUnicode, in drawing order. */
  glyphText: string;
}

export interface ExtractedPdf {
  pageCount: number;
  /** Every line of every page, top to bottom, page by page. */
  lines: TextLine[];
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function streamText(stream: PDFRawStream): Promise<string> {
  const filter = stream.dict.get(PDFName.of("Filter"));
  const compressed = filter instanceof PDFName && filter.asString() === "/FlateDecode";
  const bytes = compressed ? await inflate(stream.contents) : stream.contents;
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** UTF-16BE hex (as in CMaps and text strings) to a string; a leading byte order mark is dropped. */
const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units).replace(/^\uFEFF/, "");
};

/** Glyph id → text, from a ToUnicode CMap's bfchar and bfrange sections. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      map.set(parseInt(code!, 16), utf16(text!));
    }
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, start] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const first = parseInt(low!, 16);
      for (let code = first; code <= parseInt(high!, 16); code++) {
        map.set(code, String.fromCharCode(parseInt(start!, 16) + code - first));
      }
    }
  }
  return map;
}

const resolve = (doc: PDFDocument, object: PDFObject | undefined) =>
  object instanceof PDFRef ? doc.context.lookup(object) : object;

/** Content stream tokens: dictionary brackets, hex strings, names, arrays, literals, the rest. */
const TOKENS = /<<|>>|<[0-9a-fA-F\s]*>|\/[^\s/[\]<>()]+|\[|\]|\((?:\\.|[^\\)])*\)|[^\s/[\]<>()]+/g;
const OPERATOR = /^[A-Za-z'"*]+$/;

function showTexts(content: string, cmaps: Map<string, Map<number, string>>): ShownText[] {
  const shown: ShownText[] = [];
  const spans: (ShownText["span"] | undefined)[] = [];
  let spanCount = 0;
  let operands: string[] = [];
  let font = "";
  let x = 0;
  let y = 0;
  for (const [token] of content.matchAll(TOKENS)) {
    if (!OPERATOR.test(token) || ["true", "false", "null"].includes(token)) {
      operands.push(token);
      continue;
    }
    const numbers = operands.map(Number);
    if (token === "Tf") font = operands[0]!.slice(1);
    else if (token === "Tm") [x, y] = [numbers[4]!, numbers[5]!];
    else if (token === "Td") [x, y] = [x + numbers[0]!, y + numbers[1]!];
    else if (token === "BDC" || token === "BMC") {
      const at = operands.indexOf("/ActualText");
      spans.push(at >= 0 ? { id: ++spanCount, text: utf16(operands[at + 1]!.slice(1, -1)) } : spans.at(-1));
    } else if (token === "EMC") spans.pop();
    else if (token === "Tj" || token === "TJ") {
      const cmap = cmaps.get(font) ?? new Map<number, string>();
      const glyphs: string[] = [];
      for (const hex of operands.filter((o) => o.startsWith("<"))) {
        const digits = hex.slice(1, -1).replace(/\s/g, "");
        for (let i = 0; i + 4 <= digits.length; i += 4) glyphs.push(cmap.get(parseInt(digits.slice(i, i + 4), 16)) ?? "\uFFFD");
      }
      const span = spans.at(-1);
      shown.push({ x, y, font, glyphs, ...(span ? { span } : {}) });
    }
    operands = [];
  }
  return shown;
}

function lineOf(page: number, y: number, runs: ShownText[]): TextLine {
  runs.sort((a, b) => a.x - b.x);
  const spansDone = new Set<number>();
  let text = "";
  for (const run of runs) {
    if (run.span === undefined) text += run.glyphs.join("");
    else if (!spansDone.has(run.span.id)) {
      spansDone.add(run.span.id);
      text += run.span.text;
    }
  }
  return { page, y, runs, text, glyphText: runs.map((r) => r.glyphs.join("")).join("") };
}

export async function extractPdfText(bytes: Uint8Array): Promise<ExtractedPdf> {
  const doc = await PDFDocument.load(bytes);
  const lines: TextLine[] = [];
  for (const [index, page] of doc.getPages().entries()) {
    const cmaps = new Map<string, Map<number, string>>();
    const fonts = resolve(doc, page.node.Resources()?.get(PDFName.of("Font")));
    for (const [name, ref] of fonts instanceof PDFDict ? fonts.entries() : []) {
      const font = resolve(doc, ref);
      const toUnicode = font instanceof PDFDict ? resolve(doc, font.get(PDFName.of("ToUnicode"))) : undefined;
      if (toUnicode instanceof PDFRawStream) cmaps.set(name.asString().slice(1), parseCMap(await streamText(toUnicode)));
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    let content = "";
    for (const stream of streams) {
      const raw = resolve(doc, stream);
      if (raw instanceof PDFRawStream) content += (await streamText(raw)) + "\n";
    }
    const byBaseline = new Map<number, ShownText[]>();
    for (const shown of showTexts(content, cmaps)) {
      const y = Math.round(shown.y * 10) / 10;
      byBaseline.set(y, [...(byBaseline.get(y) ?? []), shown]);
    }
    for (const [y, runs] of [...byBaseline].sort(([a], [b]) => b - a)) lines.push(lineOf(index + 1, y, runs));
  }
  return { pageCount: doc.getPageCount(), lines };
}
