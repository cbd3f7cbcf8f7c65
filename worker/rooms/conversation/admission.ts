/**
 * Who may open a chat's socket, decided before the upgrade, and who a connection then is.
 */
import type { ConnectionRole } from "../../shared/protocol";
import { sha256Hex } from "../../auth/secrets";
import { errorResponse } from "../../http/errors";
import { placeInChat } from "../../shared/access-policy";
import type { ConversationStore } from "./conversation-store";
import { staffOpening, TICKET_PARAM } from "../headers";

/** Who a connection is, decided once when it is admitted and kept as its state. */
export type ParticipantState =
  | { role: "victim"; officerId: null }
  | {
      role: "officer" | "observer";
      /** Which officer (from the Worker's trusted header). */
      officerId: string;
      /** Their session's digest, rechecked while the socket is open; null under Cloudflare Access. */
      sessionHash: string | null;
    };

/**
 * Who may open a chat's socket, and as what: the victim with a valid single-use ticket; staff
 * as the access policy places them in the chat (its officer writes, senior staff read along).
 * Anyone else is refused, and so is anyone whose role already has as many sockets open as it
 * may (`hasRoom`), before a ticket is spent.
 */
export async function admit(
  store: ConversationStore,
  request: Request,
  hasRoom: (role: ConnectionRole) => boolean,
): Promise<ParticipantState | Response> {
  const record = store.read();
  if (!record) return errorResponse(404, "not-found", "That conversation does not exist.");
  const staff = staffOpening(request);
  if (staff) {
    const role = placeInChat({ id: staff.officerId, role: staff.role }, record);
    if (!role) return errorResponse(403, "not-allowed", "This conversation is not assigned to you.");
    if (!hasRoom(role)) return tooManySockets();
    return { role, officerId: staff.officerId, sessionHash: staff.sessionHash };
  }
  if (!hasRoom("victim")) return tooManySockets();
  const ticket = new URL(request.url).searchParams.get(TICKET_PARAM);
  if (ticket && store.redeemTicket(await sha256Hex(ticket), Date.now())) return { role: "victim", officerId: null };
  return errorResponse(401, "not-allowed", "You need a valid invitation to join this conversation.");
}

const tooManySockets = () => errorResponse(429, "too-many", "This chat has too many connections open. Close one, then try again.");
