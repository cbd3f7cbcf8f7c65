/**
 * The service dashboard, against a generated set of chats and duty changes whose every figure is
 * worked out by hand below: a chat crossing midnight, one that gave up waiting, returning
 * victims, the change to summer time, and chats just outside the period on either side.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dashboard, LiveFigures } from "../../worker/shared/protocol";
import { call, connectQueue, signedInOfficer, startConversation } from "./harness";

const MIN = 60_000;
const utc = (iso: string) => Date.parse(iso);

interface Chat {
  id: string;
  created: string;
  waitMin?: number;
  lengthMin?: number;
  endedAfterMin?: number;
  endReason?: string;
  language?: string;
  returning?: boolean;
  outcome?: string;
  grade?: string;
}

// Europe/London: GMT until 01:00 UTC on Sunday 30 March 2025, then BST (UTC+1).
const CHATS: Chat[] = [
  { id: "a", created: "2025-03-29T10:00:00Z", waitMin: 5, lengthMin: 40, language: "pl", outcome: "advice-given", grade: "standard" },
  // Starts Saturday 23:50, ends after midnight: it belongs to Saturday, and lasts 38 minutes.
  { id: "b", created: "2025-03-29T23:50:00Z", waitMin: 2, lengthMin: 38, language: "ar", returning: true, outcome: "crime-recorded", grade: "high" },
  // Gave up after 12 minutes without an officer. 09:00 UTC is 10:00 BST.
  { id: "c", created: "2025-03-30T09:00:00Z", endedAfterMin: 12, endReason: "abandoned" },
  { id: "d", created: "2025-03-31T14:30:00Z", waitMin: 10, lengthMin: 20, endReason: "quick-exit", language: "pl", returning: true, outcome: "victim-left" },
  // Still waiting: neither answered nor given up.
  { id: "e", created: "2025-03-31T16:00:00Z", language: "ro" },
  // Outside: Friday 23:30 GMT, and Monday 23:30 UTC, which is already Tuesday 00:30 BST.
  { id: "f", created: "2025-03-28T23:30:00Z", waitMin: 1, lengthMin: 1 },
  { id: "g", created: "2025-03-31T23:30:00Z", waitMin: 1, lengthMin: 1 },
];

async function insertChats() {
  for (const chat of CHATS) {
    const created = utc(chat.created);
    const accepted = chat.waitMin === undefined ? null : created + chat.waitMin * MIN;
    const ended =
      accepted !== null && chat.lengthMin !== undefined ? accepted + chat.lengthMin * MIN : chat.endedAfterMin ? created + chat.endedAfterMin * MIN : null;
    await env.DB.prepare(
      `INSERT INTO conversations (id, status, created_at, accepted_at, ended_at, end_reason, victim_language, is_returning, outcome, risk_grade)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
      .bind(`analytics-${chat.id}`, ended ? "ended" : "waiting", created, accepted, ended, chat.endReason ?? (ended ? "officer-ended" : null), chat.language ?? null, chat.returning ? 1 : 0, chat.outcome ?? null, chat.grade ?? null)
      .run();
  }
  // Officer Y on duty from Friday evening to 02:00 Saturday; officer X 09:00 to 12:00 Saturday.
  const duty = [
    ["y-on", "y", 1, "2025-03-28T20:00:00Z"],
    ["y-off", "y", 0, "2025-03-29T02:00:00Z"],
    ["x-on", "x", 1, "2025-03-29T09:00:00Z"],
    ["x-off", "x", 0, "2025-03-29T12:00:00Z"],
  ] as const;
  for (const [id, officer, on, at] of duty) {
    await env.DB.prepare("INSERT INTO duty_events (id, officer_id, on_duty, at) VALUES (?, ?, ?, ?)").bind(id, officer, on, utc(at)).run();
  }
}

let supervisor: { cookie: string };
beforeAll(async () => {
  await insertChats();
  supervisor = await signedInOfficer("supervisor");
});

const get = (path: string, cookie: string) => call(path, { headers: { Cookie: cookie } });

describe("the service dashboard", () => {
  it("gives every figure exactly for a period, in the service's time zone", async () => {
    const response = await get("/api/analytics/dashboard?from=2025-03-29&to=2025-03-31", supervisor.cookie);
    expect(response.status).toBe(200);
    const d = (await response.json()) as Dashboard;

    expect(d.period).toEqual({ from: "2025-03-29", to: "2025-03-31", days: 3, timeZone: "Europe/London" });
    expect(d).toMatchObject({ started: 5, newUsers: 3, returningUsers: 2, answered: 3, gaveUpWaiting: 1, quickExits: 1 });
    // Waits 2, 5, 10 minutes; lengths 20, 38, 40 minutes.
    expect(d.wait).toMatchObject({ count: 3, medianMs: 5 * MIN, p90Ms: 10 * MIN });
    expect(d.wait.meanMs).toBeCloseTo((17 / 3) * MIN, 3);
    expect(d.length).toMatchObject({ count: 3, medianMs: 38 * MIN, p90Ms: 40 * MIN });
    expect(d.length.meanMs).toBeCloseTo((98 / 3) * MIN, 3);
    expect(d.byDay).toEqual([
      { date: "2025-03-29", started: 2 },
      { date: "2025-03-30", started: 1 },
      { date: "2025-03-31", started: 2 },
    ]);
    const started = Object.fromEntries(d.byHour.filter((h) => h.started > 0).map((h) => [h.hour, h.started]));
    expect(started).toEqual({ 10: 2, 15: 1, 17: 1, 23: 1 });
    // Monday first: Mon d and e; Sat a and b; Sun c.
    expect(d.byWeekday.map((w) => w.started)).toEqual([2, 0, 0, 0, 0, 2, 1]);
    // Largest first, then by name (no language chosen first).
    expect(d.byLanguage).toEqual([
      { language: "pl", chats: 2 },
      { language: null, chats: 1 },
      { language: "ar", chats: 1 },
      { language: "ro", chats: 1 },
    ]);
    expect(d.outcomes).toEqual([
      { outcome: null, chats: 2 },
      { outcome: "advice-given", chats: 1 },
      { outcome: "crime-recorded", chats: 1 },
      { outcome: "victim-left", chats: 1 },
    ]);
    expect(d.riskGrades).toEqual([
      { grade: null, chats: 3 },
      { grade: "high", chats: 1 },
      { grade: "standard", chats: 1 },
    ]);

    // Hour 1 happened twice (the clocks skipped it on Sunday), every other hour three times.
    const duty = Object.fromEntries(d.byHour.filter((h) => h.officersOnDuty > 0).map((h) => [h.hour, h.officersOnDuty]));
    expect(duty).toEqual({ 0: 1 / 3, 1: 1 / 2, 9: 1 / 3, 10: 1 / 3, 11: 1 / 3 });
    expect(d.byHour[10]).toMatchObject({ started: 2, startedPerDay: 2 / 3 });
  });

  it("takes the median of an even number of chats as the mean of the middle two", async () => {
    const d = (await (await get("/api/analytics/dashboard?from=2025-03-29&to=2025-03-29", supervisor.cookie)).json()) as Dashboard;
    // Saturday only: waits 2 and 5 minutes, lengths 38 and 40.
    expect(d.wait).toMatchObject({ count: 2, medianMs: 3.5 * MIN, p90Ms: 5 * MIN });
    expect(d.length).toMatchObject({ count: 2, medianMs: 39 * MIN, p90Ms: 40 * MIN });
  });

  it("answers an empty period with zeros and no averages", async () => {
    const d = (await (await get("/api/analytics/dashboard?from=2024-01-01&to=2024-01-07", supervisor.cookie)).json()) as Dashboard;
    expect(d).toMatchObject({ started: 0, newUsers: 0, answered: 0, gaveUpWaiting: 0 });
    expect(d.wait).toEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
    expect(d.byDay).toHaveLength(7);
  });

  it("refuses officers, and periods that are backwards, too long or malformed", async () => {
    const officer = await signedInOfficer();
    expect((await get("/api/analytics/dashboard", officer.cookie)).status).toBe(403);
    expect((await get("/api/analytics/live", officer.cookie)).status).toBe(403);
    expect((await get("/api/analytics/dashboard", "")).status).toBe(401);
    for (const query of ["from=2025-03-31&to=2025-03-29", "from=2020-01-01&to=2025-01-01", "from=yesterday&to=today"]) {
      const response = await get(`/api/analytics/dashboard?${query}`, supervisor.cookie);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "bad-request" } });
    }
  });

  it("shows the live picture, and records officers coming on duty", async () => {
    const before = (await (await get("/api/analytics/live", supervisor.cookie)).json()) as LiveFigures;
    await startConversation();
    const officer = await signedInOfficer();
    const queue = await connectQueue(officer.cookie);
    await queue.next("me");
    const live = (await (await get("/api/analytics/live", supervisor.cookie)).json()) as LiveFigures;
    expect(live.waiting).toBe(before.waiting + 1);
    expect(live.longestWaitMs).toBeGreaterThanOrEqual(0);
    expect(live.officersOnDuty).toBe(before.officersOnDuty + 1);
    const recorded = await env.DB.prepare("SELECT on_duty FROM duty_events WHERE officer_id = ?").bind(officer.id).all<{ on_duty: number }>();
    expect(recorded.results).toEqual([{ on_duty: 1 }]);
    queue.close();
  });
});

