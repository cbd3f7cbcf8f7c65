/** Debian's Chromium, driven by playwright-core. No test downloads a browser of its own. */
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // The local server listens on 127.0.0.1 for both hostnames (tests/e2e/local-server.ts);
      // Chromium would also try ::1 for *.localhost first.
      "--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1",
    ],
  });
}

/**
 * One Chromium for a test file: launched before its tests, closed after them. Returns a
 * function that gives the browser (it exists only once the file's tests have begun).
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is started in beforeAll");
    return browser;
  };
}
