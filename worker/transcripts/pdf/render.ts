/**
 * A sealed transcript as a PDF for people to read: the same document as the sealed JSON, laid
 * out on A4 pages — summary, messages with their translations, notes, locations, events and the
 * record chain — with the seal's SHA-256 in every page's footer.
 *
 * **For people:** officers by name (the participants list gives each one's id too), outcomes, how
 * the chat ended, gradings and the victim's language in words, times in the service's time zone
 * with their offset, and every question of the risk questionnaire with its answer or "Not asked".
 * Names and the zone come with the document (`ReadingContext`), looked up when it is sealed; the
 * questions come from the questionnaire the assessment names.
 * Only the PDF reads them: the sealed JSON, and so its verification, is untouched by them.
 *
 * **Deterministic:** the same document and context always give the same bytes. Dates in the PDF's metadata
 * come from `doc.endedAt`, producer and creator are fixed strings, fonts have fixed names, and
 * the file identifier is the seal's SHA-256 (pdf-lib writes none by itself).
 */
import { PageSizes, PDFDocument, PDFHexString, rgb, type Color, type PDFPage } from "pdf-lib";
import { markerOf, shownControls, withVisibleControls, type BidiControl } from "../../shared/bidi-controls";
import { languageName } from "../../shared/language-names";
import { answerLabel, endReasonLabel, gradeLabel, outcomeLabel } from "../../shared/record-labels";
import { eventLine } from "../../shared/record/event-lines";
import { questionRows, type QuestionnaireOutline } from "../../shared/record/question-rows";
import { questionnaireOutline } from "../../assessment/questionnaires";
export type { ReadingContext } from "./reading";
import { BARE, changeLines, participantLine, readerOf, type ReadingContext, type Reader } from "./reading";
import { embedFonts, type FaceChain, type Fonts } from "./font-faces";
import { isRightToLeft } from "./bidi";
import { drawLine, widthOf, wrap } from "./text";
import type {
  TranscriptAssessment,
  TranscriptDocument,
  TranscriptMessage,
} from "../../shared/record/transcript";

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = (15 / 25.4) * 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Room kept above the bottom margin for the footer's two lines. */
const FOOTER_HEIGHT = 30;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.35, 0.35, 0.35);
const BODY = 10;
const SMALL = 8.5;

interface Style {
  size?: number;
  bold?: boolean;
  color?: Color;
  indent?: number;
}

/** Writes text top to bottom, starting a new page when the next line would not fit. */
class Pages {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  keep(height: number) {
    if (this.y - height < MARGIN + FOOTER_HEIGHT) this.newPage();
  }

  gap(points: number) {
    this.y -= points;
  }

  /**
   * Wrapped text; each paragraph right-aligned if it starts with right-to-left letters. Hidden
   * direction characters are drawn as markers (‹RLO›) before the paragraph's direction is found
   * or anything is laid out, so none of them can reorder or realign what was written.
   */
  text(text: string, style: Style = {}) {
    const size = style.size ?? BODY;
    const chain = style.bold ? this.fonts.bold : this.fonts.regular;
    const indent = style.indent ?? 0;
    // Tabs become spaces and other control characters are dropped: no font draws them.
    const printable = text.normalize("NFC").replace(/\t/g, "    ").replace(/(?![\n\r])\p{Cc}/gu, "");
    for (const written of printable.split(/\r\n|\r|\n/)) {
      const paragraph = withVisibleControls(written);
      const rtl = isRightToLeft(paragraph);
      for (const line of wrap(paragraph, chain, size, TEXT_WIDTH - indent, rtl)) {
        this.keep(lineHeight(size));
        this.y -= lineHeight(size);
        drawLine(this.page, line, {
          x: MARGIN + indent,
          y: this.y + size * 0.45,
          width: TEXT_WIDTH - indent,
          size,
          chain,
          rtl,
          color: style.color ?? INK,
        });
      }
    }
  }

  heading(text: string, size = 13) {
    this.gap(size * 0.6);
    this.keep(lineHeight(size) + lineHeight(BODY) * 2);
    this.text(text, { size, bold: true });
    this.gap(2);
  }

  /** One line of cells at fixed offsets from the margin (cells are not wrapped). */
  columns(cells: [offset: number, text: string][], style: Style = {}) {
    const size = style.size ?? SMALL;
    const chain: FaceChain = style.bold ? this.fonts.bold : this.fonts.regular;
    this.keep(lineHeight(size));
    this.y -= lineHeight(size);
    for (const [offset, cell] of cells) {
      drawLine(this.page, cell, {
        x: MARGIN + offset,
        y: this.y + size * 0.45,
        width: TEXT_WIDTH - offset,
        size,
        chain,
        rtl: false,
        color: style.color ?? INK,
      });
    }
  }
}

