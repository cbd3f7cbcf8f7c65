/**
 * Schema versions for a Durable Object's own SQLite. A deployed object keeps its storage
 * forever, so `CREATE TABLE IF NOT EXISTS` alone would leave old objects on an old schema:
 * each change is a new step appended to the list, applied once, in order, and recorded.
 * Never edit or reorder a step that has shipped; add another.
 */
export function migrate(storage: DurableObjectStorage, name: string, steps: readonly string[]): void {
  const sql = storage.sql;
  sql.exec("CREATE TABLE IF NOT EXISTS _schema (name TEXT PRIMARY KEY, version INTEGER NOT NULL)");
  const row = sql.exec<{ version: number }>("SELECT version FROM _schema WHERE name = ?", name).toArray()[0];
  const current = row?.version ?? 0;
  for (let version = current; version < steps.length; version++) {
    // A step and its record commit together, or not at all: a failed step is tried whole next time.
    storage.transactionSync(() => {
      sql.exec(steps[version]!);
      sql.exec(
        "INSERT INTO _schema (name, version) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version",
        name,
        version + 1,
      );
    });
  }
}
