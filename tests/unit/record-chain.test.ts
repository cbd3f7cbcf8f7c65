/**
 * The record's hash chain, the sealed document built from it, and verification: every kind of
 * tampering is caught and the entry to blame is named.
 */
import { describe, expect, it } from "vitest";
import { chainEntry, checkChain, FROM_NOTHING, headOf } from "../../worker/transcripts/chain";
import { entry, actor } from "../../worker/transcripts/entries";
import { sealTranscript, transcriptBytes } from "../../worker/transcripts/document";
import { verifyAddenda, verifyTranscript } from "../../worker/transcripts/verify";
import type { EntryContent, RecordEntry } from "../../worker/shared/record/entry";
import type { TranscriptDocument } from "../../worker/shared/record/transcript";
import type { Translation } from "../../worker/shared/protocol";

const T0 = Date.UTC(2026, 10, 28, 23, 50, 0);
const translation: Translation = { status: "pending", text: null, to: "en", model: null };

function chain(contents: EntryContent[]): RecordEntry[] {
  const entries: RecordEntry[] = [];
  for (const content of contents) entries.push(chainEntry(headOf(entries), content));
  return entries;
}

function conversationEntries(): RecordEntry[] {
  return chain([
    entry.opened("c-1", T0, { language: "pl", returning: false }),
    entry.accepted("officer-7", T0 + 60_000),
    entry.message({ seq: 1, from: "victim", clientId: "v1", text: "Boję się wrócić do domu", language: "pl", translation, sentAt: T0 + 61_000 }, null),
    entry.translation({ seq: 1, status: "done", text: "I am afraid to go home", to: "en", model: "workers-ai:@cf/meta/m2m100-1.2b" }, T0 + 62_000),
    entry.message({ seq: 2, from: "officer", clientId: "o1", text: "You are safe to talk here.", language: "en", translation: { ...translation, to: "pl" }, sentAt: T0 + 70_000 }, "officer-7"),
    entry.assessment({ kind: "answer", questionId: "frightened", answer: "yes", comment: null, messageSeqs: [1], grade: null, incidentsInYear: null, officerId: "officer-7", at: T0 + 80_000 }),
    entry.note({ at: T0 + 90_000, officerId: "officer-7", text: "Consider a refuge referral." }),
    entry.outcome({ outcome: "crime-recorded", crimeReference: "CR/2026/000123", detail: null, officerId: "officer-7", at: T0 + 95_000 }),
    entry.ended("officer-ended", T0 + 100_000, actor("officer", "officer-7")),
  ]);
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("the hash chain", () => {
  it("holds for an untouched record, each entry linked to the one before", () => {
    const entries = conversationEntries();
    expect(checkChain(entries)).toBeNull();
    expect(entries[0]!.prev).toBe(FROM_NOTHING.head);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prev).toBe(entries[i - 1]!.digest);
  });

  it("names a changed entry", () => {
    const entries = conversationEntries();
    (entries[2]!.data as { text: string }).text = "Nothing happened";
    expect(checkChain(entries)).toMatchObject({ entry: 3, problem: "changed" });
    expect(checkChain(entries)!.message).toContain("message 1 from the victim");
  });

  it("names the entry after one that was changed and given a fresh digest", () => {
    const entries = conversationEntries();
    const message = entries[2]!;
    if (message.kind !== "message") throw new Error("entry 3 is the victim's first message");
    const forged = chainEntry({ n: 2, head: entries[1]!.digest }, { ...message, data: { ...message.data, text: "Nothing happened" } });
    entries[2] = forged;
    expect(checkChain(entries)).toMatchObject({ entry: 4, problem: "broken-link" });
    expect(checkChain(entries)!.message).toContain("entry 3");
  });

  it("names a removed entry", () => {
    const entries = conversationEntries();
    entries.splice(4, 1);
    expect(checkChain(entries)).toMatchObject({ entry: 5, problem: "missing" });
  });

  it("names a removed entry even when the rest were renumbered", () => {
    const entries = conversationEntries();
    entries.splice(4, 1);
    for (const [i, e] of entries.entries()) e.n = i + 1;
    const problem = checkChain(entries)!;
    expect(problem.entry).toBe(5);
    expect(["changed", "broken-link"]).toContain(problem.problem);
  });

  it("names reordered entries", () => {
    const entries = conversationEntries();
    [entries[3], entries[4]] = [entries[4]!, entries[3]!];
    expect(checkChain(entries)).toMatchObject({ entry: 5, problem: "out-of-order" });
  });
});

