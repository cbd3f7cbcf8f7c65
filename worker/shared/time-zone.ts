/**
 * The service's own time zone (SERVICE_TIME_ZONE, default Europe/London), so "by hour of day"
 * and "a day" mean what the people staffing the service mean, summer time included: in the
 * dashboard's reports and in the dates Records and the audit log are searched by.
 */
import { DEFAULT_SERVICE_TIME_ZONE as DEFAULT_TIME_ZONE } from "./service-time.ts";

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  hour: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

const zones = new Map<string, Zone>();
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOUR_MS = 3_600_000;

export class Zone {
  readonly name: string;
  private readonly format: Intl.DateTimeFormat;
  /** Local times by UTC hour: reports ask about the same few thousand hours again and again. */
  private readonly byHour = new Map<number, LocalTime & { offsetMs: number }>();

  constructor(name: string) {
    this.name = name;
    this.format = new Intl.DateTimeFormat("en-GB", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
  }

  /**
   * A zone name the runtime knows, else the default: a typo must not break reports. One Zone per
   * name lives as long as the isolate, so its hour cache serves every request (a year's report
   * converts 8,760 hours; the benchmark showed that cost ~130 ms when redone per request).
   */
  static named(name: string | undefined): Zone {
    const wanted = name || DEFAULT_TIME_ZONE;
    let zone = zones.get(wanted);
    if (!zone) {
      try {
        zone = new Zone(wanted);
      } catch {
        zone = Zone.named(DEFAULT_TIME_ZONE);
      }
      zones.set(wanted, zone);
    }
    return zone;
  }

  /** Local date, hour and weekday of an instant (to the hour: zones here move by whole hours). */
  at(millis: number): LocalTime {
    const { date, hour, weekday } = this.hourInfo(Math.floor(millis / HOUR_MS));
    return { date, hour, weekday };
  }

  /** The instant a local day (YYYY-MM-DD) begins. */
  startOfDay(day: string): number {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    const asUtc = Date.UTC(year, month - 1, date);
    let start = asUtc - this.offsetAt(asUtc);
    // Across a change to or from summer time the offset at the guess may differ: settle it.
    start = asUtc - this.offsetAt(start);
    return start;
  }

  /** The instant the local day after `day` begins: the end of `day`, however long it was. */
  endOfDay(day: string): number {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    return this.startOfDay(new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10));
  }

  /** How far local time is ahead of UTC at this instant. */
  offsetAt(millis: number): number {
    return this.hourInfo(Math.floor(millis / HOUR_MS)).offsetMs;
  }

  private hourInfo(utcHour: number) {
    let info = this.byHour.get(utcHour);
    if (!info) {
      const at = utcHour * HOUR_MS;
      const parts = Object.fromEntries(this.format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
      const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
      info = {
        date: `${parts.year}-${parts.month}-${parts.day}`,
        hour: Number(parts.hour),
        weekday: WEEKDAYS.indexOf(String(parts.weekday)),
        offsetMs: wall - at,
      };
      this.byHour.set(utcHour, info);
    }
    return info;
  }
}
