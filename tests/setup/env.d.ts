import type { D1Migration } from "cloudflare:test";

interface TestBindings {
  /** Provided by vitest.config.ts: the migrations in migrations/, applied before each file. */
  TEST_MIGRATIONS: D1Migration[];
}

declare global {
  interface Env extends TestBindings {}
  namespace Cloudflare {
    interface Env extends TestBindings {}
  }
}
