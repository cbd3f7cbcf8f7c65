/**
 * Floor A: the platform's floor for the delivery benchmarks. The same platform as quietline
 * (a Worker, partyserver's routing, a Durable Object per conversation with hibernation on, one
 * workerd run by `wrangler dev --local`) doing only what the Node relay (../relay.ts) does: check
 * the frame, keep each client id once per sender, number the message, acknowledge it and send it
 * to both sides, all in memory. What quietline costs above it is quietline's own work.
 *
 * It speaks quietline's socket protocol as the benchmark's clients use it: a conversation is
 * /parties/conversation/<room>, a victim connects on the victims' hostname (localhost) and an
 * officer on the staff hostname (console.localhost). No sign-in, ticket, storage or record.
 *
 * Floor B is the same Worker with STORE=1: each new message is also stored in the object's
 * SQLite, in one statement, before it is acknowledged, as quietline stores it. What it costs
 * above floor A is the platform's price of that promise; what quietline costs above floor B is
 * the rest of quietline's work (language, record chain, risk cues, rate limits, scheduling).
 *
 * Benchmark-only: run by ../floor-a.ts with its own wrangler.toml beside this file; the deployed
 * Worker (worker/index.ts) neither imports it nor knows it.
 */
import { routePartykitRequest, Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";

interface Env {
  Conversation: DurableObjectNamespace<Conversation>;
  /** "1" for floor B: each new message is stored in the object's SQLite before it is acknowledged. */
  STORE?: string;
}

type Role = "victim" | "officer";

interface Message {
  id: string;
  seq: number;
  from: Role;
  text: string;
  sentAt: number;
}

const CLIENT_ID = /^[\w-]{8,64}$/;
const MAX_TEXT = 4000;

export class Conversation extends Server<Env> {
  static override options = { hibernate: true };

  #seq = 0;
  /** Each message by `<role>:<client id>`: a resent message is acknowledged again, never stored twice. */
  readonly #messages = new Map<string, Message>();

  override onStart(): void {
    if (this.env.STORE !== "1") return;
    const sql = this.ctx.storage.sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY, sender TEXT NOT NULL, client_id TEXT NOT NULL, body TEXT NOT NULL, sent_at INTEGER NOT NULL,
      UNIQUE (sender, client_id))`);
    // Woken from hibernation: numbering goes on from the last message stored.
    this.#seq = Number(sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM messages").one().seq ?? 0);
  }

  /**
   * Floor B: stores `message` in one statement before it is acknowledged. One sent before this
   * object last slept is not stored twice: it is the stored one, acknowledged again.
   */
  #store(message: Message): Message {
    const sql = this.ctx.storage.sql;
    const { id, seq, from, text, sentAt } = message;
    const stored = sql.exec(
      "INSERT INTO messages (seq, sender, client_id, body, sent_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sender, client_id) DO NOTHING",
      seq, from, id, text, sentAt,
    );
    if (stored.rowsWritten > 0) return message;
    const row = sql.exec<{ seq: number; sent_at: number }>("SELECT seq, sent_at FROM messages WHERE sender = ? AND client_id = ?", from, id).one();
    return { ...message, seq: row.seq, sentAt: row.sent_at };
  }

  override onConnect(connection: Connection<{ role: Role }>, ctx: ConnectionContext): void {
    const role: Role = new URL(ctx.request.url).hostname.startsWith("console.") ? "officer" : "victim";
    connection.setState({ role });
    connection.send(JSON.stringify({ type: "welcome", role }));
  }

  override onMessage(connection: Connection<{ role: Role }>, raw: WSMessage): void {
    const role = connection.state?.role;
    if (!role) return connection.close(1008, "unknown participant");
    let frame: { type?: unknown; id?: unknown; text?: unknown };
    try {
      frame = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw));
    } catch {
      return connection.send(JSON.stringify({ type: "error", code: "bad-frame", message: "not JSON" }));
    }
    const { type, id, text } = frame;
    if (type !== "send" || typeof id !== "string" || !CLIENT_ID.test(id) || typeof text !== "string" || !text.trim() || text.length > MAX_TEXT) {
      return connection.send(JSON.stringify({ type: "error", code: "bad-frame", message: "not a message" }));
    }
    const key = `${role}:${id}`;
    let message = this.#messages.get(key);
    if (!message) {
      message = { id, seq: this.#seq + 1, from: role, text, sentAt: Date.now() };
      if (this.env.STORE === "1") message = this.#store(message);
      this.#seq = Math.max(this.#seq, message.seq);
      this.#messages.set(key, message);
    }
    connection.send(JSON.stringify({ type: "ack", id, seq: message.seq, sentAt: message.sentAt }));
    this.broadcast(JSON.stringify({ type: "message", message }));
  }
}

export default {
  async fetch(request, env) {
    // The benchmark's readiness check.
    if (new URL(request.url).pathname === "/") return new Response("floor A");
    return (await routePartykitRequest(request, env)) ?? new Response("Not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
