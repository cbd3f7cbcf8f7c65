/**
 * Unit and integration tests, run inside workerd with the real Durable Objects, D1 and R2
 * from wrangler.toml. Workers AI is remote, so remote bindings are off: tests that need it
 * replace it explicitly. End-to-end tests have their own config in tests/e2e/.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        remoteBindings: false,
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            // A LibreTranslate-speaking server started by tests/support/global-libretranslate.ts.
            TEST_LIBRETRANSLATE_URL: inject("libreTranslateUrl"),
            // Short, so tests of a hanging provider finish quickly.
            TRANSLATION_TIMEOUT_MS: "400",
          },
        },
      })),
    ],
    // The app's client-side delivery code (app/lib/chat/ledger.ts) is tested here too.
    resolve: {
      alias: {
        $shared: fileURLToPath(new URL("./worker/shared", import.meta.url)),
        $lib: fileURLToPath(new URL("./app/lib", import.meta.url)),
      },
    },
    test: {
      include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
      setupFiles: ["./tests/setup/apply-migrations.ts"],
      globalSetup: ["./tests/support/global-libretranslate.ts"],
      testTimeout: 15_000,
    },
  };
});
