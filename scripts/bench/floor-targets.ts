/**
 * Issue 20's targets: quietline against floor A (the same platform doing only the relay's work),
 * measured in the same run. They are reported, pass or fail, and never fail a benchmark: only a
 * lost, doubled or reordered message does that.
 *
 *   victim → officer p99 at 1 and at 100 conversations   ≤ 1.5 × floor A's
 *   conversations held before p99 passes 100 ms           ≥ 0.8 × floor A's
 *   workerd CPU per message (at 100 conversations)         ≤ 2 × floor A's
 */
import { markdownTable } from "./measure.ts";

export const P99_TIMES_FLOOR_A = 1.5;
export const CAPACITY_TIMES_FLOOR_A = 0.8;
export const CPU_TIMES_FLOOR_A = 2;

export interface TargetCheck {
  target: string;
  /** quietline's figure (or, for `targetsTable`'s other subject, floor B's). */
  quietline: number;
  floorA: number;
  unit: string;
  /** quietline ÷ floor A. */
  times: number;
  limit: string;
  pass: boolean;
}

/** NaN when either figure is missing (nothing arrived, nothing held): such a target is not judged. */
const timesOf = (quietline: number, floorA: number) => (floorA > 0 && Number.isFinite(quietline) ? quietline / floorA : Number.NaN);

/** A target met when quietline's figure is at most `limit` × floor A's (latency, CPU). */
export function atMost(target: string, unit: string, quietline: number, floorA: number, limit: number): TargetCheck {
  const times = timesOf(quietline, floorA);
  return { target, quietline, floorA, unit, times, limit: `≤ ${limit}×`, pass: times <= limit };
}

/** A target met when quietline's figure is at least `limit` × floor A's (capacity). */
export function atLeast(target: string, unit: string, quietline: number, floorA: number, limit: number): TargetCheck {
  const times = timesOf(quietline, floorA);
  return { target, quietline, floorA, unit, times, limit: `≥ ${limit}×`, pass: times >= limit };
}

/** `subject`: whose figures the checks hold (quietline, or floor B held to the same targets). */
export function targetsTable(checks: TargetCheck[], subject = "quietline"): string {
  return markdownTable(
    ["issue 20 target", subject, "floor A", `${subject} ÷ floor A`, "target", "result"],
    checks.map((c) => [
      c.target,
      `${c.quietline} ${c.unit}`.trim(),
      `${c.floorA} ${c.unit}`.trim(),
      Number.isFinite(c.times) ? `${c.times.toFixed(2)}×` : "—",
      c.limit,
      !Number.isFinite(c.times) ? "no figure" : c.pass ? "pass" : "**FAIL**",
    ]),
  );
}
