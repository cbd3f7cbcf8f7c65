/**
 * The Worker's only way to write to the log (Workers Logs in production, the terminal locally).
 *
 * **A log line is an event name from the list below plus a few fields that are ids, counts and
 * an error's class, never free text.** Workers Logs is kept by Cloudflare and read by whoever
 * runs the service; a victim's words, address or token must never reach it. Error messages are
 * free text that other code fills in: a drizzle query error quotes the query's parameters (a
 * message's text among them), a translation provider may echo what it was given. So an error is
 * logged only as its class and, where it carries one, a machine code (`D1_ERROR`, a
 * TranslationError's `kind`); the event name says where it happened.
 *
 * Each line is one object, which Workers Logs indexes field by field, so `event` can be queried
 * (docs/operations.md lists the events and what to watch).
 */

/** Every event the Worker logs. A new line in the log starts as a new name here. */
export type LogEvent =
  | "api.unhandled-error"
  | "connect.failed"
  | "dispatcher.frame-failed"
  | "dispatcher.assign-failed"
  | "dispatcher.return-failed"
  | "queue-events.copy-failed"
  | "conversation.flush-failed"
  | "conversation.reschedule-failed"
  | "conversation.forget-failed"
  | "assist.drafted"
  | "assist.failed"
  | "conversation.risk-raise-failed"
  | "conversation.end-copy-failed"
  | "staff-check.failed"
  | "conversation.seal-failed"
  | "conversation.seal-conflict"
  | "supervision.watch-failed"
  | "scheduler.job-failed"
  | "translation.failed"
  | "translation.queue-failed"
  | "translation.model-failed"
  | "rate-limit.refused"
  | "rate-limit.unavailable"
  | "turnstile.unavailable"
  | "retention.finished"
  | "retention.delete-failed"
  | "health.d1-unreachable"
  | "pages.public-files-missing";

/** What may go with an event: identifiers the service made, counts, and names from its own code. */
export interface LogFields {
  conversationId?: string;
  officerId?: string;
  /** A message's number within its conversation. */
  seq?: number;
  /** Which Durable Object class, rate limit, frame type or route pattern: names from our code. */
  room?: "Conversation" | "Dispatcher";
  limit?: string;
  frame?: string;
  /** A scheduled job's name (rooms/scheduler.ts) and how often it has been started. */
  job?: string;
  attempts?: number;
  method?: string;
  route?: string;
  erased?: number;
  failed?: number;
  count?: number;
  /** The error, reduced to its class and code (see errorFacts); never its message. */
  error?: unknown;
}

type Level = "info" | "warn" | "error";

/**
 * Identifiers, names and route patterns: letters, digits and a little punctuation, no spaces.
 * Anything else in a string field is withheld rather than logged, so a caller that passes the
 * wrong thing by mistake still cannot put a sentence in the log.
 */
const SAFE_STRING = /^[A-Za-z0-9_.:/-]{1,100}$/;
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,60}$/;
/** Machine codes that platform errors put at the start of their message (D1, SQLite). */
const CODE_IN_MESSAGE = /\b(?:D1|SQLITE)_[A-Z_]{2,40}\b/g;
const WITHHELD = "(withheld)";

interface ErrorFacts {
  name: string;
  code?: string;
  cause?: ErrorFacts;
}

/** An error as the log may show it: its class, a machine code if it has one, and the same for its cause. */
export function errorFacts(error: unknown, depth = 0): ErrorFacts {
  if (!(error instanceof Error)) return { name: typeof error };
  // The class says more than `name`, which subclasses often leave as "Error".
  const className = error.constructor.name;
  const name = className && className !== "Error" ? className : error.name;
  const facts: ErrorFacts = { name: SAFE_NAME.test(name) ? name : "Error" };
  const own = error as Error & { code?: unknown; kind?: unknown };
  const codes = [own.code, own.kind]
    .filter((value): value is string | number => typeof value === "string" || typeof value === "number")
    .map(String)
    .filter((value) => SAFE_STRING.test(value));
  codes.push(...new Set(error.message.match(CODE_IN_MESSAGE) ?? []));
  if (codes.length > 0) facts.code = codes.join(" ");
  if (error.cause !== undefined && depth < 2) facts.cause = errorFacts(error.cause, depth + 1);
  return facts;
}

function line(level: Level, event: LogEvent, fields: LogFields): Record<string, unknown> {
  const out: Record<string, unknown> = { event, level };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === "error") out.error = errorFacts(value);
    else if (typeof value === "number") out[key] = Number.isFinite(value) ? value : null;
    else if (typeof value === "string") out[key] = SAFE_STRING.test(value) ? value : WITHHELD;
    else out[key] = WITHHELD;
  }
  return out;
}

export const log = {
  /** Something the service did that an operator may count (a refusal, a finished sweep). */
  info(event: LogEvent, fields: LogFields = {}): void {
    console.log(line("info", event, fields));
  },
  /** Something failed and will be retried, or was let through on purpose. */
  warn(event: LogEvent, fields: LogFields = {}): void {
    console.warn(line("warn", event, fields));
  },
  /** Something failed that someone should look at. */
  error(event: LogEvent, fields: LogFields = {}): void {
    console.error(line("error", event, fields));
  },
};
