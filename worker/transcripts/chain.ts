/**
 * The record's hash chain. Each entry's digest covers its own content and the digest of the
 * entry before it, so changing, removing, inserting or reordering any entry breaks every link
 * after it, and `checkChain` says which entry is the first that no longer fits.
 *
 * Imports carry `.ts` extensions: `npm run verify` runs this file under Node as it is.
 */
import { canonicalJson } from "./canonical-json.ts";
import { sha256HexSync } from "./digest.ts";
import type { EntryContent, RecordEntry } from "../shared/record/entry.ts";

/** The `prev` of a chain's first entry. */
export const GENESIS = "0".repeat(64);

/** Where a chain starts: from nothing, or (for addenda) after a sealed chain's last entry. */
export interface ChainStart {
  n: number;
  head: string;
}
export const FROM_NOTHING: ChainStart = { n: 0, head: GENESIS };

export function entryDigest(n: number, prev: string, content: EntryContent): string {
  const { kind, at, by, data } = content;
  return sha256HexSync(`${prev}\n${canonicalJson({ n, kind, at, by, data })}`);
}

/** The next link: `content` chained onto `after` (the chain's last entry, or its start). */
export function chainEntry(after: ChainStart, content: EntryContent): RecordEntry {
  const n = after.n + 1;
  // Spread whole, so the entry keeps the type its kind gives its data; a link copied from
  // another chain has its place in it replaced by this one.
  return { ...content, n, prev: after.head, digest: entryDigest(n, after.head, content) };
}

export function headOf(entries: readonly RecordEntry[], start: ChainStart = FROM_NOTHING): ChainStart {
  const last = entries.at(-1);
  return last ? { n: last.n, head: last.digest } : start;
}

export interface ChainProblem {
  /** The entry that does not fit, by its number in the chain. */
  entry: number;
  problem: "changed" | "missing" | "out-of-order" | "broken-link";
  message: string;
}

/** A short description of an entry for people: "entry 9 (message 4 from the victim)". */
export function describeEntry(entry: RecordEntry): string {
  if (entry.kind === "message") return `entry ${entry.n} (message ${entry.data.seq} from the ${entry.data.from})`;
  if (entry.kind === "translation") return `entry ${entry.n} (translation of message ${entry.data.seq})`;
  return `entry ${entry.n} (${entry.kind})`;
}

/** The first entry that breaks the chain, or null when every link holds. */
export function checkChain(entries: readonly RecordEntry[], start: ChainStart = FROM_NOTHING): ChainProblem | null {
  let previous = start;
  for (const [index, entry] of entries.entries()) {
    const expected = previous.n + 1;
    if (entry.n !== expected) {
      const laterHasIt = entries.slice(index + 1).some((e) => e.n === expected);
      if (laterHasIt || entry.n < expected) {
        return {
          entry: entry.n,
          problem: "out-of-order",
          message: `Entry ${entry.n} is out of order: it comes where entry ${expected} should be.`,
        };
      }
      return {
        entry: expected,
        problem: "missing",
        message:
          entry.n === expected + 1
            ? `Entry ${expected} is missing: the record goes from entry ${previous.n} to entry ${entry.n}.`
            : `Entries ${expected} to ${entry.n - 1} are missing: the record goes from entry ${previous.n} to entry ${entry.n}.`,
      };
    }
    if (entry.digest !== entryDigest(entry.n, entry.prev, entry)) {
      return {
        entry: entry.n,
        problem: "changed",
        message: `${capitalise(describeEntry(entry))} has been changed: its content no longer matches its digest.`,
      };
    }
    if (entry.prev !== previous.head) {
      return {
        entry: entry.n,
        problem: "broken-link",
        message:
          previous.n === start.n
            ? `Entry ${entry.n} does not follow from the start of the record: it was chained to something else.`
            : `Entry ${entry.n} does not follow entry ${previous.n}: entry ${previous.n} was changed and given a new digest, or an entry between them was removed.`,
      };
    }
    previous = { n: entry.n, head: entry.digest };
  }
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
