/**
 * The supervision page's rows: one per live chat, waiting or with an officer, and their order
 * when a supervisor sorts by a column (app/lib/console/supervision-rows.ts).
 */
import { describe, expect, it } from "vitest";
import { duration, liveChatRows, sortRows, type Sort } from "../../app/lib/console/supervision-rows";
import type { WatchedChat } from "../../worker/shared/protocol";

const NOW = 1_800_000_000_000;
const MINUTE = 60_000;
const watched = (conversationId: string, facts: Partial<WatchedChat>): WatchedChat => ({
  conversationId,
  language: null,
  lastVictimAt: null,
  locationShared: false,
  grade: null,
  answered: 0,
  questions: 27,
  maracReferral: false,
  priorityReason: null,
  ended: null,
  ...facts,
});
const names: Record<string, string> = { zed: "PC Zed", abe: "PC Abe" };

const rows = liveChatRows(
  [{ conversationId: "waiting-1", waitingSince: NOW - 3 * MINUTE, priority: 1, priorityReason: "risk cue: weapon", returned: false, position: 1 }],
  [
    { conversationId: "with-zed", officerId: "zed", waitingSince: NOW - 20 * MINUTE, assignedAt: NOW - 19 * MINUTE },
    { conversationId: "with-abe", officerId: "abe", waitingSince: NOW - 10 * MINUTE, assignedAt: NOW - 5 * MINUTE },
  ],
  [
    watched("waiting-1", { language: "ar", priorityReason: "Mentioned a knife" }),
    watched("with-zed", { language: "pl", lastVictimAt: NOW - 2 * MINUTE, grade: "high", answered: 15, maracReferral: true }),
    watched("with-abe", { language: "en", lastVictimAt: NOW - 30_000, grade: "standard", answered: 4 }),
  ],
  (id) => names[id] ?? "another officer",
);
const order = (sort: Sort) => sortRows(rows, sort, NOW).map((r) => r.conversationId);

describe("the supervision page's rows", () => {
  it("has one row per live chat, with the officer's name and the language in English words", () => {
    expect(rows.map((r) => [r.conversationId, r.officerName, r.language])).toEqual([
      ["waiting-1", null, "Arabic"],
      ["with-zed", "PC Zed", "Polish"],
      ["with-abe", "PC Abe", "English"],
    ]);
    expect(rows[0]).toMatchObject({ priorityReason: "Mentioned a knife", assignedAt: null });
    expect(rows[1]).toMatchObject({ grade: "high", answered: 15, questions: 27, maracReferral: true });
  });

  it("sorts by each column both ways, a chat with nothing yet counting as the least", () => {
    expect(order({ column: "officer", descending: false })).toEqual(["waiting-1", "with-abe", "with-zed"]);
    expect(order({ column: "language", descending: false })).toEqual(["waiting-1", "with-abe", "with-zed"]);
    expect(order({ column: "language", descending: true })).toEqual(["with-zed", "with-abe", "waiting-1"]);
    // Waited: 3 min and counting, 1 min, 5 min.
    expect(order({ column: "waited", descending: true })).toEqual(["with-abe", "waiting-1", "with-zed"]);
    expect(order({ column: "with-officer", descending: true })).toEqual(["with-zed", "with-abe", "waiting-1"]);
    expect(order({ column: "last-activity", descending: true })).toEqual(["with-zed", "with-abe", "waiting-1"]);
    expect(order({ column: "risk", descending: true })).toEqual(["with-zed", "with-abe", "waiting-1"]);
  });

  it("keeps a chat its officer is wrapping up, with how it ended, and never a live chat twice", () => {
    const wrapping = liveChatRows(
      [],
      [{ conversationId: "with-zed", officerId: "zed", waitingSince: NOW - 20 * MINUTE, assignedAt: NOW - 19 * MINUTE }],
      [
        watched("with-zed", { language: "pl" }),
        watched("ended-abe", { language: "ar", ended: { reason: "quick-exit", at: NOW - MINUTE, officerId: "abe" } }),
      ],
      (id) => names[id] ?? id,
    );
    expect(wrapping.map((row) => [row.conversationId, row.officerName, row.ended?.reason ?? null])).toEqual([
      ["with-zed", "PC Zed", null],
      ["ended-abe", "PC Abe", "quick-exit"],
    ]);
  });

  it("says a duration in seconds, then minutes and seconds, then hours and minutes", () => {
    expect([duration(45_000), duration(4 * MINUTE + 5_000), duration(64 * MINUTE), duration(-5)]).toEqual(["45 s", "4 min 5 s", "1 h 4 min", "0 s"]);
  });
});
