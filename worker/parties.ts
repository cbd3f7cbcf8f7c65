/**
 * /parties/* : WebSocket upgrades, routed by partyserver to the Durable Objects.
 *
 * **partyserver lets the client choose its connection id, so it is never identity.** Identity
 * comes from the officer's session cookie (looked up here) or the victim's ticket (checked by
 * the Conversation itself), and travels to the object in headers only the Worker can set.
 */
import { routePartykitRequest, type Lobby } from "partyserver";
import { accessConfig } from "./auth/access";
import { officerForRequest, sessionHashOf } from "./auth/sessions";
import { errorResponse } from "./http/errors";
import { isSameOrigin } from "./http/security";
import { INTERNAL_HEADERS, OFFICER_HEADER, OFFICER_NAME_HEADER, SESSION_HEADER, STAFF_ROLE_HEADER } from "./rooms/headers";

async function beforeConnect(request: Request, lobby: Lobby<Env>, env: Env) {
  if (!isSameOrigin(request)) {
    return errorResponse(403, "bad-origin", "Connections must come from the quietline site.");
  }
  const forwarded = new Request(request);
  for (const name of INTERNAL_HEADERS) forwarded.headers.delete(name);
  const access = accessConfig(env);
  const officer = await officerForRequest(env.DB, request, Date.now(), access);
  if (officer) {
    // The objects recheck this session while the socket is open (rooms/staff-check.ts).
    const session = access ? null : await sessionHashOf(request);
    if (session) forwarded.headers.set(SESSION_HEADER, session);
    forwarded.headers.set(OFFICER_HEADER, officer.id);
    forwarded.headers.set(STAFF_ROLE_HEADER, officer.role);
    forwarded.headers.set(OFFICER_NAME_HEADER, encodeURIComponent(officer.displayName));
  } else if (lobby.className === "Dispatcher") {
    return errorResponse(401, "signed-out", "Sign in to see the queue.");
  }
  return forwarded;
}

export async function routeParties(request: Request, env: Env): Promise<Response> {
  const response = await routePartykitRequest(request, env, {
    onBeforeConnect: (req, lobby) => beforeConnect(req, lobby, env),
    // Only WebSockets are served here; plain requests would reach partyserver's default handler.
    onBeforeRequest: () => errorResponse(404, "not-found", "There is nothing here."),
  });
  return response ?? errorResponse(404, "not-found", "There is nothing here.");
}
