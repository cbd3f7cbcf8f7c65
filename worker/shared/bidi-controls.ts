/**
 * Bidirectional formatting characters: invisible characters that change the order in which
 * text is shown (UAX #9 §2, https://unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters).
 * "I am now safe\u202E..." can show staff words in an order nobody wrote, while the record
 * keeps the characters as written.
 *
 * **One decision, used wherever staff read what someone wrote:** the console, Records and the
 * sealed PDF all ask this module which characters to show as a visible marker (‹RLO›) instead of
 * obeying. The record itself is evidence and is never changed; only what is displayed is.
 *
 * - Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are always shown: an
 *   override reverses whole words, and nothing a person types in a chat needs one.
 * - The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are kept working in a paragraph with
 *   right-to-left script in it, where keyboards and editors put them to place punctuation and
 *   numbers correctly. In a paragraph without any they have no such job, yet can still move
 *   numbers ("\u200F0113 496 0000" shows as "0000 496 0113") or turn the paragraph right to
 *   left, so there they are shown as well.
 *
 * Imports neither DOM nor Workers types, so the app and the Worker both use it.
 */

export interface BidiControl {
  /** The character as written. */
  char: string;
  /** Its short name in UAX #9, as the marker shows it: "RLO". */
  abbreviation: string;
  /** What a screen reader says and a tooltip shows: "right-to-left override". */
  name: string;
  /** U+202E */
  codePoint: string;
}

export type WrittenPart = { kind: "text"; text: string } | { kind: "control"; control: BidiControl };

const NAMES: Record<string, [abbreviation: string, name: string]> = {
  "\u202A": ["LRE", "left-to-right embedding"],
  "\u202B": ["RLE", "right-to-left embedding"],
  "\u202C": ["PDF", "pop directional formatting"],
  "\u202D": ["LRO", "left-to-right override"],
  "\u202E": ["RLO", "right-to-left override"],
  "\u2066": ["LRI", "left-to-right isolate"],
  "\u2067": ["RLI", "right-to-left isolate"],
  "\u2068": ["FSI", "first strong isolate"],
  "\u2069": ["PDI", "pop directional isolate"],
  "\u200E": ["LRM", "left-to-right mark"],
  "\u200F": ["RLM", "right-to-left mark"],
  "\u061C": ["ALM", "Arabic letter mark"],
};
const MARKS = new Set(["\u200E", "\u200F", "\u061C"]);

/** Unicode's own list of these characters (the Bidi_Control property), so none is missed. */
const CONTROL = /\p{Bidi_Control}/gu;
/** Characters of the scripts written right to left, not counting ALM, which Unicode files under Arabic. */
const RIGHT_TO_LEFT =
  /(?!\p{Bidi_Control})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
/** Where a bidi paragraph ends (class B): each is laid out on its own. */
const PARAGRAPHS = /(\r\n|[\n\r\u001C-\u001E\u0085\u2029])/u;

const controls = new Map<string, BidiControl>();
function controlFor(char: string): BidiControl {
  let control = controls.get(char);
  if (control === undefined) {
    const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const [abbreviation, name] = NAMES[char] ?? [codePoint, "directional formatting character"];
    control = { char, abbreviation, name, codePoint };
    controls.set(char, control);
  }
  return control;
}

/** The text as written, split where a control is to be shown rather than obeyed. */
export function writtenParts(text: string): WrittenPart[] {
  const parts: WrittenPart[] = [];
  const addText = (piece: string) => {
    if (piece === "") return;
    const last = parts.at(-1);
    if (last?.kind === "text") last.text += piece;
    else parts.push({ kind: "text", text: piece });
  };
  for (const paragraph of text.split(PARAGRAPHS)) {
    const marksWork = RIGHT_TO_LEFT.test(paragraph);
    let from = 0;
    for (const match of paragraph.matchAll(CONTROL)) {
      const char = match[0];
      if (marksWork && MARKS.has(char)) continue;
      addText(paragraph.slice(from, match.index));
      parts.push({ kind: "control", control: controlFor(char) });
      from = match.index + char.length;
    }
    addText(paragraph.slice(from));
  }
  return parts;
}

/**
 * How a shown control reads: its short name between single guillemets, which the PDF's Latin
 * font has and people rarely type. The console adds a style and a spoken name around it.
 */
export const markerOf = (control: BidiControl) => `\u2039${control.abbreviation}\u203A`;

/** The text with each control to be shown replaced by its marker: for plain-text places (the PDF, a select's options). */
export function withVisibleControls(text: string): string {
  return writtenParts(text)
    .map((part) => (part.kind === "text" ? part.text : markerOf(part.control)))
    .join("");
}

/** The controls `text` shows as markers, each once, in the order first met. */
export function shownControls(text: string): BidiControl[] {
  const shown = new Set<BidiControl>();
  for (const part of writtenParts(text)) if (part.kind === "control") shown.add(part.control);
  return [...shown];
}
