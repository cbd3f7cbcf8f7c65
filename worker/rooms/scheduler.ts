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
  constructor(private readonly storage: DurableObjectStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS jobs (
      name   TEXT PRIMARY KEY,
      due_at INTEGER NOT NULL
    )`);
  }

  async set(job: Job, dueAt: number): Promise<void> {
    this.storage.sql.exec(
      "INSERT INTO jobs (name, due_at) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET due_at = excluded.due_at",
      job,
      dueAt,
    );
    await this.arm();
  }

  /** Sets the job only if it is not already pending. */
  async ensure(job: Job, dueAt: number): Promise<void> {
    if (this.dueAt(job) === null) await this.set(job, dueAt);
  }

  async cancel(job: Job): Promise<void> {
    this.storage.sql.exec("DELETE FROM jobs WHERE name = ?", job);
    await this.arm();
  }

  async cancelAll(): Promise<void> {
    this.storage.sql.exec("DELETE FROM jobs");
    await this.storage.deleteAlarm();
  }

  dueAt(job: Job): number | null {
    const row = this.storage.sql.exec<Row>("SELECT due_at FROM jobs WHERE name = ?", job).toArray()[0];
    return row ? Number(row.due_at) : null;
  }

  /**
   * Removes and returns the jobs to run now: everything due by now, or failing that the
   * earliest one (see the note above). The alarm is re-armed for what remains.
   */
  async takeDue(now: number): Promise<Job[]> {
    const earliest = this.storage.sql.exec<Row>("SELECT MIN(due_at) AS due FROM jobs").one().due;
    if (earliest === null) return [];
    const cutoff = Math.max(now, Number(earliest));
    const due = this.storage.sql
      .exec<Row>("DELETE FROM jobs WHERE due_at <= ? RETURNING name, due_at", cutoff)
      .toArray()
      .sort((a, b) => Number(a.due_at) - Number(b.due_at))
      .map((row) => String(row.name) as Job);
    await this.arm();
    return due;
  }

  private async arm(): Promise<void> {
    const earliest = this.storage.sql.exec<Row>("SELECT MIN(due_at) AS due FROM jobs").one().due;
    if (earliest === null) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(Number(earliest));
  }
}
