/** Cloudflare Access JWTs, signed with keys this test makes, checked as the Worker checks them. */
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { ACCESS_HEADER, accessConfig, accessEmail, issuerOf, type AccessConfig } from "../../worker/auth/access";
import { officerForRequest } from "../../worker/auth/sessions";
import { env } from "cloudflare:workers";
import worker from "../../worker/index";
import { createOfficer, ORIGIN, QUEUE_SOCKET, signedInOfficer, STAFF_ORIGIN } from "./harness";

const TEAM = "force.cloudflareaccess.com";
const AUD = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";

async function keys() {
  const ours = await generateKeyPair("RS256");
  const theirs = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(ours.publicKey)), kid: "team-key", alg: "RS256" };
  const config: AccessConfig = { teamDomain: TEAM, audience: AUD, keys: createLocalJWKSet({ keys: [jwk] }) };
  const sign = (claims: { email?: string; iss?: string; aud?: string; exp?: number }, key = ours.privateKey) =>
    new SignJWT({ email: claims.email ?? "pc.access@police.test" })
      .setProtectedHeader({ alg: "RS256", kid: "team-key" })
      .setIssuer(claims.iss ?? `https://${TEAM}`)
      .setAudience(claims.aud ?? AUD)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(key);
  return { config, sign, wrongKey: theirs.privateKey };
}

const withToken = (token: string) => new Request("https://quietline.test/api/session", { headers: { [ACCESS_HEADER]: token } });

describe("Cloudflare Access", () => {
  it("is on only when both the team domain and the audience are configured", () => {
    expect(accessConfig({})).toBeNull();
    expect(accessConfig({ ACCESS_TEAM_DOMAIN: TEAM })).toBeNull();
    expect(accessConfig({ ACCESS_TEAM_DOMAIN: `https://${TEAM}/`, ACCESS_AUD: AUD })).toEqual({ teamDomain: TEAM, audience: AUD });
  });

  it("trusts only HTTPS issuers, except a team on this machine (the end-to-end tests' own)", () => {
    expect(issuerOf({ teamDomain: TEAM })).toBe(`https://${TEAM}`);
    expect(issuerOf(accessConfig({ ACCESS_TEAM_DOMAIN: `http://${TEAM}`, ACCESS_AUD: AUD })!)).toBe(`https://${TEAM}`);
    expect(issuerOf({ teamDomain: "127.0.0.1:4321" })).toBe("http://127.0.0.1:4321");
    expect(issuerOf({ teamDomain: "localhost:4321" })).toBe("http://localhost:4321");
    expect(issuerOf({ teamDomain: "localhost.evil.example" })).toBe("https://localhost.evil.example");
  });

  it("accepts a valid JWT and maps its email to the officer", async () => {
    const { config, sign } = await keys();
    const officer = await createOfficer("pc.access@police.test");
    expect(await accessEmail(withToken(await sign({})), config)).toBe("pc.access@police.test");
    expect(await officerForRequest(env.DB, withToken(await sign({})), Date.now(), config)).toMatchObject({ id: officer.id });
    expect(await officerForRequest(env.DB, withToken(await sign({ email: "stranger@police.test" })), Date.now(), config)).toBeNull();
  });

  it.each([
    ["expired", { exp: Math.floor(Date.now() / 1000) - 60 }],
    ["for another audience", { aud: "another-application" }],
    ["from another issuer", { iss: "https://evil.cloudflareaccess.com" }],
  ])("refuses a JWT %s", async (_, claims) => {
    const { config, sign } = await keys();
    expect(await accessEmail(withToken(await sign(claims)), config)).toBeNull();
  });

  it("refuses a JWT signed with a key that is not the team's, or none at all", async () => {
    const { config, sign, wrongKey } = await keys();
    expect(await accessEmail(withToken(await sign({}, wrongKey)), config)).toBeNull();
    expect(await accessEmail(new Request("https://quietline.test/"), config)).toBeNull();
    expect(await accessEmail(withToken("not.a.jwt"), config)).toBeNull();
  });
});

