/**
 * What the pages of a test did on the wire, printed only when the test fails: each page's
 * WebSocket frames, sockets opened and closed, failed requests and console errors, with the time
 * since the test began. A rare failure in CI (a message that never arrived) can then be read from
 * the log instead of guessed at. Test data only: the frames carry the tests' own words.
 */
import type { BrowserContext, Page } from "playwright-core";

/** Lines kept for one test: enough for its last few seconds of traffic on every page. */
const MOST_LINES = 400;
const FRAME_CHARS = 240;

export class FlightRecorder {
  #lines: string[] = [];
  #startedAt = Date.now();
  #pages = 0;

  /** A new test begins: what the last one recorded is forgotten. */
  restart(): void {
    this.#lines = [];
    this.#startedAt = Date.now();
  }

  /** Records every page the context opens from now on. */
  watch(context: BrowserContext): void {
    context.on("page", (page) => this.#watchPage(page));
  }

  /** The recording, oldest first, for a failed test's output. */
  dump(): string {
    return [`flight recorder: the last ${this.#lines.length} events of this test's pages`, ...this.#lines].join("\n");
  }

  #note(page: string, event: string): void {
    const seconds = ((Date.now() - this.#startedAt) / 1000).toFixed(3).padStart(8);
    this.#lines.push(`${seconds}s ${page} ${event}`);
    if (this.#lines.length > MOST_LINES) this.#lines.splice(0, this.#lines.length - MOST_LINES);
  }

  #watchPage(page: Page): void {
    const name = `page ${++this.#pages}`;
    const where = () => {
      try {
        const url = new URL(page.url());
        return `${url.host}${url.pathname}`;
      } catch {
        return page.url();
      }
    };
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.#note(name, `at ${where()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") this.#note(name, `console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.#note(name, `page error: ${error.message}`));
    page.on("requestfailed", (request) => this.#note(name, `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? "?"})`));
    page.on("websocket", (socket) => {
      const path = new URL(socket.url()).pathname;
      this.#note(name, `socket open ${path}`);
      const frame = (payload: string | Buffer) => String(payload).slice(0, FRAME_CHARS);
      socket.on("framesent", (f) => this.#note(name, `> ${path} ${frame(f.payload)}`));
      socket.on("framereceived", (f) => this.#note(name, `< ${path} ${frame(f.payload)}`));
      socket.on("socketerror", (error) => this.#note(name, `socket error ${path}: ${error}`));
      socket.on("close", () => this.#note(name, `socket closed ${path}`));
    });
  }
}
