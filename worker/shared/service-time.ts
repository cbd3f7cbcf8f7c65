/**
 * Times for people: in the service's own time zone (SERVICE_TIME_ZONE, read by worker/config.ts),
 * always with the offset from UTC, so "14:05 GMT+1" means one moment to anyone who reads it, in
 * the Records pages and in a sealed transcript's PDF alike. The platform's time-zone data does
 * the work (Intl with `timeZone`): summer time is never worked out by hand.
 */
export const DEFAULT_SERVICE_TIME_ZONE = "Europe/London";

/** Whether the runtime knows `name` as a time zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone} ${seconds}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      ...(seconds ? { second: "2-digit" } : {}),
      hourCycle: "h23",
      timeZoneName: "shortOffset",
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * "28 Nov 2026 14:05 GMT+1" (or with seconds, "14:05:09 GMT+1"); UTC itself is "GMT+0", since
 * some versions of the time-zone data say only "GMT" and the offset should always be there to
 * read. Accepts epoch milliseconds or an ISO string; anything that is not a time comes back as
 * it was given, and an unknown zone falls back to the default rather than failing a page or a seal.
 */
export function serviceTime(time: number | string, timeZone: string, options: { seconds?: boolean } = {}): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return String(time);
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_SERVICE_TIME_ZONE;
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of formatFor(zone, options.seconds ?? false).formatToParts(date)) part[type] = value;
  const clock = `${part.hour}:${part.minute}${options.seconds ? `:${part.second}` : ""}`;
  const offset = part.timeZoneName === "GMT" || part.timeZoneName === "UTC" ? "GMT+0" : part.timeZoneName;
  return `${part.day} ${part.month} ${part.year} ${clock} ${offset}`;
}
