/**
 * Which language-identification library reads a victim's short messages best, and at what cost:
 * the comparison behind worker/translation/identify/ (issue 18), kept so it can be run again.
 *
 * Candidates, each asked about one chat line with no hint:
 * - fastText's lid.176 model (`fasttext.wasm.js`, its Node build; the Worker runs the same
 *   model through the package's browser build of the same WebAssembly);
 * - "quietline": the production decision, `identifyLanguage` with fastText behind it and no
 *   conversation or page language, so an unsure reading is its best guess ("undecided");
 * - franc (trigram profiles, 186 languages) and eld (n-grams, 60 languages, its large table).
 *
 * Test text (language-id-corpus.ts): UDHR sentences and GTK 3's translated interface strings,
 * cut to chat lines; and ten Romanised Urdu and Punjabi lines, which we wrote.
 *
 *   npm run bench -- --only language-id [--short]
 *   node scripts/bench/language-id.ts [--short]      --short: 10 lines a language, one timing pass
 *
 * Prints Markdown tables and writes bench-results/language-id.json; a full run also rewrites the
 * generated part of BENCHMARKS.md's "Language identification" section.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { identifyLanguage, type GuessLanguages } from "../../worker/translation/identify/identify.ts";
import { root } from "../wrangler.ts";
import { GROUPS, gtkAvailable, gtkLines, LANGUAGES, ROMANISED, udhrLines, type Language } from "./language-id-corpus.ts";
import { bundleSizes, loadTimes, perMessage, type CandidateId } from "./language-id-cost.ts";
import { formatSpread, machine, machineLine, markdownTable, writeBenchmarksSection, writeResults } from "./measure.ts";

interface Reading {
  language: string | null;
  /** The production decision only: the text did not decide it (too short, or the model unsure). */
  undecided: boolean;
  /** fastText only: the model's probability for its answer. */
  probability?: number;
}

interface Candidate {
  id: CandidateId;
  name: string;
  languages: string;
  read: (text: string) => Reading | Promise<Reading>;
}

interface Line {
  tag: string;
  text: string;
  answers: Record<CandidateId, Reading>;
}

const IDS: CandidateId[] = ["fastText", "quietline", "franc", "eld"];
const NO_CONTEXT = { conversation: null, page: null };

/** franc answers in ISO 639-3; the languages involved (and neighbours it confuses them with) in the project's tags. */
const FRANC_TAGS: Record<string, string> = {
  eng: "en", pol: "pl", ron: "ro", pan: "pa", urd: "ur", por: "pt", spa: "es", arb: "ar", ben: "bn", guj: "gu",
  lit: "lt", cym: "cy", som: "so", ukr: "uk", rus: "ru", pes: "fa", prs: "fa", tur: "tr", cmn: "zh", ita: "it",
  fra: "fr", bul: "bg", tam: "ta", hun: "hu", als: "sq", ckb: "ckb", tir: "ti", hin: "hi", deu: "de", amh: "am",
  pbu: "ps", pst: "ps", glg: "gl", cat: "ca", bel: "be", mkd: "mk", srp: "sr", hrv: "hr", bos: "bs", nld: "nl",
  mar: "mr", nep: "ne", azj: "az", uzn: "uz", kmr: "ku", skr: "skr", pnb: "pnb", snd: "sd", ilo: "ilo",
};

const version = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

async function loadCandidates(): Promise<Candidate[]> {
  // Imported here, not at the top: index.ts loads every benchmark module, and eld builds its
  // 4.6 MB table on import.
  const { getLIDModel } = await import("fasttext.wasm.js");
  const { franc } = await import("franc");
  const { eld } = await import("eld/large");
  const model = await (await getLIDModel()).load();

  /** The model's top `k` raw labels ("ckb", not the package's normalised "ku"), as fasttext.ts reads them. */
  const predict = (text: string, k: number) => {
    const vector = model.predict(text.replace(/\s+/g, " ").trim(), k, 0);
    try {
      return Array.from({ length: vector.size() }, (_, i) => {
        const [probability, label] = vector.get(i);
        return { language: label.replace("__label__", ""), probability };
      });
    } finally {
      vector.delete();
    }
  };
  const guess: GuessLanguages = async (text, k = 3) => predict(text, k);

  return [
    {
      id: "fastText",
      name: `fastText lid.176 (fasttext.wasm.js ${version("fasttext.wasm.js")})`,
      languages: "176",
      read: (text) => {
        const [top] = predict(text, 1);
        return { language: top?.language ?? null, undecided: false, probability: top?.probability };
      },
    },
    {
      id: "quietline",
      name: "quietline: identifyLanguage (fastText; franc for Amharic/Tigrinya)",
      languages: "176 + Tigrinya",
      read: async (text) => {
        const { language, by } = await identifyLanguage(text, NO_CONTEXT, guess);
        return { language, undecided: by !== "text" };
      },
    },
    {
      id: "franc",
      name: `franc ${version("franc")}`,
      languages: "186",
      read: (text) => {
        const code = franc(text);
        return { language: code === "und" ? null : (FRANC_TAGS[code] ?? code), undecided: false };
      },
    },
    {
      id: "eld",
      name: `eld ${version("eld")} (large)`,
      languages: "60",
      // eld's "ku" is Kurdish in Arabic script, that is Sorani.
      read: (text) => {
        const code = eld.detect(text).language;
        return { language: code === "" ? null : code === "ku" ? "ckb" : code, undecided: false };
      },
    },
  ];
}

