import { describe, it, expect } from "vitest";
import { PDFArray, PDFDocument, PDFHexString } from "pdf-lib";
import { languageName } from "../../worker/shared/language-names";
import { isRightToLeft } from "../../worker/transcripts/pdf/bidi";
import { renderTranscriptPdf, type ReadingContext } from "../../worker/transcripts/pdf/render";
import { serviceTime } from "../../worker/shared/service-time";
import { DASH } from "../../worker/assessment/dash";
import { embedFonts } from "../../worker/transcripts/pdf/font-faces";
import { visualRuns } from "../../worker/transcripts/pdf/text";
import type { TranscriptDocument, TranscriptMessage } from "../../worker/shared/record/transcript";
import { extractPdfText, type ExtractedPdf, type TextLine } from "../support/pdf-text";
import { CRIME_REFERENCE, NOTE_TEXT, transcriptFixture } from "../support/transcript-fixture";

const fixture = transcriptFixture();
/** The fixture's two officers by name, in the service's zone (the chat was on 28 November: GMT). */
const READING: ReadingContext = { officerNames: { "o-1047": "PC Anna Kowalski", "o-2210": "Sgt Ben Hughes" }, timeZone: "Europe/London" };
/** Rendered once, by the first test that needs it, and read by the others. */
let rendering: Promise<{ bytes: Uint8Array; pdf: ExtractedPdf }> | undefined;
const rendered = () =>
  (rendering ??= renderTranscriptPdf(fixture, READING).then(async (bytes) => ({ bytes, pdf: await extractPdfText(bytes) })));

const local = (iso: string) => serviceTime(iso, "Europe/London", { seconds: true });
const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, "");
const isFooter = (line: TextLine) => line.text.startsWith("Sealed transcript — ") || /^Conversation .*Page \d+ of \d+$/.test(line.text);
const LATIN = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]*$/u;
const ARABIC = /\p{Script=Arabic}/u;
const letters = (text: string) => Array.from(text.normalize("NFC")).filter((ch) => /\p{L}/u.test(ch));

interface Block {
  original: TextLine[];
  label: string | null;
  translation: TextLine[];
  /** The language named in the message's header line, if any. */
  language: string | null;
}

/** The lines under "Messages", split at each "#seq" header and "Translation (...)" label. */
function messageBlocks(pdf: ExtractedPdf): Map<number, Block> {
  const lines = pdf.lines.filter((line) => !isFooter(line));
  const start = lines.findIndex((line) => line.text === "Messages");
  const end = lines.findIndex((line) => line.text === "Notes");
  const blocks = new Map<number, Block>();
  let block: Block | undefined;
  for (const line of lines.slice(start + 1, end)) {
    const header = /^#(\d+)  \d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d GMT[+-][\d:]+  (Victim|PC Anna Kowalski|Sgt Ben Hughes|Officer [^ ]+)(?:  \((.+)\))?$/.exec(
      line.text,
    );
    if (header) {
      block = { original: [], label: null, translation: [], language: header[3] ?? null };
      blocks.set(Number(header[1]), block);
    } else if (block && line.text.startsWith("Translation (to ")) {
      block.label = line.text;
    } else if (block) {
      (block.label === null ? block.original : block.translation).push(line);
    }
  }
  return blocks;
}

/**
 * What a plain ToUnicode reading of shaped text can be trusted to give back.
 * - Latin scripts: the text itself.
 * - Bengali, Gujarati, Gurmukhi: the same letters, but vowel signs come out in drawing order
 *   (ি before its consonant) and some split, so only the letters are compared, as a multiset.
 * - Arabic and Urdu: Noto Sans Arabic draws ب ت ث ن ي as one dotless glyph plus dots, and a
 *   ToUnicode map can name only one letter per glyph, so letters cannot be compared. Read right
 *   to left (glyphs reversed, line by line), each word must still have as many letters as the
 *   written one: that checks the words are there, and in reading order.
 */
function glyphTextProblem(written: string, lines: TextLine[]): string | null {
  const glyphText = lines.map((line) => line.glyphText).join(" ");
  if (LATIN.test(written)) return squash(glyphText) === squash(written) ? null : `glyphs read "${glyphText}"`;
  if (!ARABIC.test(written)) {
    const same = letters(glyphText).sort().join("") === letters(written).sort().join("");
    return same ? null : `letters read "${glyphText}"`;
  }
  const rightToLeft = lines
    .map((line) => line.runs.flatMap((run) => run.glyphs).reverse().join(""))
    .join(" ");
  const counts = (text: string) => text.split(/\s+/).filter(Boolean).map((word) => letters(word).length);
  return JSON.stringify(counts(rightToLeft)) === JSON.stringify(counts(written)) ? null : `words read "${rightToLeft}"`;
}