describe("the sealed transcript", () => {
  it("is byte-identical when sealed again from the same record", () => {
    const once = transcriptBytes(sealTranscript(conversationEntries()));
    const twice = transcriptBytes(sealTranscript(conversationEntries()));
    expect(twice).toBe(once);
  });

  it("carries participants, UTC times, messages with original, translation and model, assessment and outcome", () => {
    const document = sealTranscript(conversationEntries());
    expect(document.participants).toEqual([
      { role: "victim", language: "pl", returning: false },
      { role: "officer", officerId: "officer-7", joinedAt: "2026-11-28T23:51:00.000Z" },
    ]);
    expect(document.startedAt).toBe("2026-11-28T23:50:00.000Z");
    expect(document.endedAt).toBe("2026-11-28T23:51:40.000Z");
    expect(document.messages[0]).toMatchObject({
      text: "Boję się wrócić do domu",
      translation: { status: "done", text: "I am afraid to go home", model: "workers-ai:@cf/meta/m2m100-1.2b" },
    });
    expect(document.messages[1]).toMatchObject({ from: "officer", officerId: "officer-7" });
    expect(document.assessment.changes[0]).toMatchObject({ questionId: "frightened", answer: "yes", messageSeqs: [1] });
    expect(document.outcome).toMatchObject({ outcome: "crime-recorded", crimeReference: "CR/2026/000123" });
    expect(document.events.map((e) => e.kind)).toEqual(["opened", "accepted", "ended"]);
    expect(document.seal).toMatchObject({ entries: 9, head: document.entries[8]!.digest });
  });
});

describe("verification", () => {
  const sealed = () => sealTranscript(conversationEntries());

  it("passes a fresh transcript and gives the file's SHA-256", () => {
    const text = transcriptBytes(sealed());
    const verdict = verifyTranscript(JSON.parse(text), { fileText: text });
    expect(verdict).toMatchObject({ ok: true, problems: [], entries: 9, conversationId: "c-1" });
    expect(verdict.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the entry when a message in the chain is edited", () => {
    const document = clone(sealed());
    (document.entries[4]!.data as { text: string }).text = "Stay at home.";
    expect(verifyTranscript(document)).toMatchObject({ ok: false, failingEntry: 5 });
  });

  it("names the message when only the readable view was edited", () => {
    const document = clone(sealed());
    document.messages[0]!.translation.text = "I am fine";
    const verdict = verifyTranscript(document);
    expect(verdict).toMatchObject({ ok: false, failingEntry: 3 });
    expect(verdict.problems[0]).toContain("messages[0].translation.text");
  });

  it("catches entries cut off the end, and an altered seal", () => {
    const truncated = clone(sealed());
    truncated.entries.pop();
    expect(verifyTranscript(truncated).problems[0]).toContain("seal does not match");

    const reSealed: TranscriptDocument = clone(sealed());
    reSealed.seal.documentSha256 = "0".repeat(64);
    expect(verifyTranscript(reSealed)).toMatchObject({ ok: false });
  });

  it("refuses a file that is not the one recorded, and something that is not a transcript", () => {
    const text = transcriptBytes(sealed());
    expect(verifyTranscript(JSON.parse(text), { fileText: text, expectedSha256: "ab".repeat(32) }).ok).toBe(false);
    expect(verifyTranscript({ hello: "world" }).problems[0]).toContain("not a quietline transcript");
  });

  it("checks addenda chained on from the seal", () => {
    const document = sealed();
    const first = chainEntry({ n: document.seal.entries, head: document.seal.head }, entry.note({ at: T0 + 200_000, officerId: "officer-7", text: "Victim called 101 later." }));
    const addenda = { format: "quietline.addenda/1", conversationId: "c-1", sealHead: document.seal.head, entries: [first] };
    expect(verifyAddenda(document, addenda)).toMatchObject({ ok: true, entries: 1 });
    (first.data as { text: string }).text = "Nothing";
    expect(verifyAddenda(document, addenda)).toMatchObject({ ok: false, failingEntry: 10 });
  });
});
