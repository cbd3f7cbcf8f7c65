/**
 * The Conversation's small pieces that are not its lifecycle: who a connection is, the frames
 * it sends, and the refusals it answers with.
 */
import type { Connection } from "partyserver";
import type { ChatMessage, ConnectionRole, ConversationServerFrame, ErrorCode, Outcome, OutcomeRequest } from "../shared/protocol";
import { sha256Hex } from "../auth/secrets";
import { errorResponse } from "../http/errors";
import { placeInChat } from "../shared/access-policy";
import type { ConversationStore } from "./conversation-store";
import { staffOpening, TICKET_PARAM } from "./headers";

export type Job =
  | "flush"
  | "archive"
  | "offline:victim"
  | "offline:officer"
  | "inactivity-prompt"
  | "inactivity-close"
  | "abandon";

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

/** Closes an officer's sockets when the chat is no longer theirs (transfer, return, reassignment). */
export const NO_LONGER_ASSIGNED = 4003;
/** The officer's sessions were ended (signed out everywhere, or revoked by an admin). */
export const SIGNED_OUT = 4401;

export type AssignResult = { ok: true } | { ok: false; code: ErrorCode; message: string };

/** The outcome an officer recorded, as the record keeps it: empty fields become null. */
export function outcomeOf(request: OutcomeRequest, officerId: string, at: number): Outcome {
  return {
    outcome: request.outcome,
    crimeReference: request.crimeReference || null,
    detail: request.detail || null,
    officerId,
    at,
  };
}

/** What an officer's write into a live chat's record gave: the stored value, or why not (ended: add it to the sealed record instead). */
export type RecordWrite<T> = { ok: true; value: T } | { ok: false; code: "conversation-ended" | "not-allowed" };

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

export function notActive(status: string | undefined): AssignResult {
  return status === "ended"
    ? { ok: false, code: "conversation-ended", message: "That conversation has ended." }
    : { ok: false, code: "not-allowed", message: "That conversation is not with an officer now." };
}

export function ackFor(message: ChatMessage): ConversationServerFrame {
  const { id, seq, sentAt, language, translation } = message;
  return { type: "ack", id, seq, sentAt, language, translation };
}

/** Sends to one connection, unless it has closed meanwhile (a message taken after its sender left). */
export function send(connection: Connection, frame: ConversationServerFrame): void {
  if (connection.readyState === WebSocket.OPEN) connection.send(JSON.stringify(frame));
}

export function sendError(connection: Connection, code: ErrorCode, message: string): void {
  send(connection, { type: "error", code, message });
}