/** Everything wrong with how the PDF shows the document's messages: [] when all are there. */
function messageProblems(pdf: ExtractedPdf, doc: TranscriptDocument): string[] {
  const blocks = messageBlocks(pdf);
  const problems: string[] = [];
  for (const m of doc.messages) {
    const block = blocks.get(m.seq);
    if (!block) {
      problems.push(`#${m.seq}: not found`);
      continue;
    }
    const copied = block.original.map((line) => line.text).join("");
    if (squash(copied) !== squash(m.text)) problems.push(`#${m.seq}: copies as "${copied}"`);
    const glyphs = glyphTextProblem(m.text, block.original);
    if (glyphs) problems.push(`#${m.seq}: ${glyphs}`);
    // The language it was read as, by name: "(Polish)", not "(pl)".
    if (block.language !== (m.language ? languageName(m.language) : null)) problems.push(`#${m.seq}: language shown as ${block.language}`);
    const t = m.translation;
    if (t.text === null) {
      if (block.label !== null) problems.push(`#${m.seq}: shows a translation it does not have`);
      continue;
    }
    if (block.label !== `Translation (to ${languageName(t.to)}, by ${t.model}):`) problems.push(`#${m.seq}: label "${block.label}"`);
    const translation = block.translation.map((line) => line.text).join("");
    if (squash(translation) !== squash(t.text)) problems.push(`#${m.seq}: translation copies as "${translation}"`);
    const translationGlyphs = glyphTextProblem(t.text, block.translation);
    if (translationGlyphs) problems.push(`#${m.seq} translation: ${translationGlyphs}`);
  }
  return problems;
}

