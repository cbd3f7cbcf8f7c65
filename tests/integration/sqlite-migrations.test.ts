import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { migrate } from "../../worker/rooms/sqlite-migrations";

describe("Durable Object schema steps", () => {
  it("apply once each, in order, and bring an object made by an older version up to date", async () => {
    const stub = env.Conversation.getByName("schema-steps-test");
    await runInDurableObject(stub, (_instance, state) => {
      const sql = state.storage.sql;
      const v1 = ["CREATE TABLE things (id INTEGER PRIMARY KEY)"];
      migrate(state.storage, "things", v1);
      migrate(state.storage, "things", v1);
      sql.exec("INSERT INTO things (id) VALUES (1)");

      const v2 = [...v1, "ALTER TABLE things ADD COLUMN label TEXT NOT NULL DEFAULT 'none'"];
      migrate(state.storage, "things", v2);
      migrate(state.storage, "things", v2);
      expect(sql.exec("SELECT id, label FROM things").toArray()).toEqual([{ id: 1, label: "none" }]);
      expect(sql.exec("SELECT version FROM _schema WHERE name = 'things'").one()).toEqual({ version: 2 });
    });
  });

  it("roll a failed step back whole, so it can be tried again", async () => {
    const stub = env.Conversation.getByName("schema-steps-failure-test");
    await runInDurableObject(stub, (_instance, state) => {
      const broken = ["CREATE TABLE a (id INTEGER); CREATE TABLE b (id INTEGER); CREATE TABLE a (id INTEGER)"];
      expect(() => migrate(state.storage, "broken", broken)).toThrow();
      const tables = state.storage.sql.exec("SELECT name FROM sqlite_master WHERE name IN ('a', 'b')").toArray();
      expect(tables).toEqual([]);
      migrate(state.storage, "broken", ["CREATE TABLE a (id INTEGER); CREATE TABLE b (id INTEGER)"]);
      expect(state.storage.sql.exec("SELECT version FROM _schema WHERE name = 'broken'").one()).toEqual({ version: 1 });
    });
  });
});
