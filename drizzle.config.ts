import { defineConfig } from "drizzle-kit";

// drizzle-kit 0.x writes flat migrations/NNNN_name.sql, which both `wrangler d1 migrations
// apply` and the test plugin's readD1Migrations read. Do not move to drizzle-kit 1.x beta.
export default defineConfig({
  dialect: "sqlite",
  schema: "./worker/db/schema.ts",
  out: "./migrations",
});
