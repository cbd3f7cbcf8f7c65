/**
 * A year of made-up but realistic service data for the analytics benchmark (analytics.ts), from
 * a seeded generator so the same seed and last day give the same rows: chats with their queue
 * events, a roster of officers and their duty events. Times are local (SERVICE_TIME_ZONE).
 *
 * The shape: more chats in the evening and at weekends; 27.5% returning; 10% give up waiting
 * (ended, never accepted); waits mostly a few minutes with a tail to an hour; lengths averaging
 * about 40 minutes; 13 languages, English most common; outcomes, risk gradings and end reasons
 * spread; officers on early, late and night shifts with the odd break (off duty and back).
 */
import { Zone } from "../../worker/shared/time-zone.ts";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface BenchData {
  /** The first and last local days generated (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  officers: { id: string; email: string; name: string }[];
  chats: Chat[];
  queueEvents: { id: string; conversationId: string; kind: string; at: number; officerId: string | null; detail: string | null }[];
  dutyEvents: { id: string; officerId: string; onDuty: 0 | 1; at: number }[];
}

interface Chat {
  id: string;
  threadId: string;
  createdAt: number;
  acceptedAt: number | null;
  endedAt: number;
  officerId: string | null;
  endReason: string;
  language: string;
  isReturning: 0 | 1;
  outcome: string | null;
  riskGrade: string | null;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** mulberry32: small, fast and good enough for made-up data. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T extends string | null>(weights: [T, number][]): T => {
    let r = next() * weights.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of weights) if ((r -= w) < 0) return value;
    return weights[weights.length - 1]![0];
  };
  /** Log-normal with this median; `spread` is sigma of the underlying normal. */
  const logNormal = (median: number, spread: number) =>
    median * Math.exp(spread * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()));
  const id = () => Array.from({ length: 16 }, () => HEX[Math.floor(next() * 256)]).join("");
  return { next, pick, logNormal, id };
}

/** Relative demand by local hour (0–23): quiet at night, busiest in the evening. */
const BY_HOUR = [4, 3, 2, 1.5, 1, 1, 1.5, 2, 3, 4, 4.5, 4.5, 5, 5, 5, 5.5, 6, 7, 8, 9, 10, 10, 8, 6];
/** Relative demand by weekday, Monday first: more at weekends. */
const BY_WEEKDAY = [1, 0.95, 0.95, 1, 1.1, 1.35, 1.3];
const LANGUAGES: [string, number][] = [
  ["en", 70], ["pl", 7], ["ro", 4], ["pa", 3], ["ur", 3], ["pt", 2], ["es", 2],
  ["ar", 2], ["bn", 1.5], ["gu", 1.5], ["lt", 1.5], ["so", 1.5], ["cy", 1],
];
const OUTCOMES: [string | null, number][] = [
  ["advice-given", 40], ["referral-made", 20], ["crime-recorded", 12], ["emergency-response", 4],
  ["victim-left", 14], ["other", 5], [null, 5],
];
const RISK_GRADES: [string | null, number][] = [["standard", 50], ["medium", 25], ["high", 10], [null, 15]];
const ANSWERED_END: [string, number][] = [["victim-ended", 45], ["officer-ended", 35], ["inactive", 8], ["quick-exit", 7], ["left-quietly", 5]];
const GAVE_UP_END: [string, number][] = [["abandoned", 60], ["victim-ended", 20], ["quick-exit", 10], ["left-quietly", 10]];
/** Shifts by local start hour and length, with how many officers work each per 3,650 chats a year. */
const SHIFTS = [
  { start: 7, hours: 8, officers: 0.4 },
  { start: 15, hours: 8, officers: 0.7 },
  { start: 23, hours: 8, officers: 0.3 },
];

