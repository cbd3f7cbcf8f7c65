/**
 * The service dashboard's figures for a period, from the conversation rows and duty events in
 * D1 (never from transcripts). Each query is bounded by `created_at` (or `at`), which is
 * indexed, and returns counts or a handful of values: the work grows with the period's chats,
 * not with everything ever stored. Nothing returned identifies a victim: only counts and times.
 *
 * Definitions (the README repeats them):
 * - a chat belongs to the period (and the local day, hour and weekday) in which it started;
 * - new / returning: whether the victim came back with a resume code;
 * - waiting: from starting the chat to the first officer joining; "gave up" is a chat that
 *   ended before any officer joined;
 * - length: from the first officer joining to the end, for chats an officer joined that ended;
 * - officers on duty: on the console and not Away, averaged over each hour of the day.
 */
import type { Dashboard } from "../shared/protocol";
import { dutyByHour } from "./duty";
import { ranksFor, type Distribution } from "./statistics";
import type { Zone } from "../shared/time-zone";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface Period {
  from: string;
  to: string;
  start: number;
  end: number;
  days: number;
}

export function periodOf(zone: Zone, from: string, to: string): Period {
  const start = zone.startOfDay(from);
  const end = zone.endOfDay(to);
  return { from, to, start, end, days: Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1 };
}

const IN_PERIOD = "created_at >= ?1 AND created_at < ?2";

/** Count, mean, median and 90th percentile of `expression` over the period's chats where `filter`. */
async function distribution(db: D1Database, period: Period, expression: string, filter: string): Promise<Distribution> {
  const values = `SELECT ${expression} AS v FROM conversations WHERE ${IN_PERIOD} AND ${filter}`;
  const summary = await db.prepare(`SELECT COUNT(*) AS n, AVG(v) AS mean FROM (${values})`).bind(period.start, period.end).first<{ n: number; mean: number | null }>();
  const count = summary?.n ?? 0;
  if (count === 0) return { count: 0, meanMs: null, medianMs: null, p90Ms: null };
  const { median, p90 } = ranksFor(count);
  const ranks = [...new Set([...median, p90])];
  const picked = await db
    .prepare(
      `SELECT r, v FROM (SELECT v, ROW_NUMBER() OVER (ORDER BY v) - 1 AS r FROM (${values})) WHERE r IN (${ranks.map((_, i) => `?${i + 3}`).join(", ")})`,
    )
    .bind(period.start, period.end, ...ranks)
    .all<{ r: number; v: number }>();
  const at = new Map(picked.results.map((row) => [row.r, row.v]));
  return {
    count,
    meanMs: summary!.mean,
    medianMs: median.reduce((sum, r) => sum + at.get(r)!, 0) / median.length,
    p90Ms: at.get(p90)!,
  };
}

async function grouped<K extends string>(db: D1Database, period: Period, column: string, as: K) {
  const rows = await db
    .prepare(`SELECT ${column} AS k, COUNT(*) AS n FROM conversations WHERE ${IN_PERIOD} GROUP BY ${column} ORDER BY n DESC, k`)
    .bind(period.start, period.end)
    .all<{ k: string | null; n: number }>();
  return rows.results.map((row) => ({ [as]: row.k, chats: row.n }) as Record<K, string | null> & { chats: number });
}

export async function dashboard(db: D1Database, zone: Zone, from: string, to: string, now: number): Promise<Dashboard> {
  const period = periodOf(zone, from, to);
  // The queries do not depend on each other: they go to D1 together, not one after another.
  const [totals, hourly, duty, wait, length, byLanguage, outcomes, riskGrades] = await Promise.all([
    db
      .prepare(
        `SELECT COUNT(*) AS started,
                COALESCE(SUM(is_returning), 0) AS returners,
                COALESCE(SUM(accepted_at IS NOT NULL), 0) AS answered,
                COALESCE(SUM(accepted_at IS NULL AND status = 'ended'), 0) AS gave_up,
                COALESCE(SUM(end_reason = 'quick-exit'), 0) AS quick_exits
         FROM conversations WHERE ${IN_PERIOD}`,
      )
      .bind(period.start, period.end)
      .first<{ started: number; returners: number; answered: number; gave_up: number; quick_exits: number }>(),
    // Chats by UTC hour, then placed in local days, hours and weekdays (the zone moves by whole hours).
    db
      .prepare(`SELECT created_at / ${HOUR_MS} AS h, COUNT(*) AS n FROM conversations WHERE ${IN_PERIOD} GROUP BY h`)
      .bind(period.start, period.end)
      .all<{ h: number; n: number }>(),
    dutyByHour(db, zone, period.start, Math.min(period.end, Math.max(now, period.start))),
    distribution(db, period, "accepted_at - created_at", "accepted_at IS NOT NULL"),
    distribution(db, period, "ended_at - accepted_at", "accepted_at IS NOT NULL AND ended_at IS NOT NULL"),
    grouped(db, period, "victim_language", "language"),
    grouped(db, period, "outcome", "outcome"),
    grouped(db, period, "risk_grade", "grade"),
  ]);

  const byDay = new Map<string, number>();
  for (let day = period.start; day < period.end; day += HOUR_MS) byDay.set(zone.at(day).date, 0);
  const byHour = Array.from({ length: 24 }, () => 0);
  const byWeekday = Array.from({ length: 7 }, () => 0);
  for (const { h, n } of hourly.results) {
    const local = zone.at(h * HOUR_MS);
    byDay.set(local.date, (byDay.get(local.date) ?? 0) + n);
    byHour[local.hour]! += n;
    byWeekday[local.weekday]! += n;
  }

  const started = totals?.started ?? 0;
  return {
    period: { from: period.from, to: period.to, days: period.days, timeZone: zone.name },
    started,
    newUsers: started - (totals?.returners ?? 0),
    returningUsers: totals?.returners ?? 0,
    answered: totals?.answered ?? 0,
    gaveUpWaiting: totals?.gave_up ?? 0,
    quickExits: totals?.quick_exits ?? 0,
    wait,
    length,
    byDay: [...byDay].map(([date, count]) => ({ date, started: count })),
    byHour: byHour.map((count, hour) => ({
      hour,
      started: count,
      startedPerDay: count / period.days,
      officersOnDuty: duty[hour]!,
    })),
    byWeekday: byWeekday.map((count, weekday) => ({ weekday, started: count })),
    byLanguage: byLanguage.map((r) => ({ language: r.language, chats: r.chats })),
    outcomes: outcomes.map((r) => ({ outcome: r.outcome, chats: r.chats })),
    riskGrades: riskGrades.map((r) => ({ grade: r.grade, chats: r.chats })),
  };
}
