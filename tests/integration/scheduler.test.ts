/**
 * The scheduler every Durable Object keeps its timed jobs in (worker/rooms/scheduler.ts), on a
 * real object's storage: a job runs at its time and never before, a failing job is retried
 * later without stopping or hurrying the others, and a job cut off halfway (the object evicted)
 * is still there to run again.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { retryDelay, Scheduler } from "../../worker/rooms/scheduler";

type Job = "a" | "b" | "c";

/** Runs `test` on the storage of a fresh object, as a Durable Object's own code would. */
function onFreshObject(name: string, test: (storage: DurableObjectStorage) => Promise<void>): Promise<void> {
  return runInDurableObject(env.Conversation.getByName(`scheduler-${name}`), (_instance, state) => test(state.storage));
}

const T = Date.UTC(2030, 0, 1);

describe("the scheduler", () => {
  it("runs nothing before its time, however often the alarm fires", async () => {
    await onFreshObject("early", async (storage) => {
      const scheduler = new Scheduler<Job>(storage);
      await scheduler.set("a", T + 60_000);
      await scheduler.set("b", T + 120_000);
      const ran: Job[] = [];
      const run = async (job: Job) => void ran.push(job);

      for (let i = 0; i < 3; i++) await scheduler.runDue(T, run);
      await scheduler.runDue(T + 59_999, run);
      expect(ran).toEqual([]);
      expect(await storage.getAlarm()).toBe(T + 60_000);

      await scheduler.runDue(T + 60_000, run);
      expect(ran).toEqual(["a"]);
      expect(await storage.getAlarm()).toBe(T + 120_000);
      await scheduler.runDue(T + 200_000, run);
      expect(ran).toEqual(["a", "b"]);
      expect(await storage.getAlarm()).toBeNull();
    });
  });

  it("keeps running the other jobs due when one throws, and retries that one later, waiting longer each time", async () => {
    await onFreshObject("failing", async (storage) => {
      vi.spyOn(console, "error").mockImplementation(() => undefined);
      const scheduler = new Scheduler<Job>(storage);
      await scheduler.set("a", T);
      await scheduler.set("b", T);
      await scheduler.set("c", T + 600_000);
      const ran: Job[] = [];
      let failures = 2;
      const run = async (job: Job) => {
        if (job === "a" && failures-- > 0) throw new Error("R2 is unavailable");
        ran.push(job);
      };

      await scheduler.runDue(T, run);
      expect(ran).toEqual(["b"]);
      expect(scheduler.dueAt("a")).toBe(T + retryDelay(0));
      expect(scheduler.dueAt("c")).toBe(T + 600_000);
      expect(await storage.getAlarm()).toBe(T + retryDelay(0));

      // The alarm again at once, as the platform retries a failed handler: nothing is due.
      await scheduler.runDue(T + 1, run);
      expect(ran).toEqual(["b"]);

      const second = T + retryDelay(0);
      await scheduler.runDue(second, run);
      expect(scheduler.dueAt("a")).toBe(second + retryDelay(1));
      expect(retryDelay(1)).toBeGreaterThan(retryDelay(0));

      await scheduler.runDue(second + retryDelay(1), run);
      expect(ran).toEqual(["b", "a"]);
      expect(scheduler.dueAt("a")).toBeNull();
      expect(scheduler.dueAt("c")).toBe(T + 600_000);
      expect(await storage.getAlarm()).toBe(T + 600_000);
      vi.restoreAllMocks();
    });
  });

  it("still has a job whose run was cut off, and runs it again when its retry is due", async () => {
    await onFreshObject("evicted", async (storage) => {
      const before = new Scheduler<Job>(storage);
      await before.set("a", T);
      // The run never finishes: the object is evicted while it waits.
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      void before.runDue(T, () => {
        started();
        return new Promise<void>(() => undefined);
      });
      await running;

      // What the object finds when it comes back: only its storage.
      const after = new Scheduler<Job>(storage);
      expect(after.dueAt("a")).toBe(T + retryDelay(0));
      expect(await storage.getAlarm()).toBe(T + retryDelay(0));
      const ran: Job[] = [];
      await after.runDue(T + retryDelay(0), async (job) => void ran.push(job));
      expect(ran).toEqual(["a"]);
      expect(after.dueAt("a")).toBeNull();
    });
  });

  it("keeps the new time of a job that sets itself again while it runs", async () => {
    await onFreshObject("again", async (storage) => {
      const scheduler = new Scheduler<Job>(storage);
      await scheduler.set("a", T);
      await scheduler.runDue(T, () => scheduler.set("a", T + 30_000));
      expect(scheduler.dueAt("a")).toBe(T + 30_000);
      expect(await storage.getAlarm()).toBe(T + 30_000);
    });
  });
});