describe("a sealed transcript as a PDF", () => {
  it("shows every message and its translation, in the right script, as text that copies back exactly", async () => {
    const { pdf } = await rendered();
    const languages = new Set(fixture.messages.map((m) => m.language));
    expect([...languages]).toEqual(expect.arrayContaining(["en", "pl", "ar", "ur", "bn", "gu", "pa"]));
    expect(messageProblems(pdf, fixture)).toEqual([]);
    expect([...messageBlocks(pdf).keys()]).toEqual(fixture.messages.map((m) => m.seq));
  });

  it("would be caught leaving a message out", async () => {
    const withoutSeven = { ...fixture, messages: fixture.messages.filter((m) => m.seq !== 7) };
    const pdf = await extractPdfText(await renderTranscriptPdf(withoutSeven));
    expect(messageProblems(pdf, fixture)).toEqual(["#7: not found"]);
  });

  it("sets right-to-left messages against the right margin and the rest against the left", async () => {
    const { pdf } = await rendered();
    const blocks = messageBlocks(pdf);
    const start = (lines: TextLine[]) => Math.min(...lines.flatMap((line) => line.runs.map((run) => run.x)));
    const arabic = blocks.get(5)!.original; // a short Arabic message
    const english = blocks.get(5)!.translation;
    expect(start(english)).toBeLessThan(60);
    expect(start(arabic)).toBeGreaterThan(start(english) + 150);
  });

  it("breaks a word too long for a line instead of letting it run off the page", async () => {
    const { pdf } = await rendered();
    const block = messageBlocks(pdf).get(29)!;
    expect(block.original.length).toBeGreaterThan(2);
    expect(squash(block.original.map((line) => line.text).join(""))).toBe(squash(fixture.messages[28]!.text));
  });

  it("summarises the chat: times, participants, outcome with crime reference, and the assessment", async () => {
    const { pdf } = await rendered();
    const text = pdf.lines.map((line) => line.text);
    expect(text).toEqual(
      expect.arrayContaining([
        "Chat transcript",
        `Conversation: ${fixture.conversationId}`,
        "Started: 28 Nov 2026 10:00:00 GMT+0",
        "Ended: 28 Nov 2026 10:38:37 GMT+0",
        "How it ended: Officer ended the chat",
        "Times in: Europe/London, with the offset from UTC (GMT)",
        "Victim — language: Polish, returning",
        "Officer: PC Anna Kowalski (officer id o-1047) — joined 28 Nov 2026 10:00:45 GMT+0",
        "Officer: Sgt Ben Hughes (officer id o-2210) — joined 28 Nov 2026 10:23:20 GMT+0",
        "Outcome: Emergency response sent",
        `Crime reference: ${CRIME_REFERENCE}`,
        "Recorded by Sgt Ben Hughes, 28 Nov 2026 10:38:20 GMT+0",
        "Questionnaire: DASH risk identification checklist",
        "Grade: High (from the count: Medium; raised by the officer's judgement)",
        "Yes answers: 12 of 15 answered",
        "MARAC referral: yes",
        "Has the current incident resulted in injury? — Yes (messages #9)",
        "Comment: Threats to take the children abroad; passport taken.",
        "by Sgt Ben Hughes, 28 Nov 2026 10:25:00 GMT+0",
      ]),
    );
  });

  it("ends with the notes, locations, events and one line for each entry of the record chain", async () => {
    const { pdf } = await rendered();
    const text = pdf.lines.map((line) => line.text);
    expect(text).toEqual(
      expect.arrayContaining([
        NOTE_TEXT,
        "28 Nov 2026 10:11:40 GMT+0  53.79648, -1.54785 (within 25 m)",
        ...fixture.events.map((e) => `${local(e.at)}  ${e.summary}`),
      ]),
    );
    // Record chain rows are four cells drawn apart: n, kind, time, the digest's first 16 hex.
    const cells = pdf.lines.map((line) => line.runs.map((run) => run.glyphs.join("")).join("|"));
    for (const e of fixture.entries) expect(cells).toContain(`${e.n}|${e.kind}|${local(e.at)}|${e.digest.slice(0, 16)}`);
  });

  it("runs to several pages, each with the page number, the conversation and the seal in its footer", async () => {
    const { pdf } = await rendered();
    expect(pdf.pageCount).toBeGreaterThan(1);
    for (let page = 1; page <= pdf.pageCount; page++) {
      const footer = pdf.lines.filter((line) => line.page === page && isFooter(line)).map((line) => line.text);
      expect(footer).toEqual([
        `Sealed transcript — SHA-256 of sealed record: ${fixture.seal.documentSha256}`,
        `Conversation ${fixture.conversationId}Page ${page} of ${pdf.pageCount}`,
      ]);
    }
  });

  it("comes out byte for byte the same every time, dated when the chat ended and identified by its seal", async () => {
    const { bytes } = await rendered();
    const again = await renderTranscriptPdf(transcriptFixture(), READING);
    expect(again).toEqual(bytes);

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getCreationDate()).toEqual(new Date(fixture.endedAt));
    expect(pdf.getModificationDate()).toEqual(new Date(fixture.endedAt));
    expect(pdf.getProducer()).toBe("quietline");
    const id = pdf.context.trailerInfo.ID;
    expect(id).toBeInstanceOf(PDFArray);
    expect((id as PDFArray).asArray()).toEqual([
      PDFHexString.of(fixture.seal.documentSha256),
      PDFHexString.of(fixture.seal.documentSha256),
    ]);
  });

  it("renders a chat that ended before any officer answered", async () => {
    const unanswered: TranscriptDocument = {
      ...fixture,
      acceptedAt: null,
      endReason: "victim-left",
      participants: [{ role: "victim", language: null, returning: false }],
      messages: [],
      notes: [],
      locations: [],
      outcome: null,
      assessment: { ...fixture.assessment, changes: [] },
    };
    const pdf = await extractPdfText(await renderTranscriptPdf(unanswered));
    const text = pdf.lines.map((line) => line.text);
    expect(text).toEqual(
      expect.arrayContaining(["Accepted: —", "Victim — language: not known, first contact", "No outcome recorded.", "None."]),
    );
  });

  it("lists every question of the DASH checklist in its group, each with its answer or \"Not asked\"", async () => {
    const { pdf } = await rendered();
    const text = pdf.lines.filter((line) => !isFooter(line)).map((line) => line.text);
    for (const group of DASH.groups) {
      expect(text).toContain(group.title);
      for (const question of group.questions) {
        // The fixture's one answer is to a question of an older wording ("q1"), listed after the checklist.
        expect(squash(text.join(" "))).toContain(squash(`${question.text} — Not asked`));
      }
    }
    const others = text.indexOf("Other questions");
    expect(others).toBeGreaterThan(text.indexOf(DASH.groups.at(-1)!.title));
    expect(text[others + 1]).toBe("Has the current incident resulted in injury? — Yes (messages #9)");
  });

  it("writes times in the service's time zone with the offset, summer time included", async () => {
    const summer = { ...fixture, startedAt: "2026-07-01T13:05:09.000Z" };
    const london = (await extractPdfText(await renderTranscriptPdf(summer, READING))).lines.map((line) => line.text);
    expect(london).toContain("Started: 1 Jul 2026 14:05:09 GMT+1");
    expect(london).toContain("Ended: 28 Nov 2026 10:38:37 GMT+0");
    const newYork = (await extractPdfText(await renderTranscriptPdf(summer, { ...READING, timeZone: "America/New_York" }))).lines.map(
      (line) => line.text,
    );
    expect(newYork).toContain("Started: 1 Jul 2026 09:05:09 GMT-4");
    expect(newYork).toContain("Ended: 28 Nov 2026 05:38:37 GMT-5");
    expect(newYork).toContain("Times in: America/New_York, with the offset from UTC (GMT)");
  });

  it("names an officer the service has no name for by their id, so nobody is left out", async () => {
    const text = (await extractPdfText(await renderTranscriptPdf(fixture, { ...READING, officerNames: { "o-2210": "Sgt Ben Hughes" } }))).lines.map(
      (line) => line.text,
    );
    expect(text).toContain("Officer: Officer o-1047 — joined 28 Nov 2026 10:00:45 GMT+0");
    expect(text).toContain("Officer: Sgt Ben Hughes (officer id o-2210) — joined 28 Nov 2026 10:23:20 GMT+0");
  });
});

