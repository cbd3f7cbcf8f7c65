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
import { OFFICER_HEADER, OFFICER_NAME_HEADER, SESSION_HEADER, STAFF_ROLE_HEADER } from "./rooms/headers";

/**
 * The only headers of a client's request that reach a Durable Object: the WebSocket handshake's,
 * and the namespace partyserver itself set. Everything else a client sends stops here: our
 * identity headers, which only the Worker may set, and partyserver's own `x-partykit-*` headers,
 * which it trusts (an unparseable `x-partykit-props` made it send a stack trace to the client).
 */
const HANDSHAKE_HEADERS = [
  "upgrade",
  "connection",
  "sec-websocket-key",
  "sec-websocket-version",
  "sec-websocket-extensions",
  "sec-websocket-protocol",
  "x-partykit-namespace",
] as const;

function handshakeOnly(request: Request): Request {
  const headers = new Headers();
  for (const name of HANDSHAKE_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Request(request.url, { method: request.method, headers });
}

async function beforeConnect(request: Request, lobby: Lobby<Env>, env: Env) {
  if (!isSameOrigin(request)) {
    return errorResponse(403, "bad-origin", "Connections must come from the quietline site.");
  }
  const forwarded = handshakeOnly(request);
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
