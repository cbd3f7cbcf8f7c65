/**
 * Time, moved by the test. The Worker and its Durable Objects run in the test's own isolate, so
 * faking `Date` here is the clock they read too (setTimeout and the like stay real). Only Vitest
 * can do this: nothing in the Worker can move its own clock, so it cannot be switched on in
 * production. A job then runs when the test has moved the clock to its time and runs the alarm,
 * never earlier (worker/rooms/scheduler.ts).
 *
 * The clock stands still while faked; a file that moves it calls `restoreClock` after each test.
 * Alarms are set by the real clock: one set for a moved time is in the real future and waits
 * for the test to run it (runDurableObjectAlarm), which is what makes these tests deterministic.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { vi } from "vitest";

/** Sets the clock to `at` (never backwards), faking it from now on. */
export function setClock(at: number): void {
  const now = Date.now();
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Math.max(now, at));
}

/** Moves the clock forward by `ms`. */
export function advanceTime(ms: number): void {
  setClock(Date.now() + ms);
}

/**
 * Moves the clock a few minutes ahead, so that alarms set from now on are in the real future:
 * they run when the test runs them, not by themselves. Few enough minutes that officers'
 * sessions (30 idle minutes) and what else counts time stay as they were.
 */
export function holdAlarms(): void {
  advanceTime(5 * 60_000);
}

/** Back to the real clock. */
export function restoreClock(): void {
  vi.useRealTimers();
}

/** When the object's alarm is set for, or null. */
export function alarmOf(stub: DurableObjectStub): Promise<number | null> {
  return runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
}

/**
 * Moves the clock to the object's alarm (its earliest job), if that is later, and runs it, as
 * the platform would when that time came. False when no alarm is set.
 */
export async function runNextAlarm(stub: DurableObjectStub): Promise<boolean> {
  const at = await alarmOf(stub);
  if (at === null) return false;
  setClock(at);
  return runDurableObjectAlarm(stub);
}
