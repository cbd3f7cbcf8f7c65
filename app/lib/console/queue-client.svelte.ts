/** The officer's live view of the queue, from the Dispatcher over a WebSocket. */
import PartySocket from "partysocket";
import { DispatcherServerFrame, type DispatcherClientFrame, type WaitingConversation } from "$shared/protocol";

export class QueueClient {
  waiting = $state<WaitingConversation[]>([]);
  connected = $state(false);
  error = $state<string | null>(null);
  readonly #socket: PartySocket;

  constructor(private readonly onAssigned: (conversationId: string) => void) {
    this.#socket = new PartySocket({
      host: location.host,
      party: "dispatcher",
      room: "service",
      maxRetries: 50,
    });
    this.#socket.addEventListener("open", () => (this.connected = true));
    this.#socket.addEventListener("close", () => (this.connected = false));
    this.#socket.addEventListener("message", (event: MessageEvent) => this.#receive(event.data));
  }

  accept(conversationId: string): void {
    this.error = null;
    const frame: DispatcherClientFrame = { type: "accept", conversationId };
    this.#socket.send(JSON.stringify(frame));
  }

  close(): void {
    this.#socket.close();
  }

  #receive(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return;
    }
    const parsed = DispatcherServerFrame.safeParse(json);
    if (!parsed.success) return;
    const frame = parsed.data;
    if (frame.type === "queue") this.waiting = frame.waiting;
    else if (frame.type === "assigned") this.onAssigned(frame.conversationId);
    else this.error = frame.message;
  }
}
