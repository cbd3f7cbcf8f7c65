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
      migrate(sql, "things", v1);
      migrate(sql, "things", v1);
      sql.exec("INSERT INTO things (id) VALUES (1)");

      const v2 = [...v1, "ALTER TABLE things ADD COLUMN label TEXT NOT NULL DEFAULT 'none'"];
      migrate(sql, "things", v2);
      migrate(sql, "things", v2);
      expect(sql.exec("SELECT id, label FROM things").toArray()).toEqual([{ id: 1, label: "none" }]);
      expect(sql.exec("SELECT version FROM _schema WHERE name = 'things'").one()).toEqual({ version: 2 });
    });
  });
});
