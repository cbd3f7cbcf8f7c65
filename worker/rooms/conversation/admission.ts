/**
 * Who may open a chat's socket, decided before the upgrade, and who a connection then is.
 */
import type { ConnectionRole } from "../../shared/protocol";
import { SENIOR_STAFF } from "../../auth/roles";
import { sha256Hex } from "../../auth/secrets";
import { errorResponse } from "../../http/errors";
import type { ConversationStore } from "./conversation-store";
import { OFFICER_HEADER, ROLE_HEADER, STAFF_ROLE_HEADER, TICKET_PARAM } from "../headers";

/** Who a chat's connection is, kept in the connection's state so it survives hibernation. */
export interface ParticipantState {
  role: ConnectionRole;
  /** For staff: which officer (from the Worker's trusted header). */
  officerId?: string | null;
  /** For staff signed in with a session: its digest, rechecked while the socket is open. */
  sessionHash?: string | null;
}

/**
 * Who may open a chat's socket, and as what: the victim with a valid single-use ticket; the
 * officer it is assigned to, to write; these staff roles, to read any chat. Anyone else is
 * refused, and so is anyone whose role already has as many sockets open as it may (`hasRoom`),
 * before a ticket is spent.
 */
const READERS_OF_ANY_CHAT = SENIOR_STAFF;

export async function admit(
  store: ConversationStore,
  request: Request,
  hasRoom: (role: ConnectionRole) => boolean,
): Promise<ConnectionRole | Response> {
  const record = store.read();
  if (!record) return errorResponse(404, "not-found", "That conversation does not exist.");
  const role = claimedRole(record.officerId, request);
  if (role instanceof Response) return role;
  if (!hasRoom(role)) return errorResponse(429, "too-many", "This chat has too many connections open. Close one, then try again.");
  if (role !== "victim") return role;
  const ticket = new URL(request.url).searchParams.get(TICKET_PARAM);
  if (ticket && store.redeemTicket(await sha256Hex(ticket), Date.now())) return "victim";
  return errorResponse(401, "not-allowed", "You need a valid invitation to join this conversation.");
}

/** The role a request would have: staff by the Worker's headers, anyone else as the victim (ticket still to check). */
function claimedRole(assignedOfficerId: string | null, request: Request): ConnectionRole | Response {
  const officerId = request.headers.get(OFFICER_HEADER);
  if (!officerId) return "victim";
  if (assignedOfficerId === officerId) return "officer";
  // Supervisors may read any conversation, never write in it.
  const staffRole = request.headers.get(STAFF_ROLE_HEADER);
  if ((READERS_OF_ANY_CHAT as readonly (string | null)[]).includes(staffRole)) return "observer";
  return errorResponse(403, "not-allowed", "This conversation is not assigned to you.");
}

export function roleOf(request: Request): ConnectionRole {
  // Set by fetch() above after admit(); a request without it never reaches onConnect.
  const role = request.headers.get(ROLE_HEADER);
  return role === "officer" || role === "observer" ? role : "victim";
}
