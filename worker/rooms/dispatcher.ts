/**
 * Dispatcher: one Durable Object for the whole service, holding the queue of waiting chats.
 *
 *   Worker ── enqueue(id) ──▶ Dispatcher ◀──ws── officer consoles (queue, accept)
 *   Conversation ─ forget(id) ─▶   │
 *                                  └── assign(officerId) ──▶ Conversation
 *
 * **Taking a chat off the queue is one synchronous SQLite statement**, so two officers who
 * accept the same chat at once get one winner and one clear answer.
 */
import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import {
  DispatcherClientFrame,
  parseFrame,
  type DispatcherServerFrame,
  type WaitingConversation,
} from "../shared/protocol";
import { OFFICER_HEADER } from "./headers";
import { getConversation } from "./stubs";

interface OfficerState {
  officerId: string;
}

type Row = Record<string, SqlStorageValue>;

export class Dispatcher extends Server<Env> {
  static override options = { hibernate: true };

  #ready = false;

  private get sqlStorage(): SqlStorage {
    if (!this.#ready) {
      this.ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS queue (
        conversation_id TEXT PRIMARY KEY,
        waiting_since   INTEGER NOT NULL
      )`);
      this.#ready = true;
    }
    return this.ctx.storage.sql;
  }

  // ── RPC ──

  async enqueue(conversationId: string, waitingSince: number): Promise<void> {
    this.sqlStorage.exec(
      "INSERT OR IGNORE INTO queue (conversation_id, waiting_since) VALUES (?, ?)",
      conversationId,
      waitingSince,
    );
    this.broadcastQueue();
  }

  async forget(conversationId: string): Promise<void> {
    const removed = this.sqlStorage
      .exec("DELETE FROM queue WHERE conversation_id = ? RETURNING conversation_id", conversationId)
      .toArray();
    if (removed.length > 0) this.broadcastQueue();
  }

  async waiting(): Promise<WaitingConversation[]> {
    return this.queue();
  }

  // ── WebSocket lifecycle ──

  override async fetch(request: Request): Promise<Response> {
    const isUpgrade = request.headers.get("Upgrade")?.toLowerCase() === "websocket";
    if (!isUpgrade) return new Response("Not found", { status: 404 });
    // The Worker sets this only for a valid officer session; without it nobody gets in.
    if (!request.headers.get(OFFICER_HEADER)) {
      return Response.json(
        { error: { code: "not-allowed", message: "Sign in to see the queue." } },
        { status: 401 },
      );
    }
    return super.fetch(request);
  }

  override onConnect(connection: Connection<OfficerState>, ctx: ConnectionContext): void {
    connection.setState({ officerId: ctx.request.headers.get(OFFICER_HEADER) ?? "" });
    send(connection, { type: "queue", waiting: this.queue() });
  }

  override async onMessage(connection: Connection<OfficerState>, raw: WSMessage): Promise<void> {
    const officerId = connection.state?.officerId;
    if (!officerId) return connection.close(1008, "unknown officer");
    const parsed = parseFrame(DispatcherClientFrame, raw);
    if (!parsed.ok) {
      return send(connection, { type: "error", code: parsed.code, message: parsed.message });
    }
    await this.accept(connection, officerId, parsed.frame.conversationId);
  }

  // ── Behaviour ──

  private async accept(connection: Connection, officerId: string, conversationId: string) {
    const taken = this.sqlStorage
      .exec<Row>("DELETE FROM queue WHERE conversation_id = ? RETURNING *", conversationId)
      .toArray()[0];
    if (!taken) {
      return send(connection, {
        type: "error",
        code: "not-found",
        message: "That conversation is no longer waiting: another officer may have accepted it.",
      });
    }
    this.broadcastQueue();
    try {
      const result = await (await getConversation(this.env, conversationId)).assign(officerId);
      if (!result.ok) return send(connection, { type: "error", code: result.code, message: result.message });
      send(connection, { type: "assigned", conversationId });
    } catch (error) {
      // Nobody has the chat: put it back where it was so the victim is not stranded.
      console.error("assigning a conversation failed", error);
      await this.enqueue(conversationId, Number(taken.waiting_since));
      send(connection, {
        type: "error",
        code: "internal",
        message: "That conversation could not be opened. It is back in the queue.",
      });
    }
  }

  private queue(): WaitingConversation[] {
    return this.sqlStorage
      .exec<Row>("SELECT conversation_id, waiting_since FROM queue ORDER BY waiting_since, conversation_id")
      .toArray()
      .map((row) => ({
        conversationId: String(row.conversation_id),
        waitingSince: Number(row.waiting_since),
      }));
  }

  private broadcastQueue(): void {
    const frame: DispatcherServerFrame = { type: "queue", waiting: this.queue() };
    this.broadcast(JSON.stringify(frame));
  }
}

function send(connection: Connection, frame: DispatcherServerFrame): void {
  connection.send(JSON.stringify(frame));
}
