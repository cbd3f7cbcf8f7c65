/** Every response the Worker makes carries the security headers, refusals and errors included. */
import { describe, expect, it } from "vitest";
import { call, QUEUE_SOCKET, signedInOfficer, upgrade } from "./harness";

const EXPECTED = {
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};

describe("security headers", () => {
  it("are on successes, refusals, bad requests, unknown routes and refused upgrades", async () => {
    const officer = await signedInOfficer();
    const responses = {
      started: await call("/api/conversations", { method: "POST" }),
      signedOut: await call("/api/session"),
      forbidden: await call("/api/analytics/live", { headers: { Cookie: officer.cookie } }),
      badRequest: await call("/api/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" }),
      unknown: await call("/api/nothing-here"),
      refusedUpgrade: await upgrade(QUEUE_SOCKET),
    };
    for (const [name, response] of Object.entries(responses)) {
      for (const [header, value] of Object.entries(EXPECTED)) expect(response.headers.get(header), `${name}: ${header}`).toBe(value);
      // No stack, SQL or path in any answer.
      expect(await response.text(), name).not.toMatch(/at \w+ \(|\.ts:\d+|SQLITE|D1_ERROR|\/work\//);
    }
    expect(responses.started.status).toBe(201);
    expect(responses.badRequest.status).toBe(400);
    expect(responses.refusedUpgrade.status).toBe(401);
  });
});