const lineHeight = (size: number) => size * 1.55;

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** Every hidden direction character the document's text shows as a marker, each once. */
function controlsShown(doc: TranscriptDocument): BidiControl[] {
  const found = new Set<BidiControl>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") for (const control of shownControls(value)) found.add(control);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(doc);
  return [...found];
}

function summary(out: Pages, doc: TranscriptDocument, read: Reader, context: ReadingContext) {
  out.text("Chat transcript", { size: 20, bold: true });
  out.gap(4);
  for (const [label, value] of [
    ["Conversation", doc.conversationId],
    ["Started", read.at(doc.startedAt)],
    ["Accepted", read.at(doc.acceptedAt)],
    ["Ended", read.at(doc.endedAt)],
    ["How it ended", doc.endReason === null ? "—" : endReasonLabel(doc.endReason)],
    ["Times in", `${context.timeZone}, with the offset from UTC (GMT)`],
  ]) {
    out.text(`${label}: ${value}`);
  }
  // A reader meeting ‹RLO› in a message should not have to guess what it is.
  const controls = controlsShown(doc);
  if (controls.length > 0) {
    const key = controls.map((c) => `${markerOf(c)} ${c.name} (${c.codePoint})`).join("; ");
    out.gap(4);
    out.text(
      `Hidden characters: this record contains invisible characters that change the order in which text is shown. ` +
        `Each is drawn where it was written, and the text around it is in the order it was written: ${key}.`,
      { size: SMALL, color: MUTED },
    );
  }

  out.heading("Participants");
  for (const p of doc.participants) out.text(participantLine(p, read));

  out.heading("Outcome");
  if (doc.outcome === null) {
    out.text("No outcome recorded.");
  } else {
    out.text(`Outcome: ${outcomeLabel(doc.outcome.outcome)}`);
    out.text(`Crime reference: ${doc.outcome.crimeReference ?? "none"}`);
    if (doc.outcome.detail) out.text(`Detail: ${doc.outcome.detail}`);
    out.text(`Recorded by ${read.officer(doc.outcome.officerId)}, ${read.at(doc.outcome.at)}`, { color: MUTED });
  }

  const { id, title } = doc.assessment.questionnaire;
  assessment(out, doc.assessment, read, questionnaireOutline(id, title));
}

/** Every question, with its answer or "Not asked", group by group. */
function questions(out: Pages, a: TranscriptAssessment, read: Reader, outline: QuestionnaireOutline) {
  for (const group of questionRows(outline, a.changes)) {
    out.keep(lineHeight(SMALL + 0.5) + lineHeight(BODY));
    out.gap(4);
    out.text(group.title, { bold: true, size: SMALL + 0.5 });
    for (const row of group.rows) {
      const messages = row.messageSeqs.length ? ` (messages ${row.messageSeqs.map((s) => `#${s}`).join(", ")})` : "";
      const drafted = row.draftedBy ? ` (accepted from a draft by ${row.draftedBy})` : "";
      out.text(`${row.question} — ${answerLabel(row.answer)}${messages}${drafted}`, { indent: 8 });
      if (row.comment) out.text(`Comment: ${row.comment}`, { indent: 16, size: SMALL, color: MUTED });
    }
  }
}

function assessment(out: Pages, a: TranscriptAssessment, read: Reader, outline: QuestionnaireOutline) {
  const g = a.grading;
  out.heading("Risk assessment");
  out.text(`Questionnaire: ${a.questionnaire.title}`);
  const raised = g.raisedByJudgement ? "; raised by the officer's judgement" : "";
  out.text(`Grade: ${gradeLabel(g.grade)} (from the count: ${gradeLabel(g.byCount)}${raised})`);
  out.text(`Yes answers: ${g.yesCount} of ${g.answered} answered`);
  out.text(`MARAC referral: ${yesNo(g.maracReferral)}`);
  out.text(`Potential escalation: ${yesNo(g.potentialEscalation)}`);
  questions(out, a, read, outline);
  if (a.changes.length === 0) return;
  out.gap(4);
  out.text("Changes, in order:", { bold: true, size: SMALL + 0.5 });
  for (const change of a.changes) {
    const [first, ...rest] = changeLines(change, read);
    out.keep(lineHeight(BODY) + lineHeight(SMALL) * rest.length);
    out.text(first!, { indent: 8 });
    for (const line of rest) out.text(line, { indent: 8, size: SMALL, color: MUTED });
  }
}

