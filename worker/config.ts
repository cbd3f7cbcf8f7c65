import { DEFAULT_SERVICE_TIME_ZONE, isTimeZone } from "./shared/service-time.ts";

/**
 * Timings a force may tune, from [vars] in wrangler.toml. Every value has a safe default and
 * a bad value falls back to it, so a typo cannot switch a safeguard off.
 */
export interface ConversationTimings {
  /** Quiet time from the victim before they are asked whether they are still there. */
  inactivityPromptMs: number;
  /** Time after that question before the chat closes itself if nobody answers. */
  inactivityCloseMs: number;
  /** How long a participant may be disconnected before the other side is told. */
  presenceGraceMs: number;
  /** How often new messages are copied to D1 and R2 while a chat is live. */
  flushIntervalMs: number;
}

export const DEFAULT_TIMINGS: ConversationTimings = {
  inactivityPromptMs: 10 * 60_000,
  inactivityCloseMs: 5 * 60_000,
  presenceGraceMs: 20_000,
  flushIntervalMs: 60_000,
};

type TimingVars = Partial<
  Record<
    "INACTIVITY_PROMPT_SECONDS" | "INACTIVITY_CLOSE_SECONDS" | "PRESENCE_GRACE_SECONDS" | "FLUSH_INTERVAL_SECONDS",
    string
  >
>;

function seconds(value: string | undefined, fallbackMs: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) && parsed > 0 ? parsed * 1000 : fallbackMs;
}

export function conversationTimings(vars: TimingVars): ConversationTimings {
  return {
    inactivityPromptMs: seconds(vars.INACTIVITY_PROMPT_SECONDS, DEFAULT_TIMINGS.inactivityPromptMs),
    inactivityCloseMs: seconds(vars.INACTIVITY_CLOSE_SECONDS, DEFAULT_TIMINGS.inactivityCloseMs),
    presenceGraceMs: seconds(vars.PRESENCE_GRACE_SECONDS, DEFAULT_TIMINGS.presenceGraceMs),
    flushIntervalMs: seconds(vars.FLUSH_INTERVAL_SECONDS, DEFAULT_TIMINGS.flushIntervalMs),
  };
}

export interface QueueSettings {
  /** Chats an officer may hold at once unless a supervisor sets otherwise. */
  defaultCapacity: number;
  /** How long an officer's console may be gone before their chats go back to the queue. */
  officerGraceMs: number;
  /** How long a waiting victim may be disconnected before their place is given up. */
  waitingAbandonMs: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  defaultCapacity: 3,
  officerGraceMs: 60_000,
  waitingAbandonMs: 5 * 60_000,
};

type QueueVars = Partial<Record<"OFFICER_CAPACITY" | "OFFICER_GRACE_SECONDS" | "WAITING_ABANDON_SECONDS", string>>;

export function queueSettings(vars: QueueVars): QueueSettings {
  const capacity = Number(vars.OFFICER_CAPACITY);
  return {
    defaultCapacity:
      Number.isInteger(capacity) && capacity >= 1 && capacity <= 10 ? capacity : DEFAULT_QUEUE_SETTINGS.defaultCapacity,
    officerGraceMs: seconds(vars.OFFICER_GRACE_SECONDS, DEFAULT_QUEUE_SETTINGS.officerGraceMs),
    waitingAbandonMs: seconds(vars.WAITING_ABANDON_SECONDS, DEFAULT_QUEUE_SETTINGS.waitingAbandonMs),
  };
}

/** How long a resume code works, in days (RESUME_CODE_DAYS; default 90). */
export function resumeCodeDays(vars: { RESUME_CODE_DAYS?: string }): number {
  const days = Number(vars.RESUME_CODE_DAYS);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : 90;
}

export interface RetentionSettings {
  /** Days after a chat ends before its record is deleted, unless linked to a crime or held. */
  retentionDays: number;
  /** How far ahead admins are shown what will be deleted. */
  noticeDays: number;
}

/**
 * RETENTION_DAYS (default 365) and RETENTION_NOTICE_DAYS (default 14). A bad value falls back
 * to the default rather than to something shorter: a typo must never delete records early.
 */
export function retentionSettings(vars: { RETENTION_DAYS?: string; RETENTION_NOTICE_DAYS?: string }): RetentionSettings {
  const days = Number(vars.RETENTION_DAYS);
  const notice = Number(vars.RETENTION_NOTICE_DAYS);
  return {
    retentionDays: Number.isInteger(days) && days >= 1 && days <= 36_500 ? days : 365,
    noticeDays: Number.isInteger(notice) && notice >= 1 && notice <= 365 ? notice : 14,
  };
}

/**
 * SERVICE_TIME_ZONE (IANA, default Europe/London): the zone staff read times in, in the dashboard,
 * the Records pages and transcript PDFs. A name the runtime does not know falls back to the
 * default, so a typo cannot stop a record being sealed.
 */
export function serviceTimeZone(vars: { SERVICE_TIME_ZONE?: string }): string {
  const name = vars.SERVICE_TIME_ZONE?.trim();
  return name && isTimeZone(name) ? name : DEFAULT_SERVICE_TIME_ZONE;
}
