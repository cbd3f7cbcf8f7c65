/**
 * The staff hostname behind Cloudflare Access. Access stands in front of the whole hostname and
 * adds its signed token (`Cf-Access-Jwt-Assertion`) to every request it lets through. The Worker
 * still checks every one: a request that reaches it any other way (a policy left open, a route
 * around Access) gets nothing, and a person Access knows but quietline does not gets nothing.
 *
 * **With Access configured, the token is the sign-in**: the console never shows its password
 * form, and cookies are not consulted. Without Access this decides nothing, and staff sign in
 * with their quietline password (routes' `allowRoles` and the sockets check the session).
 */
import type { Officer } from "../shared/protocol";
import { accessConfig, accessEmail } from "../auth/access";
import { enabledOfficerByEmail } from "../auth/sessions";
import { errorResponse } from "./errors";

export type StaffAccess =
  | { kind: "off" }
  | { kind: "signed-in"; officer: Officer }
  | { kind: "refused"; response: Response };

export const ACCESS_REQUIRED = "Sign in with your force's account to use the console.";
export const NO_ACCOUNT = "You are signed in with your force's account, but it has no quietline account. Ask an admin to add you.";

/** Who a staff-host request is for under Access, or its refusal; "off" when Access is not configured. */
export async function staffAccess(request: Request, env: Env): Promise<StaffAccess> {
  const config = accessConfig(env);
  if (!config) return { kind: "off" };
  const email = await accessEmail(request, config);
  if (!email) return { kind: "refused", response: errorResponse(401, "access-required", ACCESS_REQUIRED) };
  const officer = await enabledOfficerByEmail(env.DB, email);
  if (!officer) return { kind: "refused", response: errorResponse(403, "no-account", NO_ACCOUNT) };
  return { kind: "signed-in", officer };
}
