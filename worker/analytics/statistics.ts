/**
 * How averages are taken, in one place so the dashboard, its CSV and its tests agree:
 * - median: the middle value, or the mean of the two middle values;
 * - 90th percentile: nearest rank, the smallest value with at least 90% of values at or below it;
 * - mean: the arithmetic mean.
 * All are null when there is nothing to average. The dashboard's queries pick the ranked values
 * in SQL (see dashboard.ts), so only these few values ever leave D1.
 */
export interface Distribution {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
}

/** The 0-based positions in sorted order that the median and 90th percentile need. */
export function ranksFor(count: number): { median: number[]; p90: number } {
  const middle = Math.floor((count - 1) / 2);
  return { median: count % 2 === 1 ? [middle] : [middle, middle + 1], p90: Math.max(0, Math.ceil(0.9 * count) - 1) };
}
