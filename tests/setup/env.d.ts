import type { D1Migration } from "cloudflare:test";

interface TestBindings {
  /** Provided by vitest.config.ts: the migrations in migrations/, applied before each file. */
  TEST_MIGRATIONS: D1Migration[];
  /** A LibreTranslate-speaking server on this machine, for the HTTP provider's tests. */
  TEST_LIBRETRANSLATE_URL: string;
  TRANSLATION_TIMEOUT_MS: string;
  /** The rate limits in force, by binding name, as JSON: `{ limit, period }` (see vitest.config.ts). */
  TEST_LIMITS: string;
  /** A Siteverify answering for Cloudflare's Turnstile test secrets. */
  TEST_SITEVERIFY_URL: string;
}

declare global {
  interface Env extends TestBindings {}
  namespace Cloudflare {
    interface Env extends TestBindings {}
  }
}
