/**
 * End-to-end tests: real Chromium (Debian's, driven by playwright-core) against a real
 * `wrangler dev --local` started fresh, with its own empty state, for this run.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