const dayAfter = (day: string, n = 1) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** `chats` chats over the 365 local days ending on `lastDay`, with `officers` officers. */
export function generate(options: { chats: number; officers: number; lastDay: string; zone: Zone; seed?: number }): BenchData {
  const { zone } = options;
  const random = generator(options.seed ?? 2024);
  const from = dayAfter(options.lastDay, -364);
  const days = Array.from({ length: 365 }, (_, i) => dayAfter(from, i));

  // Every local hour of the year, weighted by demand; each chat lands in one by weight.
  const slots: { at: number; weight: number }[] = [];
  for (const day of days) {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    const start = zone.startOfDay(day);
    for (let hour = 0; hour < 24; hour++) slots.push({ at: start + hour * HOUR_MS, weight: BY_WEEKDAY[weekday]! * BY_HOUR[hour]! });
  }
  const cumulative: number[] = [];
  slots.reduce((sum, slot) => (cumulative.push(sum + slot.weight), sum + slot.weight), 0);
  const total = cumulative[cumulative.length - 1]!;
  const slotFor = (r: number) => {
    let [low, high] = [0, cumulative.length - 1];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > r) high = mid;
      else low = mid + 1;
    }
    return slots[low]!;
  };
  const starts = Array.from({ length: options.chats }, () => slotFor(random.next() * total).at + Math.floor(random.next() * HOUR_MS));
  starts.sort((a, b) => a - b);

  const officers = Array.from({ length: options.officers }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return { id: random.id(), email: `bench-officer-${n}@bench.test`, name: `Bench Officer ${n}` };
  });

  const chats: Chat[] = [];
  const queueEvents: BenchData["queueEvents"] = [];
  const event = (conversationId: string, kind: string, at: number, officerId: string | null = null, detail: object | null = null) =>
    queueEvents.push({ id: random.id(), conversationId, kind, at, officerId, detail: detail && JSON.stringify(detail) });
  for (const createdAt of starts) {
    const id = random.id();
    const isReturning = chats.length > 0 && random.next() < 0.275;
    const threadId = isReturning ? chats[Math.floor(random.next() * chats.length)]!.threadId : random.id();
    const language = random.pick(LANGUAGES);
    event(id, "joined", createdAt);
    if (random.next() < 0.1) {
      // Gave up: left the queue before any officer joined.
      const endedAt = createdAt + Math.round(Math.min(60 * MINUTE_MS, Math.max(10_000, random.logNormal(4 * MINUTE_MS, 1))));
      const endReason = random.pick(GAVE_UP_END);
      if (random.next() < 0.5) event(id, "offered", createdAt + Math.floor(random.next() * (endedAt - createdAt)));
      event(id, "abandoned", endedAt, null, { reason: endReason, waitedMs: endedAt - createdAt });
      event(id, "ended", endedAt, null, { reason: endReason });
      chats.push({ id, threadId, createdAt, acceptedAt: null, endedAt, officerId: null, endReason, language, isReturning: isReturning ? 1 : 0, outcome: null, riskGrade: null });
      continue;
    }
    const wait = Math.min(60 * MINUTE_MS, Math.max(5_000, random.logNormal(2.5 * MINUTE_MS, 1.1)));
    const length = Math.min(4 * HOUR_MS, Math.max(2 * MINUTE_MS, random.logNormal(33 * MINUTE_MS, 0.6)));
    const acceptedAt = createdAt + Math.round(wait);
    const endedAt = acceptedAt + Math.round(length);
    const officerId = officers[Math.floor(random.next() * officers.length)]!.id;
    const endReason = random.pick(ANSWERED_END);
    event(id, "offered", Math.max(createdAt, acceptedAt - 2_000 - Math.floor(random.next() * 28_000)));
    event(id, "accepted", acceptedAt, officerId);
    event(id, "ended", endedAt, officerId, { reason: endReason });
    chats.push({
      id, threadId, createdAt, acceptedAt, endedAt, officerId, endReason, language,
      isReturning: isReturning ? 1 : 0,
      outcome: endReason === "quick-exit" && random.next() < 0.5 ? "victim-left" : random.pick(OUTCOMES),
      riskGrade: random.pick(RISK_GRADES),
    });
  }

  // Shifts in rotation through the roster, so nobody works two at once; a break is off and on again.
  const dutyEvents: BenchData["dutyEvents"] = [];
  const duty = (officerId: string, onDuty: 0 | 1, at: number) => dutyEvents.push({ id: random.id(), officerId, onDuty, at });
  const scale = options.chats / 3_650;
  let next = 0;
  for (const day of days) {
    for (const shift of SHIFTS) {
      const start = zone.startOfDay(day) + shift.start * HOUR_MS;
      for (let i = 0; i < Math.max(1, Math.round(shift.officers * scale)); i++) {
        const officer = officers[next++ % officers.length]!;
        const on = start + Math.round((random.next() - 0.5) * 20 * MINUTE_MS);
        const off = start + shift.hours * HOUR_MS + Math.round((random.next() - 0.3) * 30 * MINUTE_MS);
        duty(officer.id, 1, on);
        if (random.next() < 0.6) {
          const away = on + Math.round((0.3 + random.next() * 0.4) * (off - on));
          duty(officer.id, 0, away);
          duty(officer.id, 1, away + Math.round((15 + random.next() * 30) * MINUTE_MS));
        }
        duty(officer.id, 0, off);
      }
    }
  }
  dutyEvents.sort((a, b) => a.at - b.at);
  return { from, to: options.lastDay, officers, chats, queueEvents, dutyEvents };
}

