/**
 * One side's live view of a conversation, over a partysocket WebSocket. Used by both the
 * victim page and the officer console; the server decides who is who.
 *
 * Messages are shown at once as pending and become confirmed when the server's ack arrives
 * with their seq. partysocket queues sends while offline but confirms nothing, so unconfirmed
 * messages are sent again whenever the connection is (re)established; the server stores a
 * message id once, so a resend never duplicates.
 */
import PartySocket from "partysocket";
import {
  ConversationServerFrame,
  type ChatMessage,
  type ConversationClientFrame,
  type ConversationStatus,
  type EndReason,
  type ParticipantRole,
} from "$shared/protocol";

export interface ShownMessage extends Omit<ChatMessage, "seq"> {
  seq: number | null;
  pending: boolean;
}

export interface ConversationClientOptions {
  conversationId: string;
  /** Extra query parameters for each (re)connection, e.g. the victim's fresh ticket. */
  query?: () => Promise<Record<string, string>>;
}

export class ConversationClient {
  role = $state<ParticipantRole | null>(null);
  status = $state<ConversationStatus | "connecting">("connecting");
  endReason = $state<EndReason | null>(null);
  connected = $state(false);
  error = $state<string | null>(null);
  #confirmed = $state<ChatMessage[]>([]);
  #pending = $state<ShownMessage[]>([]);

  readonly #socket: PartySocket;

  constructor(options: ConversationClientOptions) {
    this.#socket = new PartySocket({
      host: location.host,
      party: "conversation",
      room: options.conversationId,
      query: options.query,
      maxRetries: 20,
    });
    this.#socket.addEventListener("open", () => (this.connected = true));
    this.#socket.addEventListener("close", () => (this.connected = false));
    this.#socket.addEventListener("message", (event: MessageEvent) => this.#receive(event.data));
  }

  /** Confirmed messages in seq order, then this side's pending ones in the order written. */
  get messages(): ShownMessage[] {
    return [
      ...this.#confirmed.map((m) => ({ ...m, pending: false })),
      ...this.#pending,
    ];
  }

  send(text: string): void {
    if (!this.role || this.status === "ended") return;
    const id = crypto.randomUUID();
    this.#pending.push({ id, seq: null, from: this.role, text, sentAt: Date.now(), pending: true });
    this.#transmit({ type: "send", id, text });
  }

  end(): void {
    this.#transmit({ type: "end" });
  }

  close(): void {
    this.#socket.close();
  }

  #transmit(frame: ConversationClientFrame): void {
    this.#socket.send(JSON.stringify(frame));
  }

  #receive(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return;
    }
    const parsed = ConversationServerFrame.safeParse(json);
    if (!parsed.success) return;
    const frame = parsed.data;
    switch (frame.type) {
      case "welcome":
        this.role = frame.role;
        this.status = frame.status;
        this.#confirmed = frame.messages;
        this.#dropConfirmedPending();
        for (const message of this.#pending) this.#transmit({ type: "send", id: message.id, text: message.text });
        break;
      case "message":
        this.#confirm(frame.message);
        break;
      case "ack": {
        const mine = this.#pending.find((m) => m.id === frame.id);
        if (mine && this.role) this.#confirm({ ...mine, from: this.role, seq: frame.seq });
        break;
      }
      case "status":
        this.status = frame.status;
        break;
      case "ended":
        this.status = "ended";
        this.endReason = frame.reason;
        this.#pending = [];
        this.#socket.close();
        break;
      case "error":
        this.error = frame.message;
        break;
    }
  }

  #confirm(message: ChatMessage): void {
    if (!this.#confirmed.some((m) => m.seq === message.seq)) {
      const { id, seq, from, text, sentAt } = message;
      this.#confirmed = [...this.#confirmed, { id, seq, from, text, sentAt }].sort((a, b) => a.seq - b.seq);
    }
    this.#dropConfirmedPending();
  }

  #dropConfirmedPending(): void {
    const confirmed = new Set(this.#confirmed.filter((m) => m.from === this.role).map((m) => m.id));
    this.#pending = this.#pending.filter((m) => !confirmed.has(m.id));
  }
}
