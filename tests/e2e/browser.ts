/** Debian's Chromium, driven by playwright-core. No test downloads a browser of its own. */
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { FlightRecorder } from "./flight-recorder.ts";

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
 * An address in TEST-NET-3 (RFC 5737) for one test file's people. Locally, wrangler dev takes
 * a request's own CF-Connecting-IP as its source (Cloudflare's edge sets it in production), so
 * giving each file its own keeps the files from sharing the per-source limits on starting chats
 * and signing in (wrangler.toml), as people on different connections would not. Within a file,
 * everyone still shares one connection, as a household or a refuge does.
 */
function addressForFile(): string {
  return `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
}

/** What the tests use of a browser: new contexts, each from the file's own address. */
export interface FileBrowser {
  newContext: Browser["newContext"];
}

/**
 * One Chromium for a test file: launched before its tests, closed after them. Returns a
 * function that gives the browser (it exists only once the file's tests have begun). Every
 * context it opens comes from `address` (by default one chosen for this file).
 */
export function browserForFile(address = addressForFile()): () => FileBrowser {
  let browser: Browser | undefined;
  // Every page's traffic, printed when a test fails (flight-recorder.ts).
  const recorder = new FlightRecorder();
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(({ onTestFailed }) => {
    recorder.restart();
    onTestFailed(() => console.log(recorder.dump()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const fromAddress: FileBrowser = {
    newContext: async (options = {}) => {
      if (!browser) throw new Error("the browser is started in beforeAll");
      const context = await browser.newContext({ ...options, extraHTTPHeaders: { "CF-Connecting-IP": address, ...options.extraHTTPHeaders } });
      recorder.watch(context);
      return context;
    },
  };
  return () => {
    if (!browser) throw new Error("the browser is started in beforeAll");
    return fromAddress;
  };
}
