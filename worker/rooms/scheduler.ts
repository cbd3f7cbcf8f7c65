/**
 * Scheduled work for a Durable Object: a SQLite table of named jobs and one alarm, always set
 * to the earliest. Setting a job again moves it (so "remind me 10 minutes after the last
 * message" is one upsert per message); cancelling removes it.
 *
 * **When the alarm fires, the earliest job runs even if the clock has not quite reached it.**
 * A real alarm never fires early, so in production this is the same as "run what is due";
 * in tests `runDurableObjectAlarm` then means "advance to the next job", which makes every
 * timed behaviour deterministic without waiting.
 */
type Row = Record<string, SqlStorageValue>;

export class Scheduler<Job extends string> {
  /** The jobs table, mirrored here: only this class writes it, so reads need no SQL. */
  readonly #jobs = new Map<Job, number>();
  /** What the alarm is set to as far as this instance knows (undefined: unknown, so set it). */
  #armedAt: number | null | undefined;

  constructor(private readonly storage: DurableObjectStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS jobs (
      name   TEXT PRIMARY KEY,
      due_at INTEGER NOT NULL
    )`);
    for (const row of storage.sql.exec<Row>("SELECT name, due_at FROM jobs")) this.#jobs.set(String(row.name) as Job, Number(row.due_at));
  }

  async set(job: Job, dueAt: number): Promise<void> {
    if (this.#jobs.get(job) === dueAt) return;
    this.storage.sql.exec(
      "INSERT INTO jobs (name, due_at) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET due_at = excluded.due_at",
      job,
      dueAt,
    );
    this.#jobs.set(job, dueAt);
    await this.arm();
  }

  /** Sets the job only if it is not already pending. */
  async ensure(job: Job, dueAt: number): Promise<void> {
    if (!this.#jobs.has(job)) await this.set(job, dueAt);
  }

  async cancel(job: Job): Promise<void> {
    if (!this.#jobs.has(job)) return;
    this.storage.sql.exec("DELETE FROM jobs WHERE name = ?", job);
    this.#jobs.delete(job);
    await this.arm();
  }

  async cancelAll(): Promise<void> {
    this.storage.sql.exec("DELETE FROM jobs");
    this.#jobs.clear();
    await this.storage.deleteAlarm();
    this.#armedAt = null;
  }

  dueAt(job: Job): number | null {
    return this.#jobs.get(job) ?? null;
  }

  /**
   * Removes and returns the jobs to run now: everything due by now, or failing that the
   * earliest one (see the note above). The alarm is re-armed for what remains.
   */
  async takeDue(now: number): Promise<Job[]> {
    // The alarm has just fired (or a test ran it): nothing is armed until arm() says so.
    this.#armedAt = undefined;
    const earliest = this.#earliest();
    if (earliest === null) {
      await this.arm();
      return [];
    }
    const cutoff = Math.max(now, earliest);
    const due = [...this.#jobs].filter(([, at]) => at <= cutoff).sort((a, b) => a[1] - b[1]);
    for (const [job] of due) {
      this.storage.sql.exec("DELETE FROM jobs WHERE name = ?", job);
      this.#jobs.delete(job);
    }
    await this.arm();
    return due.map(([job]) => job);
  }

  #earliest(): number | null {
    let earliest: number | null = null;
    for (const at of this.#jobs.values()) if (earliest === null || at < earliest) earliest = at;
    return earliest;
  }

  /** Sets the alarm to the earliest job, only when that has changed. */
  private async arm(): Promise<void> {
    const earliest = this.#earliest();
    if (earliest === this.#armedAt) return;
    if (earliest === null) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(earliest);
    this.#armedAt = earliest;
  }
}