async function readAll(candidates: Candidate[], texts: { language: Language; texts: string[] }[]): Promise<Line[]> {
  const lines: Line[] = [];
  for (const { language, texts: lineTexts } of texts) {
    for (const text of lineTexts) {
      const answers = {} as Record<CandidateId, Reading>;
      for (const candidate of candidates) answers[candidate.id] = await candidate.read(text);
      lines.push({ tag: language.tag, text, answers });
    }
  }
  return lines;
}

const expectedOf = (tag: string) => LANGUAGES.find((l) => l.tag === tag)!.expected;
const right = (line: Line, id: CandidateId, undecidedIsWrong = false) =>
  line.answers[id].language === expectedOf(line.tag) && !(undecidedIsWrong && line.answers[id].undecided);
const percent = (part: number, whole: number) => (whole === 0 ? "—" : ((100 * part) / whole).toFixed(1));
const accuracy = (lines: Line[], id: CandidateId, undecidedIsWrong = false) => percent(lines.filter((l) => right(l, id, undecidedIsWrong)).length, lines.length);
const offered = (lines: Line[]) => lines.filter((l) => LANGUAGES.find((x) => x.tag === l.tag)!.offered);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function overallRows(set: string, lines: Line[]): (string | number)[][] {
  return [
    ["every language", lines],
    ["the languages the page offers", offered(lines)],
  ].map(([which, subset]) => {
    const l = subset as Line[];
    const languages = new Set(l.map((x) => x.tag)).size;
    const undecided = l.filter((x) => x.answers.quietline.undecided).length;
    return [`${set}, ${which as string}`, `${l.length} (${languages})`, accuracy(l, "fastText"), `**${accuracy(l, "quietline")}**`, accuracy(l, "quietline", true), undecided, accuracy(l, "franc"), accuracy(l, "eld")];
  });
}

