/**
 * Cloudflare Access in front of the console, instead of local passwords. Access signs a JWT
 * for each request (the `Cf-Access-Jwt-Assertion` header); the Worker checks its signature
 * against the team's published keys, its issuer (the team domain) and audience (the Access
 * application's AUD tag), then maps its email to an officer record.
 *
 * On when both ACCESS_TEAM_DOMAIN (e.g. "force.cloudflareaccess.com") and ACCESS_AUD are set;
 * then every request to the staff hostname must carry a valid token (http/staff-access.ts).
 * Protect the whole staff hostname with an Access application (docs/single-sign-on.md): a
 * Worker-level policy breaks WebSocket upgrades.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";

export const ACCESS_HEADER = "Cf-Access-Jwt-Assertion";

export interface AccessConfig {
  teamDomain: string;
  audience: string;
  /** The team's signing keys; fetched from the team domain unless given (tests give their own). */
  keys?: JWTVerifyGetKey;
}

/** Optional vars (not in wrangler.toml unless a force uses Access), read as strings if present. */
export function accessConfig(env: object): AccessConfig | null {
  const vars = env as { ACCESS_TEAM_DOMAIN?: unknown; ACCESS_AUD?: unknown };
  const domain = typeof vars.ACCESS_TEAM_DOMAIN === "string" ? vars.ACCESS_TEAM_DOMAIN : "";
  const audience = typeof vars.ACCESS_AUD === "string" ? vars.ACCESS_AUD : "";
  const teamDomain = domain.replace(/^https?:\/\//, "").replace(/\/$/, "");
  return teamDomain && audience ? { teamDomain, audience } : null;
}

/**
 * A team on this machine: the end-to-end tests serve their own key set on loopback, over plain
 * HTTP. Cloudflare's teams are always HTTPS, and a Worker on Cloudflare cannot reach loopback.
 */
const LOOPBACK_TEAM = /^(localhost|127\.0\.0\.1)(:\d+)?$/;

/** Who signs the tokens: the team's origin, which is also where its keys are published. */
export function issuerOf(config: Pick<AccessConfig, "teamDomain">): string {
  return `${LOOPBACK_TEAM.test(config.teamDomain) ? "http" : "https"}://${config.teamDomain}`;
}

const remoteKeys = new Map<string, JWTVerifyGetKey>();

/** The verified email of an Access JWT, or null if it is missing, expired, or not from our Access app. */
export async function accessEmail(request: Request, config: AccessConfig): Promise<string | null> {
  const token = request.headers.get(ACCESS_HEADER);
  if (!token) return null;
  const issuer = issuerOf(config);
  let keys = config.keys ?? remoteKeys.get(issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${issuer}/cdn-cgi/access/certs`));
    remoteKeys.set(issuer, keys);
  }
  try {
    const { payload } = await jwtVerify(token, keys, { issuer, audience: config.audience, algorithms: ["RS256"] });
    return typeof payload.email === "string" ? payload.email.toLowerCase() : null;
  } catch {
    return null;
  }
}
