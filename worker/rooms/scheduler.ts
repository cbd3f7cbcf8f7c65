/**
 * Scheduled work for a Durable Object: a SQLite table of named jobs and one alarm, always set
 * to the earliest. Setting a job again moves it (so "remind me 10 minutes after the last
 * message" is one upsert per message); cancelling removes it.
 *
 * - **A job runs only once it is due.** An alarm that fires early (a retried alarm, or a test
 *   running it by hand) runs nothing and sets the alarm again. Tests move the clock instead
 *   (tests/integration/clock.ts).
 * - **A job is removed only once it has run.** While it runs its row stays, moved to when it
 *   would be tried again; so a job whose object is evicted halfway, that hangs, or that throws,
 *   runs again then, waiting longer after each failure (never giving up). Jobs must therefore
 *   be safe to run twice (sealing and copying are). A job that sets itself again while it runs
 *   keeps the new time.
 * - **One job's failure is its own.** It is logged and retried; the other jobs due run as
 *   usual and keep their times, and the alarm handler itself does not fail (a failed handler
 *   is retried by the platform, sooner than the jobs' own times).
 */
import { log } from "../log";
import { migrate } from "./sqlite-migrations";

type Row = Record<string, SqlStorageValue>;

/** The first retry of a failed (or interrupted) job, doubling after each failure up to the most. */
const FIRST_RETRY_MS = 5_000;
const MOST_RETRY_MS = 10 * 60_000;

/** How long after the `attempts`-th failure (0 for none yet) a job is tried again. */
export function retryDelay(attempts: number): number {
  return Math.min(MOST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts, 20));
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS jobs (
    name   TEXT PRIMARY KEY,
    due_at INTEGER NOT NULL
  )`,
  // Times the job has been started without finishing: how long its next retry waits.
  `ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0`,
];

/** One job's row; replaced whole whenever it changes, so "is it still the one I ran" is identity. */
interface Pending {
  dueAt: number;
  attempts: number;
}

export class Scheduler<Job extends string> {
  /** The jobs table, mirrored here: only this class writes it, so reads need no SQL. */
  readonly #jobs = new Map<Job, Pending>();
  /** What the alarm is set to as far as this instance knows (undefined: unknown, so set it). */
  #armedAt: number | null | undefined;
  /** The object's storage is being erased: nothing more is written. */
  #closed = false;

  constructor(private readonly storage: DurableObjectStorage) {
    migrate(storage, "jobs", SCHEMA);
    for (const row of storage.sql.exec<Row>("SELECT name, due_at, attempts FROM jobs")) {
      this.#jobs.set(String(row.name) as Job, { dueAt: Number(row.due_at), attempts: Number(row.attempts) });
    }
  }

  async set(job: Job, dueAt: number): Promise<void> {
    const current = this.#jobs.get(job);
    if (current?.dueAt === dueAt && current.attempts === 0) return;
    this.#write(job, { dueAt, attempts: 0 });
    await this.arm();
  }

  /** Sets the job only if it is not already pending. */
  async ensure(job: Job, dueAt: number): Promise<void> {
    if (!this.#jobs.has(job)) await this.set(job, dueAt);
  }

  async cancel(job: Job): Promise<void> {
    if (!this.#jobs.has(job)) return;
    this.#remove(job);
    await this.arm();
  }

  async cancelAll(): Promise<void> {
    if (this.#closed) return;
    this.storage.sql.exec("DELETE FROM jobs");
    this.#jobs.clear();
    await this.storage.deleteAlarm();
    this.#armedAt = null;
  }

  dueAt(job: Job): number | null {
    return this.#jobs.get(job)?.dueAt ?? null;
  }

  /**
   * The alarm has fired: runs every job due by `now`, earliest first, each to its end before the
   * next, and sets the alarm for what remains. Jobs not yet due are left alone.
   */
  async runDue(now: number, run: (job: Job) => Promise<void>): Promise<void> {
    // The alarm has just fired (or a test ran it): nothing is armed until arm() says so.
    this.#armedAt = undefined;
    const due = [...this.#jobs]
      .filter(([, { dueAt }]) => dueAt <= now)
      .sort((a, b) => a[1].dueAt - b[1].dueAt);
    // Each is first moved to when it would be retried, and the alarm with it: an object evicted
    // while a job runs still has the job, and its alarm, when it comes back.
    const leases = new Map<Job, Pending>();
    for (const [job, { attempts }] of due) {
      const lease = { dueAt: now + retryDelay(attempts), attempts: attempts + 1 };
      this.#write(job, lease);
      leases.set(job, lease);
    }
    await this.arm();
    for (const [job, lease] of leases) {
      // An earlier job may have cancelled or moved this one (ending a chat cancels the rest).
      if (this.#closed) return;
      if (this.#jobs.get(job) !== lease) continue;
      let done = false;
      try {
        await run(job);
        done = true;
      } catch (error) {
        log.error("scheduler.job-failed", { job, attempts: lease.attempts, error });
      }
      if (this.#closed) return;
      // Finished and not set again while it ran: done. Failed: the lease is its retry.
      if (done && this.#jobs.get(job) === lease) this.#remove(job);
    }
    await this.arm();
  }

  /** The object's storage is about to be erased: this scheduler writes nothing from now on. */
  close(): void {
    this.#closed = true;
    this.#jobs.clear();
  }

  #write(job: Job, pending: Pending): void {
    if (this.#closed) return;
    this.storage.sql.exec(
      `INSERT INTO jobs (name, due_at, attempts) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET due_at = excluded.due_at, attempts = excluded.attempts`,
      job,
      pending.dueAt,
      pending.attempts,
    );
    this.#jobs.set(job, pending);
  }

  #remove(job: Job): void {
    if (this.#closed) return;
    this.storage.sql.exec("DELETE FROM jobs WHERE name = ?", job);
    this.#jobs.delete(job);
  }

  #earliest(): number | null {
    let earliest: number | null = null;
    for (const { dueAt } of this.#jobs.values()) if (earliest === null || dueAt < earliest) earliest = dueAt;
    return earliest;
  }

  /** Sets the alarm to the earliest job, only when that has changed. */
  private async arm(): Promise<void> {
    if (this.#closed) return;
    const earliest = this.#earliest();
    if (earliest === this.#armedAt) return;
    if (earliest === null) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(earliest);
    this.#armedAt = earliest;
  }
}
