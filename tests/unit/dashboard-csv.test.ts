import { describe, expect, it } from "vitest";
import type { Dashboard, LiveFigures } from "$shared/protocol";
import { csvField, csvFilename, dashboardCsv } from "../../app/lib/dashboard/csv";

/** Two days, two hours of the day and two weekdays: small, but every section has rows. */
const dashboard: Dashboard = {
  period: { from: "2026-03-01", to: "2026-03-02", days: 2, timeZone: "Europe/London" },
  started: 4,
  newUsers: 3,
  returningUsers: 1,
  answered: 3,
  gaveUpWaiting: 1,
  quickExits: 1,
  wait: { count: 3, meanMs: 150_000, medianMs: 90_000, p90Ms: 301_000 },
  length: { count: 2, meanMs: 1_500_000, medianMs: 1_500_000, p90Ms: 2_100_000 },
  byDay: [
    { date: "2026-03-01", started: 3 },
    { date: "2026-03-02", started: 1 },
  ],
  byHour: [
    { hour: 9, started: 3, startedPerDay: 1.5, officersOnDuty: 1.25 },
    { hour: 21, started: 1, startedPerDay: 0.5, officersOnDuty: 1 / 3 },
  ],
  // The service sends 0 = Monday … 6 = Sunday; the CSV lists Monday first whatever the order.
  byWeekday: [
    { weekday: 6, started: 3 },
    { weekday: 0, started: 1 },
  ],
  byLanguage: [
    { language: "pl", chats: 2 },
    { language: null, chats: 1 },
    { language: "cy", chats: 1 },
  ],
  outcomes: [
    { outcome: "advice-given", chats: 2 },
    { outcome: 'said "no", then left', chats: 1 },
    { outcome: null, chats: 1 },
  ],
  riskGrades: [
    { grade: "high", chats: 2 },
    { grade: null, chats: 1 },
    { grade: "standard", chats: 1 },
  ],
};

const HOUR_CHART = "Chats started and officers on duty by hour of day";

describe("the dashboard's CSV download", () => {
  it("lists every figure as section,label,value rows, quoting a value with a comma and a quote", () => {
    expect(dashboardCsv(dashboard)).toBe(
      [
        "section,label,value",
        "Period,From,2026-03-01",
        "Period,To,2026-03-02",
        "Period,Days,2",
        "Period,Time zone,Europe/London",
        "Headline figures,Chats started,4",
        "Headline figures,New victims,3",
        "Headline figures,New victims (% of chats started),75",
        "Headline figures,Returning victims,1",
        "Headline figures,Returning victims (% of chats started),25",
        "Headline figures,Answered,3",
        "Headline figures,Answered (% of chats started),75",
        "Headline figures,Gave up waiting,1",
        "Headline figures,Gave up waiting (% of chats started),25",
        "Headline figures,Quick exits,1",
        "Headline figures,Median wait (minutes),1.5",
        "Headline figures,90th percentile wait (minutes),5",
        "Headline figures,Chats counted for waiting time,3",
        "Headline figures,Median length (minutes),25",
        "Headline figures,Mean length (minutes),25",
        "Headline figures,90th percentile length (minutes),35",
        "Headline figures,Chats counted for length,2",
        "Chats started by day,2026-03-01,3",
        "Chats started by day,2026-03-02,1",
        `${HOUR_CHART}: Chats started per day (average),09:00,1.5`,
        `${HOUR_CHART}: Chats started per day (average),21:00,0.5`,
        `${HOUR_CHART}: Officers on duty (average),09:00,1.25`,
        `${HOUR_CHART}: Officers on duty (average),21:00,0.33`,
        `${HOUR_CHART}: Chats started (total),09:00,3`,
        `${HOUR_CHART}: Chats started (total),21:00,1`,
        "Chats started by day of the week,Monday,1",
        "Chats started by day of the week,Sunday,3",
        "Chats by language,Polish,2",
        "Chats by language,Not chosen,1",
        "Chats by language,Welsh,1",
        "Outcomes,Advice given,2",
        'Outcomes,"said ""no"", then left",1',
        "Outcomes,Not recorded,1",
        "Risk gradings,Standard,1",
        "Risk gradings,Medium,0",
        "Risk gradings,High,2",
        "Risk gradings,Not assessed,1",
        "",
      ].join("\r\n"),
    );
  });

  it("adds the live figures shown when they were downloaded, after the period", () => {
    const live: LiveFigures = { at: Date.UTC(2026, 2, 2, 14, 3, 5), waiting: 2, longestWaitMs: 330_000, active: 5, officersAvailable: 1, officersOnDuty: 4 };
    const lines = dashboardCsv(dashboard, live).split("\r\n");
    expect(lines.slice(5, 11)).toEqual([
      "Live now,Updated,2026-03-02T14:03:05.000Z",
      "Live now,Waiting now,2",
      "Live now,Longest wait now (minutes),5.5",
      "Live now,Active chats,5",
      "Live now,Officers available,1",
      "Live now,Officers on duty,4",
    ]);
    expect(lines[11]).toBe("Headline figures,Chats started,4");
  });

  it("leaves a figure empty when there is none: no share of no chats, no waiting time", () => {
    const quiet: Dashboard = {
      ...dashboard,
      started: 0,
      newUsers: 0,
      returningUsers: 0,
      answered: 0,
      gaveUpWaiting: 0,
      quickExits: 0,
      wait: { count: 0, meanMs: null, medianMs: null, p90Ms: null },
      length: { count: 0, meanMs: null, medianMs: null, p90Ms: null },
    };
    const lines = dashboardCsv(quiet).split("\r\n");
    expect(lines).toContain("Headline figures,Gave up waiting (% of chats started),");
    expect(lines).toContain("Headline figures,Median wait (minutes),");
    expect(lines).toContain("Headline figures,Chats counted for length,0");
  });

  it("quotes commas, quotes and line breaks, and never lets a spreadsheet run a formula", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-2)).toBe("-2");
    expect(csvField(null)).toBe("");
  });

  it("names the file after the period", () => {
    expect(csvFilename(dashboard.period)).toBe("quietline-dashboard-2026-03-01-to-2026-03-02.csv");
  });
});
