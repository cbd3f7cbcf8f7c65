/**
 * Tests of the Node-side admin scripts (scripts/): plain Node, no workerd and no browser, and no
 * Cloudflare account. `npm run test:node`.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/node/**/*.test.ts"],
  },
});
