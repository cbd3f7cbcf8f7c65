import { describe, expect, it } from "vitest";
import { eventLine, type ReadingAids } from "../../worker/shared/record/event-lines";
import type { EntryContent, RecordEntry } from "../../worker/shared/record/entry";
import { serviceTime } from "../../worker/shared/service-time";

const aids: ReadingAids = {
  officer: (id) => ({ "o-1": "PC Anna Kowalski", "o-2": "Sgt Ben Hughes" })[id] ?? `Officer ${id}`,
  time: (iso) => serviceTime(iso, "Europe/London"),
};
const chained = (content: EntryContent): RecordEntry => ({ ...content, n: 1, prev: "0".repeat(64), digest: "d" });
const AT = "2026-07-01T13:05:00.000Z";

describe("a record's events in words, for the Records page and the PDF", () => {
  it("names officers, says how the chat ended and the victim's language in words, and times in the service's zone", () => {
    const lines = [
      chained({ kind: "opened", at: AT, by: { role: "victim" }, data: { conversationId: "c", victimLanguage: "pl", returning: false } }),
      chained({ kind: "accepted", at: AT, by: { role: "officer", officerId: "o-1" }, data: { officerId: "o-1" } }),
      chained({ kind: "transferred", at: AT, by: { role: "officer", officerId: "o-1" }, data: { from: "o-1", to: "o-2", note: "" } }),
      chained({ kind: "returned", at: AT, by: { role: "officer", officerId: "o-2" }, data: { officerId: "o-2", reason: "officer-left", note: "" } }),
      chained({ kind: "more-time", at: AT, by: { role: "officer", officerId: "o-2" }, data: { until: "2026-07-01T13:35:00.000Z" } }),
      chained({ kind: "ended", at: AT, by: { role: "victim" }, data: { reason: "victim-ended" } }),
      chained({ kind: "ended", at: AT, by: { role: "system" }, data: { reason: "quick-exit" } }),
    ].map((entry) => eventLine(entry, aids));
    expect(lines).toEqual([
      "The victim started the chat (first contact; language Polish).",
      "PC Anna Kowalski joined.",
      "PC Anna Kowalski transferred the chat to Sgt Ben Hughes.",
      "The chat went back to the queue: the console of Sgt Ben Hughes was gone too long.",
      "Sgt Ben Hughes gave the victim more time: not to be asked whether they were still there before 1 Jul 2026 14:35 GMT+1.",
      "The chat ended: Victim ended the chat (by the victim).",
      "The chat ended: Victim used Quick exit (by the service).",
    ]);
  });

  it("has no line for what is not a lifecycle event", () => {
    const note = chained({ kind: "note", at: AT, by: { role: "officer", officerId: "o-1" }, data: { text: "Quiet voice" } });
    expect(eventLine(note, aids)).toBeNull();
  });
});
