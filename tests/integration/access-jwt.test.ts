/** Cloudflare Access JWTs, signed with keys this test makes, checked as the Worker checks them. */
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { ACCESS_HEADER, accessConfig, accessEmail, type AccessConfig } from "../../worker/auth/access";
import { officerForRequest } from "../../worker/auth/sessions";
import { env } from "cloudflare:workers";
import { createOfficer } from "./harness";

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