function message(out: Pages, m: TranscriptMessage, read: Reader) {
  const who = m.from === "victim" ? "Victim" : m.officerId === null ? "Officer" : read.officer(m.officerId);
  // The header never ends a page on its own.
  out.keep(lineHeight(SMALL) + lineHeight(BODY) + 4);
  out.gap(4);
  const language = m.language ? `  (${languageName(m.language)})` : "";
  out.text(`#${m.seq}  ${read.at(m.sentAt)}  ${who}${language}`, { size: SMALL, bold: true, color: MUTED });
  out.text(m.text, { indent: 8 });
  const t = m.translation;
  if (t.text !== null) {
    out.keep(lineHeight(SMALL) + lineHeight(BODY));
    out.text(`Translation (to ${t.to ? languageName(t.to) : "?"}, by ${t.model ?? "unknown model"}):`, { indent: 8, size: SMALL, color: MUTED });
    out.text(t.text, { indent: 8 });
  } else if (t.status === "failed" || t.status === "pending" || t.status === "unavailable") {
    const why = { failed: "failed", pending: "not finished when the chat ended", unavailable: "not available for this language" }[t.status];
    out.text(`Translation ${why}.`, {
      indent: 8,
      size: SMALL,
      color: MUTED,
    });
  }
}

function records(out: Pages, doc: TranscriptDocument, read: Reader) {
  out.heading("Notes");
  if (doc.notes.length === 0) out.text("None.", { color: MUTED });
  for (const note of doc.notes) {
    out.text(`${read.at(note.at)}  ${read.officer(note.officerId)}`, { size: SMALL, bold: true, color: MUTED });
    out.text(note.text, { indent: 8 });
  }

  out.heading("Locations shared");
  if (doc.locations.length === 0) out.text("None.", { color: MUTED });
  for (const l of doc.locations) {
    out.text(`${read.at(l.at)}  ${l.latitude.toFixed(5)}, ${l.longitude.toFixed(5)} (within ${Math.round(l.accuracy)} m)`);
  }

  out.heading("Events");
  // Drawn from each event's entry, in words and names; the sealed summary line is for the JSON.
  const byDigest = new Map(doc.entries.map((e) => [e.digest, e]));
  for (const e of doc.events) {
    const entry = byDigest.get(e.digest);
    out.text(`${read.at(e.at)}  ${(entry && eventLine(entry, read)) ?? e.summary}`);
  }

  out.heading("Record chain");
  out.text(`${doc.seal.entries} entries; head ${doc.seal.head}`, { size: SMALL, color: MUTED });
  out.columns(
    [
      [0, "n"],
      [30, "kind"],
      [110, "time"],
      [250, "digest (first 16 hex)"],
    ],
    { bold: true },
  );
  for (const e of doc.entries) {
    out.columns([
      [0, String(e.n)],
      [30, e.kind],
      [110, read.at(e.at)],
      [250, e.digest.slice(0, 16)],
    ]);
  }
}

/** "Page N of M", the conversation and the seal, on every page once their number is known. */
function footers(pdf: PDFDocument, fonts: Fonts, doc: TranscriptDocument) {
  const pages = pdf.getPages();
  const seal = `Sealed transcript — SHA-256 of sealed record: ${doc.seal.documentSha256}`;
  const line = { x: MARGIN, width: TEXT_WIDTH, size: 7.5, chain: fonts.regular, rtl: false, color: MUTED };
  pages.forEach((page, i) => {
    page.drawLine({
      start: { x: MARGIN, y: MARGIN + 20 },
      end: { x: PAGE_WIDTH - MARGIN, y: MARGIN + 20 },
      thickness: 0.5,
      color: MUTED,
    });
    drawLine(page, seal, { ...line, y: MARGIN + 10 });
    drawLine(page, `Conversation ${doc.conversationId}`, { ...line, y: MARGIN });
    const number = `Page ${i + 1} of ${pages.length}`;
    const width = widthOf(number, fonts.regular, line.size);
    drawLine(page, number, { ...line, x: PAGE_WIDTH - MARGIN - width, width, y: MARGIN });
  });
}

export async function renderTranscriptPdf(doc: TranscriptDocument, context: ReadingContext = BARE): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own producer and the current time.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const ended = new Date(doc.endedAt);
  const when = Number.isNaN(ended.getTime()) ? new Date(0) : ended;
  pdf.setTitle(`Chat transcript ${doc.conversationId}`);
  pdf.setSubject(`Sealed transcript — SHA-256 of sealed record: ${doc.seal.documentSha256}`);
  pdf.setProducer("quietline");
  pdf.setCreator("quietline transcript PDF");
  pdf.setLanguage("en-GB");
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  if (/^[0-9a-f]{64}$/i.test(doc.seal.documentSha256)) {
    const id = PDFHexString.of(doc.seal.documentSha256);
    pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  }

  const fonts = await embedFonts(pdf);
  const out = new Pages(pdf, fonts);
  const read = readerOf(context);
  summary(out, doc, read, context);
  out.heading("Messages");
  if (doc.messages.length === 0) out.text("None.", { color: MUTED });
  for (const m of [...doc.messages].sort((a, b) => a.seq - b.seq)) message(out, m, read);
  records(out, doc, read);
  footers(pdf, fonts, doc);
  return pdf.save();
}
