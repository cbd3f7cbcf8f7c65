/**
 * The dashboard's charts as plain data: categories and series with their names. Each chart and
 * the table beneath it are drawn from one spec, and the CSV lists the same numbers, so what a
 * sighted reader sees, what a screen reader reads and what is downloaded always agree.
 */
import type { Dashboard } from "$shared/protocol";
import { rounded } from "./format";
import { GRADE_ORDER, gradeLabel, hourLabel, languageName, outcomeLabel, weekdayName } from "./labels";

export interface ChartSeries {
  label: string;
  values: number[];
  kind: "bar" | "line";
  /** "y" on the left; "y1" on the right, for a second measure on another scale. */
  axis: "y" | "y1";
  /** Decimal places shown and downloaded. */
  decimals: number;
  /** Listed in the table and the CSV, not drawn. */
  tableOnly?: boolean;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** How the figures are counted, in a sentence. */
  note: string;
  /** The heading of the table's first column. */
  categoryHeading: string;
  categories: string[];
  series: ChartSeries[];
  axisTitles: { y: string; y1?: string };
}

const count = (label: string, values: number[], kind: "bar" | "line" = "bar"): ChartSeries => ({
  label,
  values,
  kind,
  axis: "y",
  decimals: 0,
});

export function chartsOf(d: Dashboard): ChartSpec[] {
  const weekdays = [...d.byWeekday].sort((a, b) => a.weekday - b.weekday);
  const grades = [
    ...GRADE_ORDER.map((grade) => ({ grade, chats: d.riskGrades.find((r) => r.grade === grade)?.chats ?? 0 })),
    ...d.riskGrades.filter((r) => !(GRADE_ORDER as readonly (string | null)[]).includes(r.grade)),
  ];
  return [
    {
      id: "by-day",
      title: "Chats started by day",
      note: `Local days in ${d.period.timeZone}.`,
      categoryHeading: "Day",
      categories: d.byDay.map((row) => row.date),
      series: [count("Chats started", d.byDay.map((row) => row.started), "line")],
      axisTitles: { y: "Chats started" },
    },
    {
      id: "by-hour",
      title: "Chats started and officers on duty by hour of day",
      note: "Both are averages per day over the period. On duty: on the console and not Away.",
      categoryHeading: "Hour starting",
      categories: d.byHour.map((row) => hourLabel(row.hour)),
      series: [
        { label: "Chats started per day (average)", values: d.byHour.map((row) => rounded(row.startedPerDay, 2)), kind: "bar", axis: "y", decimals: 2 },
        { label: "Officers on duty (average)", values: d.byHour.map((row) => rounded(row.officersOnDuty, 2)), kind: "line", axis: "y1", decimals: 2 },
        { ...count("Chats started (total)", d.byHour.map((row) => row.started)), tableOnly: true },
      ],
      axisTitles: { y: "Chats started per day", y1: "Officers on duty" },
    },
    {
      id: "by-weekday",
      title: "Chats started by day of the week",
      note: "Totals over the period.",
      categoryHeading: "Day of the week",
      categories: weekdays.map((row) => weekdayName(row.weekday)),
      series: [count("Chats started", weekdays.map((row) => row.started))],
      axisTitles: { y: "Chats started" },
    },
    {
      id: "by-language",
      title: "Chats by language",
      note: "The language the victim chose.",
      categoryHeading: "Language",
      categories: d.byLanguage.map((row) => languageName(row.language)),
      series: [count("Chats", d.byLanguage.map((row) => row.chats))],
      axisTitles: { y: "Chats" },
    },
    {
      id: "outcomes",
      title: "Outcomes",
      note: "The outcome the officer recorded.",
      categoryHeading: "Outcome",
      categories: d.outcomes.map((row) => outcomeLabel(row.outcome)),
      series: [count("Chats", d.outcomes.map((row) => row.chats))],
      axisTitles: { y: "Chats" },
    },
    {
      id: "risk-gradings",
      title: "Risk gradings",
      note: "The latest DASH risk grading recorded in the chat.",
      categoryHeading: "Risk grading",
      categories: grades.map((row) => gradeLabel(row.grade)),
      series: [count("Chats", grades.map((row) => row.chats))],
      axisTitles: { y: "Chats" },
    },
  ];
}
