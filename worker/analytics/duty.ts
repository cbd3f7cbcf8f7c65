/**
 * Officers on duty by hour of day: the average number on duty during each local hour over a
 * span, from the duty events the Dispatcher records (came on, went off). An officer's state at
 * the start of the span is their last event before it.
 */
import type { Zone } from "../shared/time-zone";

const HOUR_MS = 3_600_000;

export async function dutyByHour(db: D1Database, zone: Zone, start: number, end: number): Promise<number[]> {
  const onDutyMs = Array.from({ length: 24 }, () => 0);
  const occurrences = Array.from({ length: 24 }, () => 0);
  for (let hour = Math.floor(start / HOUR_MS) * HOUR_MS; hour < end; hour += HOUR_MS) {
    const covered = Math.min(end, hour + HOUR_MS) - Math.max(start, hour);
    occurrences[zone.at(hour).hour]! += covered / HOUR_MS;
  }
  if (end <= start) return onDutyMs;

  const before = await db
    .prepare(
      `SELECT officer_id, on_duty FROM duty_events AS e
       WHERE at = (SELECT MAX(at) FROM duty_events WHERE officer_id = e.officer_id AND at < ?1)`,
    )
    .bind(start)
    .all<{ officer_id: string; on_duty: number }>();
  const during = await db
    .prepare("SELECT officer_id, on_duty, at FROM duty_events WHERE at >= ?1 AND at < ?2 ORDER BY at, id")
    .bind(start, end)
    .all<{ officer_id: string; on_duty: number; at: number }>();

  const since = new Map<string, number>();
  for (const row of before.results) if (row.on_duty === 1) since.set(row.officer_id, start);
  const add = (from: number, to: number) => {
    for (let at = from; at < to; ) {
      const next = Math.min(to, (Math.floor(at / HOUR_MS) + 1) * HOUR_MS);
      onDutyMs[zone.at(at).hour]! += next - at;
      at = next;
    }
  };
  for (const row of during.results) {
    const onSince = since.get(row.officer_id);
    if (row.on_duty === 1) {
      if (onSince === undefined) since.set(row.officer_id, row.at);
    } else if (onSince !== undefined) {
      add(onSince, row.at);
      since.delete(row.officer_id);
    }
  }
  for (const onSince of since.values()) add(onSince, end);
  return onDutyMs.map((ms, hour) => (occurrences[hour]! > 0 ? ms / (occurrences[hour]! * HOUR_MS) : 0));
}
