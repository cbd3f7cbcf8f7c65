/**
 * Checking a sealed transcript (and any addenda) without trusting whoever holds it:
 *   1. the chain: every entry's digest and its link to the one before (checkChain);
 *   2. the seal: it names the chain's last entry and the right number of entries;
 *   3. the views: rebuilt from the entries, they must be exactly what the file says;
 *   4. the document digest in the seal, over everything but the seal;
 *   5. optionally, the file's SHA-256 against the one recorded when it was sealed.
 * The first thing that fails is named: which entry, or which part of which view.
 * Used by `npm run verify` under Node and by the verify route in the Worker.
 */
import { canonicalJson } from "./canonical-json.ts";
import { checkChain, describeEntry, headOf } from "./chain.ts";
import { sha256HexSync } from "./digest.ts";
import { buildTranscript, documentSha256 } from "./document.ts";
import type { RecordEntry } from "../shared/record/entry.ts";
import { ADDENDA_FORMAT, TRANSCRIPT_FORMAT, type TranscriptDocument } from "../shared/record/transcript.ts";

export interface Verdict {
  ok: boolean;
  /** What failed, in words; empty when everything holds. */
  problems: string[];
  /** The number of the first entry that fails, when an entry is to blame. */
  failingEntry: number | null;
  conversationId: string | null;
  entries: number;
  /** SHA-256 of the file as given, to compare with the one recorded in the service. */
  fileSha256: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Each entry's frame: its place in the chain, who and when. Its kind and data are not checked
 * field by field here but by its digest: the chain check that follows names the first entry whose
 * kind or data changed after it was made, which says more than "malformed" would. (A whole chain
 * forged afresh can hold anything; rebuilding its views then fails or differs, and says so.)
 */
function wellFormedEntries(entries: unknown): entries is RecordEntry[] {
  return (
    Array.isArray(entries) &&
    entries.every(
      (e) =>
        isObject(e) &&
        typeof e.n === "number" &&
        typeof e.kind === "string" &&
        typeof e.at === "string" &&
        isObject(e.by) &&
        isObject(e.data) &&
        typeof e.prev === "string" &&
        typeof e.digest === "string",
    )
  );
}

/** The first path at which two JSON values differ, e.g. "messages[3].text"; null if equal. */
function firstDifference(expected: unknown, actual: unknown, path: string): string | null {
  if (canonicalJson(expected) === canonicalJson(actual ?? null)) return null;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const inner = firstDifference(expected[i] ?? null, actual[i] ?? null, `${path}[${i}]`);
      if (inner) return inner;
    }
  } else if (isObject(expected) && isObject(actual)) {
    for (const key of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
      const inner = firstDifference(expected[key] ?? null, actual[key] ?? null, path ? `${path}.${key}` : key);
      if (inner) return inner;
    }
  }
  return path || "the document";
}

/** Which entry a view's path comes from, when it can be told: "messages[3]…" → message 4's entry. */
function entryBehind(document: Record<string, unknown>, path: string, entries: RecordEntry[]): RecordEntry | null {
  const match = /^(messages|events|notes|locations|assessment\.changes)\[(\d+)\]/.exec(path);
  if (!match) return null;
  const assessment = document.assessment;
  const list = match[1] === "assessment.changes" ? (isObject(assessment) ? assessment.changes : undefined) : document[match[1]!];
  const item: unknown = Array.isArray(list) ? list[Number(match[2])] : undefined;
  if (!isObject(item)) return null;
  if (match[1] === "messages" && typeof item.seq === "number") {
    return entries.find((e) => e.kind === "message" && e.data.seq === item.seq) ?? null;
  }
  return typeof item.digest === "string" ? (entries.find((e) => e.digest === item.digest) ?? null) : null;
}

export function verifyTranscript(input: unknown, options: { fileText?: string; expectedSha256?: string } = {}): Verdict {
  const fileSha256 = options.fileText === undefined ? null : sha256HexSync(options.fileText);
  const verdict = (problems: string[], failingEntry: number | null = null): Verdict => ({
    ok: problems.length === 0,
    problems,
    failingEntry,
    conversationId: isObject(input) && typeof input.conversationId === "string" ? input.conversationId : null,
    entries: isObject(input) && Array.isArray(input.entries) ? input.entries.length : 0,
    fileSha256,
  });

  if (!isObject(input) || input.format !== TRANSCRIPT_FORMAT) {
    return verdict([`This is not a quietline transcript (expected format "${TRANSCRIPT_FORMAT}").`]);
  }
  const { seal, ...claimed } = input;
  const entries = input.entries;
  if (!wellFormedEntries(entries) || !isObject(seal)) {
    return verdict(["The transcript's entries or seal are missing or malformed."]);
  }

  const broken = checkChain(entries);
  if (broken) return verdict([broken.message], broken.entry);

  const { n, head } = headOf(entries);
  if (seal.entries !== n || seal.head !== head) {
    return verdict([
      `The seal does not match the chain: it was made over ${String(seal.entries)} entries ending ${String(seal.head).slice(0, 16)}…, the chain has ${n} ending ${head.slice(0, 16)}…. Entries were added or removed at the end.`,
    ]);
  }

  let rebuilt;
  try {
    rebuilt = buildTranscript(entries);
  } catch (error) {
    return verdict([`The transcript cannot be rebuilt from its entries: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const difference = firstDifference(rebuilt, claimed, "");
  if (difference) {
    const behind = entryBehind(claimed, difference, entries);
    return verdict(
      [
        `The transcript's "${difference}" does not match its record${behind ? ` (${describeEntry(behind)})` : ""}: the file was edited after it was sealed.`,
      ],
      behind?.n ?? null,
    );
  }
  if (documentSha256(rebuilt) !== seal.documentSha256) {
    return verdict(["The seal's document digest does not match the document: the seal was altered."]);
  }
  if (options.expectedSha256 && fileSha256 && options.expectedSha256.toLowerCase() !== fileSha256) {
    return verdict([
      `The file's SHA-256 is ${fileSha256}, not ${options.expectedSha256.toLowerCase()} as recorded when it was sealed: this is not the sealed file.`,
    ]);
  }
  return verdict([]);
}

/** Addenda follow a sealed transcript: their chain must start from its seal. */
export function verifyAddenda(transcript: TranscriptDocument, input: unknown): Verdict {
  const base = { conversationId: transcript.conversationId, fileSha256: null };
  if (!isObject(input) || input.format !== ADDENDA_FORMAT || !wellFormedEntries(input.entries)) {
    return { ...base, ok: false, problems: [`This is not a quietline addenda file (expected format "${ADDENDA_FORMAT}").`], failingEntry: null, entries: 0 };
  }
  const entries = input.entries.length;
  if (input.conversationId !== transcript.conversationId || input.sealHead !== transcript.seal.head) {
    return { ...base, ok: false, problems: ["These addenda belong to a different transcript or seal."], failingEntry: null, entries };
  }
  const broken = checkChain(input.entries, { n: transcript.seal.entries, head: transcript.seal.head });
  return broken
    ? { ...base, ok: false, problems: [broken.message], failingEntry: broken.entry, entries }
    : { ...base, ok: true, problems: [], failingEntry: null, entries };
}
