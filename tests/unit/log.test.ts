import { afterEach, describe, expect, it, vi } from "vitest";
import { errorFacts, log } from "../../worker/log";
import { TranslationError } from "../../worker/translation/provider";

afterEach(() => vi.restoreAllMocks());

// Vite's import.meta.glob, typed for this file only (vite/client's types clash with the Worker's *.woff).
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, T>;
  }
}

function logged(write: () => void): Record<string, unknown> {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  write();
  expect(spy).toHaveBeenCalledTimes(1);
  return spy.mock.calls[0]![0] as Record<string, unknown>;
}

describe("the Worker's log lines", () => {
  it("are one object: the event, its level and the fields given", () => {
    expect(logged(() => log.error("conversation.seal-conflict", { conversationId: "k3Jd9_x-AAAAAAAAAAAAAA", seq: 4 }))).toEqual({
      event: "conversation.seal-conflict",
      level: "error",
      conversationId: "k3Jd9_x-AAAAAAAAAAAAAA",
      seq: 4,
    });
  });

  it("keep an error's class and machine code, never its message", () => {
    const quoted = new Error("D1_ERROR: UNIQUE constraint failed: SQLITE_CONSTRAINT params: he took my phone, 203.0.113.9");
    const line = logged(() => log.error("conversation.seal-failed", { error: new Error("sealing failed", { cause: quoted }) }));
    expect(line.error).toEqual({ name: "Error", cause: { name: "Error", code: "D1_ERROR SQLITE_CONSTRAINT" } });
    expect(JSON.stringify(line)).not.toMatch(/phone|203\.0\.113/);
  });

  it("name a translation failure by its class and kind, not the text the provider echoed", () => {
    expect(errorFacts(new TranslationError("failed", "could not translate: on mnie bije"))).toEqual({ name: "TranslationError", code: "failed" });
  });

  it("withhold a string field that is not an identifier, so a sentence passed by mistake stays out", () => {
    const line = logged(() => log.error("api.unhandled-error", { route: "/api/conversations/:id/tickets", method: "he is outside the door" }));
    expect(line).toMatchObject({ route: "/api/conversations/:id/tickets", method: "(withheld)" });
  });
});

describe("the Worker's code", () => {
  it("writes to the console only through worker/log.ts, so every line is an event line", () => {
    // Vite inlines each source file's text here at build time.
    const sources = import.meta.glob<string>("../../worker/**/*.ts", { query: "?raw", import: "default", eager: true });
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const writers = Object.entries(sources)
      .filter(([path, text]) => !path.endsWith("/worker/log.ts") && /\bconsole\.(log|info|warn|error|debug|trace)\s*\(/.test(text))
      .map(([path]) => path);
    expect(writers).toEqual([]);
  });
});
