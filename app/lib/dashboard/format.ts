/** How the dashboard writes numbers, shares and durations on the page. */

const MINUTE_MS = 60_000;

const counts = new Intl.NumberFormat("en-GB");

/** A share of a whole as a percentage (0–100), or null when there is no whole. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/** Rounded to `decimals` places, as a number (for tables and the CSV). */
export function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Minutes to one decimal place, or null. */
export function minutesOf(ms: number | null): number | null {
  return ms === null ? null : rounded(ms / MINUTE_MS, 1);
}

export function formatCount(value: number): string {
  return counts.format(value);
}

/** "1.25" with at most `decimals` places. */
export function formatNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: decimals }).format(value);
}

/** "40%", "12.5%"; "—" when there is nothing to take a share of. */
export function formatPercent(share: number | null): string {
  return share === null ? "—" : `${formatNumber(share, 1)}%`;
}

/** "under 1 min", "12 min", "1 h 05 min"; "—" when there is no figure. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 1) return ms > 0 ? "under 1 min" : "0 min";
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** "14:03:05" in the browser's time. */
export function formatClock(at: number): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }).format(at);
}
