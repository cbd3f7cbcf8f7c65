/**
 * Every figure on the dashboard as one CSV file (RFC 4180: CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled). One row a figure:
 * `section,label,value`, with durations in minutes and shares in percent so a spreadsheet can
 * work with them. Pure: the same JSON always gives the same text.
 */
import type { Dashboard, LiveFigures } from "$shared/protocol";
import { chartsOf } from "./chart-data";
import { minutesOf, rounded } from "./format";
import { headlineCards } from "./headline";

type Cell = string | number | null;
type Row = [section: string, label: string, value: Cell];

export const CSV_HEADER = "section,label,value";

/**
 * One field. Text that a spreadsheet would take for a formula (starting =, +, -, @, tab or
 * carriage return) is prefixed with an apostrophe, so opening the file never runs anything.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvFilename(period: Dashboard["period"]): string {
  return `quietline-dashboard-${period.from}-to-${period.to}.csv`;
}

function periodRows(d: Dashboard): Row[] {
  return [
    ["Period", "From", d.period.from],
    ["Period", "To", d.period.to],
    ["Period", "Days", d.period.days],
    ["Period", "Time zone", d.period.timeZone],
  ];
}

function liveRows(live: LiveFigures): Row[] {
  return [
    ["Live now", "Updated", new Date(live.at).toISOString()],
    ["Live now", "Waiting now", live.waiting],
    ["Live now", "Longest wait now (minutes)", minutesOf(live.longestWaitMs)],
    ["Live now", "Active chats", live.active],
    ["Live now", "Officers available", live.officersAvailable],
    ["Live now", "Officers on duty", live.officersOnDuty],
  ];
}

function headlineRows(d: Dashboard): Row[] {
  return headlineCards(d).flatMap((card) =>
    card.figures.flatMap((figure): Row[] => {
      if (figure.kind === "duration") return [["Headline figures", `${figure.label} (minutes)`, minutesOf(figure.value)]];
      const rows: Row[] = [["Headline figures", figure.label, figure.value]];
      if (figure.share !== undefined) {
        rows.push(["Headline figures", `${figure.label} (% of chats started)`, figure.share === null ? null : rounded(figure.share, 1)]);
      }
      return rows;
    }),
  );
}

function chartRows(d: Dashboard): Row[] {
  return chartsOf(d).flatMap((chart) =>
    chart.series.flatMap((series) => {
      const section = chart.series.length > 1 ? `${chart.title}: ${series.label}` : chart.title;
      return chart.categories.map((category, i): Row => [section, category, series.values[i] ?? null]);
    }),
  );
}

/** The whole dashboard, and the live figures when there are some, as CSV text. */
export function dashboardCsv(d: Dashboard, live: LiveFigures | null = null): string {
  const rows = [...periodRows(d), ...(live ? liveRows(live) : []), ...headlineRows(d), ...chartRows(d)];
  return [CSV_HEADER, ...rows.map((row) => row.map(csvField).join(","))].join("\r\n") + "\r\n";
}
