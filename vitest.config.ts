/**
 * Unit and integration tests, run inside workerd with the real Durable Objects, D1 and R2
 * from wrangler.toml. Workers AI is remote, so remote bindings are off: tests that need it
 * replace it explicitly. End-to-end tests have their own config in tests/e2e/.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";

/**
 * The rate limits in force in these tests: wrangler.toml's, except new messages per side of a
 * chat (counted by the Conversation, MESSAGES_PER_10_SECONDS). The delivery stress tests send
 * 250 messages in a couple of seconds, far beyond any person, so here that limit is raised;
 * tests/integration/abuse.test.ts reaches each limit in force.
 */
const MESSAGE_LIMIT_IN_TESTS = 300;
const ratelimits = Object.fromEntries(
  unstable_readConfig({ config: "./wrangler.toml" }).ratelimits.map(({ name, namespace_id, simple }) => [name, { namespace_id, simple }]),
);
const limitsInForce = {
  ...Object.fromEntries(Object.entries(ratelimits).map(([name, { simple }]) => [name, simple])),
  MESSAGE_LIMIT: { limit: MESSAGE_LIMIT_IN_TESTS, period: 10 },
};

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        remoteBindings: false,
        miniflare: {
          ratelimits,
          bindings: {
            TEST_LIMITS: JSON.stringify(limitsInForce),
            MESSAGES_PER_10_SECONDS: String(MESSAGE_LIMIT_IN_TESTS),
            TEST_MIGRATIONS: migrations,
            // A LibreTranslate-speaking server started by tests/support/global-libretranslate.ts.
            TEST_LIBRETRANSLATE_URL: inject("libreTranslateUrl"),
            // A Siteverify speaking for Cloudflare's test secrets (tests/support/global-siteverify.ts).
            // The Worker only ever uses it with a test secret; tests/integration/abuse.test.ts sets one.
            TEST_SITEVERIFY_URL: inject("siteverifyUrl"),
            // Keyed hashes of callers' sources (worker/abuse/source.ts): a test-only key.
            SOURCE_KEY: "test-only-source-key-never-used-in-production",
            // Short, so tests of a hanging provider finish quickly.
            TRANSLATION_TIMEOUT_MS: "400",
            // The two hostnames (worker/hosts.ts), as tests/integration/harness.ts calls them.
            PUBLIC_HOSTNAME: "quietline.test",
            STAFF_HOSTNAME: "console.quietline.test",
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
      setupFiles: ["./tests/setup/apply-migrations.ts", "./tests/setup/preload-lazy-modules.ts"],
      globalSetup: ["./tests/support/global-libretranslate.ts", "./tests/support/global-siteverify.ts"],
      testTimeout: 15_000,
    },
  };
});
