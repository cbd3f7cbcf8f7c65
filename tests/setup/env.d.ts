import type { D1Migration } from "cloudflare:test";

interface TestBindings {
  /** Provided by vitest.config.ts: the migrations in migrations/, applied before each file. */
  TEST_MIGRATIONS: D1Migration[];
  /** A LibreTranslate-speaking server on this machine, for the HTTP provider's tests. */
  TEST_LIBRETRANSLATE_URL: string;
  TRANSLATION_TIMEOUT_MS: string;
}

declare global {
  interface Env extends TestBindings {}
  namespace Cloudflare {
    interface Env extends TestBindings {}
  }
}
