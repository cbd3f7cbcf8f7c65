/**
 * /parties/* : WebSocket upgrades, routed by partyserver to the Durable Objects.
 *
 * **partyserver lets the client choose its connection id, so it is never identity.** Identity
 * comes, on the staff hostname, from the officer's session cookie or Cloudflare Access token
 * (looked up here) and, on the victims' hostname, from the victim's ticket (checked by the
 * Conversation itself); it travels to the object in a header only the Worker can set, which
 * the object reads once, when it decides whether to take the socket.
 */
import { routePartykitRequest, type Lobby } from "partyserver";
import { sessionForRequest } from "./auth/sessions";
import { durableObjectLocation } from "./data-location";
import type { Host } from "./hosts";
import { errorResponse, signedOut } from "./http/errors";
import { isSameOrigin } from "./http/security";
import { staffAccess } from "./http/staff-access";
import { tellStaff } from "./rooms/headers";

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

/**
 * Who may open which socket, by hostname: on the victims' host only a chat's victim (the
 * Conversation checks their ticket; no staff identity is even looked up there, whatever the
 * request carries); on the staff host only signed-in staff, to a chat or the queue.
 */
async function beforeConnect(request: Request, lobby: Lobby<Env>, env: Env, host: Host) {
  if (!isSameOrigin(request)) {
    return errorResponse(403, "bad-origin", "Connections must come from the quietline site.");
  }
  const forwarded = handshakeOnly(request);
  if (host === "public") {
    return lobby.className === "Conversation" ? forwarded : errorResponse(404, "not-found", "There is nothing here.");
  }
  const access = await staffAccess(request, env);
  if (access.kind === "refused") return access.response;
  // The objects recheck the session while the socket is open (rooms/staff-check.ts); under
  // Access there is no session, and they recheck the account instead.
  const signedIn =
    access.kind === "signed-in" ? { officer: access.officer, sessionHash: null } : await sessionForRequest(env.DB, request, Date.now());
  if (!signedIn) return signedOut(lobby.className === "Dispatcher" ? "Sign in to see the queue." : "Sign in to join this chat.");
  const { officer, sessionHash } = signedIn;
  tellStaff(forwarded, { officerId: officer.id, role: officer.role, displayName: officer.displayName, sessionHash });
  return forwarded;
}

/**
 * The sockets there are: /parties/<namespace>/<room>. partyserver logs the whole URL of a
 * request for any other namespace, and a victim's URL carries their ticket, so anything else is
 * refused here, before partyserver sees it.
 */
const NAMESPACES = new Set(["conversation", "dispatcher"]);

export async function routeParties(request: Request, env: Env, host: Host): Promise<Response> {
  const namespace = new URL(request.url).pathname.split("/")[2] ?? "";
  if (!NAMESPACES.has(namespace)) return errorResponse(404, "not-found", "There is nothing here.");
  const response = await routePartykitRequest(request, env, {
    ...durableObjectLocation(env), // the force's DATA_JURISDICTION, as rooms/stubs.ts uses
    onBeforeConnect: (req, lobby) => beforeConnect(req, lobby, env, host),
    // Only WebSockets are served here; plain requests would reach partyserver's default handler.
    onBeforeRequest: () => errorResponse(404, "not-found", "There is nothing here."),
  });
  return response ?? errorResponse(404, "not-found", "There is nothing here.");
}