const sqlValue = (value: string | number | null) =>
  value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replaceAll("'", "''")}'`;

/** Multi-row INSERTs of `rowsPerStatement` rows each. */
export function inserts(table: string, columns: string[], rows: (string | number | null)[][], rowsPerStatement = 250): string {
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const values = rows.slice(i, i + rowsPerStatement).map((row) => `(${row.map(sqlValue).join(",")})`);
    statements.push(`INSERT INTO ${table} (${columns.join(",")}) VALUES\n${values.join(",\n")};`);
  }
  return statements.join("\n");
}

/** The data as SQL files' contents, each with `chatsPerPart` chats (the first also has officers and duty). */
export function sqlParts(data: BenchData, chatsPerPart: number): { chats: number; sql: string }[] {
  const now = Date.now();
  const staff =
    inserts("officers", ["id", "email", "display_name", "role", "password_hash", "created_at"],
      data.officers.map((o) => [o.id, o.email, o.name, "officer", "not-a-password-hash", now])) +
    "\n" +
    inserts("duty_events", ["id", "officer_id", "on_duty", "at"], data.dutyEvents.map((e) => [e.id, e.officerId, e.onDuty, e.at]));
  const eventsOf = Map.groupBy(data.queueEvents, (e) => e.conversationId);
  const parts: { chats: number; sql: string }[] = [];
  for (let i = 0; i < data.chats.length; i += chatsPerPart) {
    const chats = data.chats.slice(i, i + chatsPerPart);
    const conversations = inserts(
      "conversations",
      ["id", "status", "created_at", "accepted_at", "ended_at", "officer_id", "end_reason", "victim_language", "thread_id", "is_returning", "outcome", "risk_grade"],
      chats.map((c) => [c.id, "ended", c.createdAt, c.acceptedAt, c.endedAt, c.officerId, c.endReason, c.language, c.threadId, c.isReturning, c.outcome, c.riskGrade]),
    );
    const events = inserts(
      "queue_events",
      ["id", "conversation_id", "kind", "at", "officer_id", "detail"],
      chats.flatMap((c) => eventsOf.get(c.id)!.map((e) => [e.id, e.conversationId, e.kind, e.at, e.officerId, e.detail])),
    );
    parts.push({ chats: chats.length, sql: `${i === 0 ? `${staff}\n` : ""}${conversations}\n${events}` });
  }
  return parts;
}
