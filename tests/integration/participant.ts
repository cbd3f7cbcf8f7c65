/**
 * A participant in a conversation that behaves like the real pages: the app's own
 * MessageLedger decides what is pending, what to resend and which seq to resume from; this
 * class only carries frames over a real WebSocket, and can drop it like a bad network does.
 */
import { MessageLedger } from "../../app/lib/chat/ledger";
import { randomId } from "../../worker/auth/secrets";
import type { ConversationServerFrame, ParticipantRole } from "../../worker/shared/protocol";
import { upgrade } from "./harness";

export class Participant {
  readonly ledger = new MessageLedger(10_000);
  /** How many times the server delivered each seq to this side (welcome or message frame). */
  readonly deliveries = new Map<number, number>();
  readonly frames: ConversationServerFrame[] = [];
  #ws: WebSocket | null = null;

  constructor(
    readonly role: ParticipantRole,
    /** Builds the upgrade path and headers for a connection resuming after `since`. */
    private readonly route: (since: number) => Promise<{ path: string; headers?: Record<string, string> }>,
  ) {}

  get connected(): boolean {
    return this.#ws !== null;
  }

  /** Connects, resuming after the last seq held, and resends whatever is unacknowledged. */
  async connect(): Promise<void> {
    const { path, headers } = await this.route(this.ledger.lastSeq);
    const response = await upgrade(path, headers);
    if (!response.webSocket) throw new Error(`${this.role} could not connect: ${response.status}`);
    const ws = response.webSocket;
    ws.accept();
    const welcomed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.role}: no welcome within 5 s`)), 5_000);
      ws.addEventListener("message", (event) => {
        const frame = JSON.parse(String(event.data)) as ConversationServerFrame;
        this.frames.push(frame);
        this.handle(ws, frame);
        if (frame.type === "welcome") {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    ws.addEventListener("close", () => {
      if (this.#ws === ws) this.#ws = null;
    });
    this.#ws = ws;
    await welcomed;
  }

  /** The network goes: the socket closes, and anything the server sends meanwhile is lost. */
  drop(): void {
    const ws = this.#ws;
    this.#ws = null;
    ws?.close(1001, "network dropped");
  }

  /** Writes a message, as the page does; `quickReply` names the officer's quick reply it is. */
  write(text: string, quickReply?: string): string {
    const id = randomId();
    const frame = this.ledger.compose(id, this.role, text, quickReply);
    if (!frame) throw new Error("too many pending messages");
    this.#ws?.send(JSON.stringify(frame));
    return id;
  }

  sendFrame(frame: object): void {
    this.#ws?.send(JSON.stringify(frame));
  }

  /** Waits until the condition holds, failing with `what` after the timeout. */
  async until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${this.role}: timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private handle(ws: WebSocket, frame: ConversationServerFrame): void {
    switch (frame.type) {
      case "welcome":
        for (const message of frame.messages) this.deliver(message);
        for (const resend of this.ledger.resendFrames()) ws.send(JSON.stringify(resend));
        break;
      case "message":
        this.deliver(frame.message);
        break;
      case "ack":
        this.ledger.ack(frame);
        break;
    }
  }

  private deliver(message: { seq: number } & Parameters<MessageLedger["receive"]>[0]): void {
    this.deliveries.set(message.seq, (this.deliveries.get(message.seq) ?? 0) + 1);
    this.ledger.receive(message);
  }
}