describe("a line that mixes right-to-left and left-to-right text", () => {
  /** Runs left to right as drawn, with the text given to the shaper (which reverses Arabic itself). */
  async function drawn(line: string) {
    const fonts = await embedFonts(await PDFDocument.create());
    return visualRuns(line, fonts.regular, isRightToLeft(line), 10).map((run) => run.text);
  }

  it("keeps numbers and Latin words left to right inside Arabic, with the full stop at the left end", async () => {
    expect(await drawn("عمري 34 سنة وأسكن في Leeds.")).toEqual([".", "Leeds", " سنة وأسكن في ", "34", "عمري "]);
  });

  it("mirrors brackets and keeps a decimal number with its per cent sign", async () => {
    expect(await drawn("(قال) 12.5%")).toEqual(["12.5%", " ", "(", "قال", ")"]);
  });

  it("puts an Arabic phrase and the number after it in reading order inside an English sentence", async () => {
    expect(await drawn("He said سلام 123 today")).toEqual(["He said ", "123", "سلام ", " ", "today"]);
  });
});

describe("hidden direction characters in a sealed transcript's PDF", () => {
  const plain = { status: "not-needed", text: null, to: null, model: null } as const;
  const written = (seq: number, text: string, language: string): TranscriptMessage => ({
    seq,
    from: "victim",
    officerId: null,
    text,
    language,
    sentAt: fixture.messages[seq - 1]!.sentAt,
    translation: plain,
    digest: fixture.messages[seq - 1]!.digest,
    translationDigest: null,
  });
  /** In a browser the first reads "I am now safe he told me to go away"; the second, "0000 496 0113", right-aligned. */
  const OVERRIDDEN = "I am now safe \u202Eyawa og ot em dlot eh";
  const MARKED = "\u200FCall me on 0113 496 0000";
  const ARABIC = "عمري\u200F 34 سنة";
  const doc: TranscriptDocument = {
    ...fixture,
    messages: [written(1, OVERRIDDEN, "en"), written(2, MARKED, "en"), written(3, ARABIC, "ar")],
    notes: [{ ...fixture.notes[0]!, text: "Victim says \u2067she is safe\u2069 now" }],
  };
  let reading: Promise<ExtractedPdf> | undefined;
  const read = () => (reading ??= renderTranscriptPdf(doc).then(extractPdfText));
  const lineOf = (pdf: ExtractedPdf, seq: number) => messageBlocks(pdf).get(seq)!.original;

  it("draws an override as a visible marker, with the words after it in the order they were written", async () => {
    const [line, ...more] = lineOf(await read(), 1);
    expect(more).toEqual([]);
    expect(line!.text).toBe("I am now safe \u2039RLO\u203Ayawa og ot em dlot eh");
    // What the glyphs themselves say, left to right as drawn: nothing reversed.
    expect(line!.glyphText).toBe("I am now safe \u2039RLO\u203Ayawa og ot em dlot eh");
  });

  it("draws a mark in English text as a marker too, leaving the line against the left margin and the number as written", async () => {
    const [line] = lineOf(await read(), 2);
    expect(line!.glyphText).toBe("\u2039RLM\u203ACall me on 0113 496 0000");
    expect(Math.min(...line!.runs.map((run) => run.x))).toBeLessThan(60);
  });

  it("leaves a mark in Arabic text to do its work, unmarked", async () => {
    const pdf = await read();
    expect(lineOf(pdf, 3).map((line) => line.text).join("")).toBe(ARABIC);
    expect(pdf.lines.map((line) => line.text)).toContain("Victim says \u2039RLI\u203Ashe is safe\u2039PDI\u203A now");
  });

  it("says under the summary what each marker it shows stands for", async () => {
    const text = (await read()).lines.map((line) => line.text).join(" ");
    for (const key of [
      "\u2039RLO\u203A right-to-left override (U+202E)",
      "\u2039RLM\u203A right-to-left mark (U+200F)",
      "\u2039RLI\u203A right-to-left isolate (U+2067)",
      "\u2039PDI\u203A pop directional isolate (U+2069)",
    ]) {
      expect(text).toContain(key);
    }
    expect(text).not.toContain("ALM");
    // The fixture, which has none, gets no such paragraph.
    expect((await rendered()).pdf.lines.some((line) => line.text.startsWith("Hidden characters"))).toBe(false);
  });
});
