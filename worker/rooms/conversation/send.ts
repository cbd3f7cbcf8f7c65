/** Frames the Conversation sends to one connection: acknowledgements and refusals. */
import type { Connection } from "partyserver";
import type { ChatMessage, ConversationServerFrame, ErrorCode } from "../../shared/protocol";

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
