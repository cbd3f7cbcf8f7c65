/** Calendar arithmetic on local days written YYYY-MM-DD, for choosing a period. */

const DAY_MS = 86_400_000;

const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return format(parse(day) + days * DAY_MS);
}

/** Today in the browser's time zone, until the service has said what its today is. */
export function browserToday(): string {
  const now = new Date();
  return format(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export interface QuickPeriod {
  label: string;
  from: (today: string) => string;
}

export const QUICK_PERIODS: QuickPeriod[] = [
  { label: "Last 7 days", from: (today) => addDays(today, -6) },
  { label: "Last 28 days", from: (today) => addDays(today, -27) },
  {
    label: "Last 12 months",
    // The day after the same date a year ago, so the period is a whole year ending today.
    from: (today) => {
      const date = new Date(parse(today));
      return addDays(format(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate())), 1);
    },
  },
];
