/**
 * GET /api/health, as a force's monitoring sees it: up and which version when D1 answers,
 * 503 "degraded" when it does not, on either hostname, never cached, and nothing else said.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { version } from "../../package.json";
import { call, ORIGIN, STAFF_ORIGIN } from "./harness";

afterEach(() => vi.restoreAllMocks());

describe("the health check", () => {
  it("says the service is up, its version and that D1 answers, on both hostnames, never cached", async () => {
    for (const origin of [ORIGIN, STAFF_ORIGIN]) {
      const response = await call("/api/health", {}, origin);
      expect(response.status, origin).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok", version, checks: { d1: "ok" } });
    }
  });

  it("answers 503 degraded when D1 fails, with no error detail, and logs an event line", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(env.DB, "prepare").mockImplementation(() => {
      throw new Error("D1_ERROR: Network connection lost. SELECT 1 AS up");
    });
    const response = await call("/api/health", {}, ORIGIN);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "degraded", version, checks: { d1: "unreachable" } });
    expect(text).not.toMatch(/D1_ERROR|Network|SELECT/);
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ event: "health.d1-unreachable", error: { name: "Error", code: "D1_ERROR" } }));
  });

  it("answers 503 rather than hanging when D1 does not answer", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const hanging = { first: () => new Promise(() => undefined) } as unknown as D1PreparedStatement;
    vi.spyOn(env.DB, "prepare").mockReturnValue(hanging);
    const started = Date.now();
    const response = await call("/api/health", {}, STAFF_ORIGIN);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
