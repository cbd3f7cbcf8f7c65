/**
 * The console's live link to the Dispatcher: the queue, this officer's own state, and for
 * supervisors the whole picture. Every action is a frame; the answer comes back as state.
 */
import PartySocket from "partysocket";
import {
  DispatcherServerFrame,
  parseServerFrame,
  QUEUE_ROOM,
  type ActiveConversation,
  type DispatcherClientFrame,
  type OfficerStatus,
  type OfficerSummary,
  type WaitingConversation,
  type WatchedChat,
} from "$shared/protocol";
import { RECONNECT, socketProtocol } from "../socket-protocol";

type MeFrame = Extract<DispatcherServerFrame, { type: "me" }>;
type UnassignedReason = Extract<DispatcherServerFrame, { type: "unassigned" }>["reason"];

export interface QueueClientEvents {
  onAssigned(conversationId: string): void;
  onUnassigned(conversationId: string, reason: UnassignedReason): void;
}

export class QueueClient {
  waiting = $state<WaitingConversation[]>([]);
  me = $state<MeFrame | null>(null);
  /** Supervisors and admins only. */
  overview = $state<{ active: ActiveConversation[]; officers: OfficerSummary[]; chats: WatchedChat[] } | null>(null);
  connected = $state(false);
  error = $state<string | null>(null);
  readonly #socket: PartySocket;

  constructor(private readonly events: QueueClientEvents) {
    this.#socket = new PartySocket({
      host: location.host,
      protocol: socketProtocol(),
      party: "dispatcher",
      room: QUEUE_ROOM,
      ...RECONNECT,
      maxRetries: 200,
      maxEnqueuedMessages: 0,
    });
    this.#socket.addEventListener("open", () => (this.connected = true));
    this.#socket.addEventListener("close", () => (this.connected = false));
    this.#socket.addEventListener("message", (event: MessageEvent) => this.#receive(event.data));
  }

  /** A specific chat, or the one at the front of the queue. */
  accept(conversationId?: string): void {
    this.#send({ type: "accept", conversationId });
  }

  setStatus(status: OfficerStatus): void {
    this.#send({ type: "set-status", status });
  }

  raisePriority(conversationId: string, reason: string): void {
    this.#send({ type: "raise-priority", conversationId, reason });
  }

  /** To a colleague, or back to the queue when `to` is null. */
  transfer(conversationId: string, to: string | null, note: string): void {
    this.#send({ type: "transfer", conversationId, to, note });
  }

  setCapacity(officerId: string, capacity: number): void {
    this.#send({ type: "set-capacity", officerId, capacity });
  }

  /** Display name for an officer id, from what this console has been told. */
  nameOf(officerId: string): string {
    return (
      this.overview?.officers.find((o) => o.officerId === officerId)?.displayName ??
      this.me?.colleagues.find((o) => o.officerId === officerId)?.displayName ??
      "another officer"
    );
  }

  close(): void {
    this.#socket.close();
  }

  #send(frame: DispatcherClientFrame): void {
    this.error = null;
    if (!this.#socket.send(JSON.stringify(frame))) {
      this.error = "Not connected to the queue. Please wait a moment and try again.";
    }
  }

  #receive(data: unknown): void {
    const frame = parseServerFrame(DispatcherServerFrame, data);
    if (!frame) return;
    switch (frame.type) {
      case "queue":
        this.waiting = frame.waiting;
        break;
      case "me":
        this.me = frame;
        break;
      case "overview":
        this.overview = { active: frame.active, officers: frame.officers, chats: frame.chats };
        break;
      case "assigned":
        this.events.onAssigned(frame.conversationId);
        break;
      case "unassigned":
        this.events.onUnassigned(frame.conversationId, frame.reason);
        break;
      case "error":
        this.error = frame.message;
        break;
    }
  }
}