function perLanguageTable(lines: Line[]): string {
  const rows = LANGUAGES.flatMap((language) => {
    const own = lines.filter((l) => l.tag === language.tag);
    if (own.length === 0) return [];
    const wrong = new Map<string, number>();
    for (const l of own) if (!right(l, "quietline")) wrong.set(l.answers.quietline.language ?? "none", (wrong.get(l.answers.quietline.language ?? "none") ?? 0) + 1);
    const mistakes = [...wrong].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ×${n}`).join(", ");
    const p = median(own.map((l) => l.answers.fastText.probability ?? 0))!;
    return [[`${language.name} (${language.tag})`, language.offered ? "yes" : "", own.length, accuracy(own, "fastText"), p.toFixed(2), accuracy(own, "quietline"), own.filter((l) => l.answers.quietline.undecided).length, accuracy(own, "franc"), accuracy(own, "eld"), mistakes || "—"]];
  });
  return markdownTable(["language", "offered", "lines", "fastText", "fastText's median probability", "quietline", "undecided", "franc", "eld", "quietline's wrong readings"], rows);
}

function groupTable(sets: [string, Line[]][]): string {
  const rows = GROUPS.flatMap((group) =>
    sets.map(([set, lines]) => {
      const own = lines.filter((l) => group.tags.includes(l.tag));
      const present = group.tags.filter((t) => own.some((l) => l.tag === t));
      return [group.name, `${set} (${present.join(", ") || "none"})`, own.length, ...IDS.map((id) => accuracy(own, id))];
    }),
  );
  return markdownTable(["group", "test set (languages in it)", "lines", "fastText", "quietline", "franc", "eld"], rows);
}

async function romanised(candidates: Candidate[], model: Candidate) {
  const guessFromModel: GuessLanguages = async (text) => {
    const reading = await model.read(text);
    return reading.language ? [{ language: reading.language, probability: reading.probability ?? 0 }] : [];
  };
  const rows = [];
  for (const line of ROMANISED) {
    const answers = {} as Record<CandidateId, Reading>;
    for (const candidate of candidates) answers[candidate.id] = await candidate.read(line.text);
    // The same message when the victim has already written clearly in that language.
    const inConversation = await identifyLanguage(line.text, { conversation: line.language, page: null }, guessFromModel);
    rows.push({ ...line, answers, inConversation });
  }
  const table = markdownTable(
    ["line (written by us)", "meant", "fastText (probability)", "quietline, first message", "quietline, chat already in that language", "franc", "eld"],
    rows.map((r) => [
      `“${r.text}”`,
      r.language,
      `${r.answers.fastText.language} (${(r.answers.fastText.probability ?? 0).toFixed(2)})`,
      `${r.answers.quietline.language}${r.answers.quietline.undecided ? " (undecided)" : ""}`,
      `${r.inConversation.language} (by ${r.inConversation.by})`,
      r.answers.franc.language ?? "none",
      r.answers.eld.language ?? "none",
    ]),
  );
  return { rows, table };
}

export async function languageIdBenchmark(options: { short: boolean }): Promise<void> {
  const loadAverageBefore = Math.round(loadavg()[0]! * 10) / 10;
  const perLanguage = options.short ? 10 : 40;
  const candidates = await loadCandidates();

  const udhr = await readAll(candidates, LANGUAGES.flatMap((language) => (language.udhr ? [{ language, texts: udhrLines(language.udhr, perLanguage) }] : [])));
  const gtk = gtkAvailable() ? await readAll(candidates, LANGUAGES.flatMap((language) => (language.gtk ? [{ language, texts: gtkLines(language.gtk, perLanguage) }] : []))) : null;
  const sets: [string, Line[]][] = gtk ? [["UDHR", udhr], ["GTK", gtk]] : [["UDHR", udhr]];
  const gtkNote = gtk
    ? `GTK: ${new Set(gtk.map((l) => l.tag)).size} languages (GTK has no Somali or Tigrinya, and too few Urdu or Amharic strings of a chat line's length).`
    : "GTK's translations (`/usr/share/locale/*/LC_MESSAGES/gtk30.mo`) are not on this machine: the independent set is skipped.";

  const roman = await romanised(candidates, candidates.find((c) => c.id === "fastText")!);

  const passes = options.short ? 1 : 5;
  const texts = udhr.map((l) => l.text);
  const cpu = {} as Record<CandidateId, Awaited<ReturnType<typeof perMessage>>>;
  for (const candidate of candidates) cpu[candidate.id] = await perMessage(candidate.read, texts, passes);
  const loads = loadTimes(options.short ? 1 : 3);
  const bundles = await bundleSizes();

  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const overall = markdownTable(
    ["test set", "lines (languages)", "fastText", "quietline", "quietline, undecided counted wrong", "quietline undecided", "franc", "eld"],
    sets.flatMap(([name, lines]) => overallRows(name, lines)),
  );
  const groups = groupTable(sets);
  const cost = markdownTable(
    ["candidate", "languages", "load, ms (fresh process)", "µs per message, median (p90)", "code, KB Brotli (minified)", "files beside the code, KB Brotli (raw)", "total, KB Brotli (gzip)"],
    candidates.map((c) => {
      const b = bundles[c.id];
      return [
        c.name,
        c.languages,
        formatSpread(loads[c.id]),
        `${cpu[c.id].medianUs} (${cpu[c.id].p90Us})`,
        `${kb(b.code.brotli)} (${kb(b.code.raw)})`,
        b.files.map((f) => `${f.name} ${kb(f.brotli)} (${kb(f.raw)})`).join("; ") || "—",
        `${kb(b.total.brotli)} (${kb(b.total.gzip)})`,
      ];
    }),
  );
  const m = machine();
  const markdown = [
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC. ${machineLine(m, loadAverageBefore)}`,
    `Up to ${perLanguage} lines a language. ${gtkNote} Accuracy in % of lines; "quietline" counts an undecided answer as its best guess, as a new chat with no page language would take it.`,
    `**Overall**\n\n${overall}`,
    `**Confusable groups**\n\n${groups}`,
    ...sets.map(([name, lines]) => `**Per language, ${name}**\n\n${perLanguageTable(lines)}`),
    `**Romanised Urdu and Punjabi** (ten lines we wrote; no public corpus is on this machine)\n\n${roman.table}`,
    `**Cost** (CPU: ${cpu.fastText.calls} calls each on the UDHR lines after a warm-up pass; load: ${options.short ? "one fresh Node process" : "the median of 3 fresh Node processes, with the range"})\n\n${cost}`,
  ].join("\n\n");
  console.log(`\n${markdown}\n`);

  const path = writeResults("language-id", {
    at: new Date().toISOString(),
    short: options.short,
    machine: { ...m, loadAverageBefore },
    candidates: candidates.map(({ id, name, languages }) => ({ id, name, languages })),
    linesPerLanguage: perLanguage,
    gtk: gtk !== null,
    cost: { cpu, loadMs: loads, bundles },
    romanised: roman.rows,
    sets: Object.fromEntries(sets),
  });
  console.log(`Written to ${path}`);
  if (!options.short) writeBenchmarksSection("language-id", markdown);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
  await languageIdBenchmark({ short: values.short });
}