/**
 * The staff hostname under Access, through the real Worker: a deployment's ACCESS_TEAM_DOMAIN
 * and ACCESS_AUD, and the team's certs (a key set this file makes) answered where the Worker
 * fetches them, as Cloudflare publishes them.
 */
describe("the staff hostname behind Cloudflare Access", async () => {
  const team = "staff-host.cloudflareaccess.com";
  const ours = await generateKeyPair("RS256", { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(ours.publicKey)), kid: "team-key", alg: "RS256", use: "sig" }] };
  const accessOn = { ...env, ACCESS_TEAM_DOMAIN: team, ACCESS_AUD: AUD };
  const tokenFor = (email: string) =>
    new SignJWT({ email })
      .setProtectedHeader({ alg: "RS256", kid: "team-key" })
      .setIssuer(`https://${team}`)
      .setAudience(AUD)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
      .sign(ours.privateKey);

  /** The real Worker with Access on; the team's certs come from this test, every other fetch is refused. */
  async function viaAccess(origin: string, path: string, headers: Record<string, string> = {}) {
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url === `https://${team}/cdn-cgi/access/certs`) return Response.json(jwks);
      throw new Error(`unexpected fetch of ${url}`);
    });
    try {
      const ctx = createExecutionContext();
      const request = new Request(`${origin}${path}`, { headers: { Origin: origin, ...headers } });
      const response = await worker.fetch(request as never, accessOn, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    } finally {
      fetchSpy.mockRestore();
    }
  }
  const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

  it("refuses every staff request without a valid token: API, sockets and pages", async () => {
    const { cookie } = await signedInOfficer();
    const attempts: { path: string; headers: Record<string, string> }[] = [
      { path: "/api/session", headers: {} },
      // A quietline password session is not enough once Access is the sign-in.
      { path: "/api/session", headers: { Cookie: cookie } },
      { path: "/api/records", headers: { [ACCESS_HEADER]: "not.a.jwt" } },
      { path: QUEUE_SOCKET, headers: { Upgrade: "websocket" } },
      { path: "/console", headers: {} },
      { path: "/", headers: {} },
    ];
    for (const { path, headers } of attempts) {
      const response = await viaAccess(STAFF_ORIGIN, path, headers);
      expect(response.status, path).toBe(401);
      expect(await codeOf(response), path).toBe("access-required");
    }
  });

  it("signs in the officer the token names, on the API and the queue's socket", async () => {
    const officer = await createOfficer(`pc.staff-host-${Date.now()}@police.test`);
    const token = await tokenFor(officer.email);
    const session = await viaAccess(STAFF_ORIGIN, "/api/session", { [ACCESS_HEADER]: token });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ officer: { id: officer.id, email: officer.email } });
    const socket = await viaAccess(STAFF_ORIGIN, QUEUE_SOCKET, { [ACCESS_HEADER]: token, Upgrade: "websocket" });
    expect(socket.status).toBe(101);
    socket.webSocket?.accept();
    socket.webSocket?.close(1000, "test done");
  });

  it("refuses someone Access knows but quietline has no account for", async () => {
    const response = await viaAccess(STAFF_ORIGIN, "/api/session", { [ACCESS_HEADER]: await tokenFor("not-an-officer@police.test") });
    expect(response.status).toBe(403);
    expect(await codeOf(response)).toBe("no-account");
  });

  it("never asks a victim for a token", async () => {
    const started = await viaAccess(ORIGIN, "/api/human-check");
    expect(started.status).toBe(200);
    const ctx = createExecutionContext();
    const chat = await worker.fetch(new Request(`${ORIGIN}/api/conversations`, { method: "POST", headers: { Origin: ORIGIN } }) as never, accessOn, ctx);
    await waitOnExecutionContext(ctx);
    expect(chat.status).toBe(201);
  });
});
