/**
 * The service dashboard (/api/analytics): figures for a period and the live picture. Counts and
 * times only: nothing here identifies a victim.
 */
import { z } from "zod/mini";

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Give dates as YYYY-MM-DD."));
export const DashboardQuery = z.object({ from: Day, to: Day });

const Distribution = z.object({
  count: z.int(),
  meanMs: z.nullable(z.number()),
  medianMs: z.nullable(z.number()),
  p90Ms: z.nullable(z.number()),
});

export const Dashboard = z.object({
  /** Inclusive local days in the service's time zone. */
  period: z.object({ from: Day, to: Day, days: z.int(), timeZone: z.string() }),
  started: z.int(),
  newUsers: z.int(),
  returningUsers: z.int(),
  /** Chats an officer joined. */
  answered: z.int(),
  /** Chats that ended before any officer joined. */
  gaveUpWaiting: z.int(),
  quickExits: z.int(),
  /** From starting to the first officer joining. */
  wait: Distribution,
  /** From the first officer joining to the end. */
  length: Distribution,
  byDay: z.array(z.object({ date: Day, started: z.int() })),
  byHour: z.array(
    z.object({ hour: z.int(), started: z.int(), startedPerDay: z.number(), officersOnDuty: z.number() }),
  ),
  /** 0 = Monday … 6 = Sunday. */
  byWeekday: z.array(z.object({ weekday: z.int(), started: z.int() })),
  byLanguage: z.array(z.object({ language: z.nullable(z.string()), chats: z.int() })),
  outcomes: z.array(z.object({ outcome: z.nullable(z.string()), chats: z.int() })),
  riskGrades: z.array(z.object({ grade: z.nullable(z.string()), chats: z.int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const LiveFigures = z.object({
  at: z.int(),
  waiting: z.int(),
  /** How long the chat waiting longest has waited, in ms; null when nobody waits. */
  longestWaitMs: z.nullable(z.int()),
  active: z.int(),
  /** On the console and Available with room for another chat. */
  officersAvailable: z.int(),
  /** On the console and not Away. */
  officersOnDuty: z.int(),
});
export type LiveFigures = z.infer<typeof LiveFigures>;
