/**
 * Conversation: one Durable Object per chat.
 *
 *   victim page ──ws──┐                          ┌── D1: messages, conversation row (at the end)
 *                     ├─▶ Worker ─▶ Conversation ┤
 *   officer console ──┘   (auth)    (this file)  └── R2: JSON transcript (at the end)
 *                                        ▲
 *                        Dispatcher ─────┘ assign(officerId)
 *
 * **Who may connect is decided here, before the upgrade.** The Worker only says which officer
 * a session cookie belongs to; this object checks that officer is the one assigned, or that a
 * victim's single-use ticket is valid, and answers 401/403 without upgrading otherwise.
 * **SQLite is the truth.** Hibernation is on; per-connection role lives in connection state.
 */
import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import {
  ConversationClientFrame,
  parseFrame,
  type ConversationServerFrame,
  type EndReason,
  type ErrorCode,
  type ParticipantRole,
} from "../shared/protocol";
import { randomSecret, sha256Hex } from "../auth/secrets";
import { archiveConversation } from "../transcripts/archive";
import { ConversationStore } from "./conversation-store";
import { OFFICER_HEADER, ROLE_HEADER, TICKET_PARAM } from "./headers";
import { getDispatcher } from "./stubs";

/** How long a victim's connection ticket stays valid. */
const TICKET_LIFETIME_MS = 60_000;
/** How long to wait before retrying an archive that failed. */
const ARCHIVE_RETRY_MS = 30_000;

interface ParticipantState {
  role: ParticipantRole;
}

export type AssignResult = { ok: true } | { ok: false; code: ErrorCode; message: string };

export class Conversation extends Server<Env> {
  static override options = { hibernate: true };

  #store: ConversationStore | undefined;

  get store(): ConversationStore {
    this.#store ??= new ConversationStore(this.ctx.storage.sql);
    return this.#store;
  }

  // ── RPC from the Worker and the Dispatcher ──

  /** Called once, by the Worker, when a victim starts a chat. */
  async open(tokenHash: string, createdAt: number): Promise<void> {
    if (this.store.read()) throw new Error("conversation already exists");
    this.store.create(this.name, tokenHash, createdAt);
  }

  /** Exchanges the victim's token for a short-lived, single-use WebSocket ticket. */
  async issueTicket(tokenHash: string): Promise<string | null> {
    const record = this.store.read();
    if (!record || !timingSafeEqual(record.tokenHash, tokenHash)) return null;
    const ticket = randomSecret();
    this.store.addTicket(await sha256Hex(ticket), Date.now() + TICKET_LIFETIME_MS);
    return ticket;
  }

  /** Called by the Dispatcher once it has taken this conversation off the queue for an officer. */
  async assign(officerId: string): Promise<AssignResult> {
    const record = this.store.read();
    if (!record) return { ok: false, code: "not-found", message: "That conversation does not exist." };
    if (record.status === "ended") {
      return { ok: false, code: "conversation-ended", message: "That conversation has ended." };
    }
    if (record.status === "active") {
      return record.officerId === officerId
        ? { ok: true }
        : { ok: false, code: "not-allowed", message: "Another officer has this conversation." };
    }
    this.store.markActive(officerId, Date.now());
    this.broadcastFrame({ type: "status", status: "active" });
    return { ok: true };
  }

  // ── WebSocket lifecycle ──

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Not found", { status: 404 });
    }
    const role = await this.admit(request);
    if (role instanceof Response) return role;
    const admitted = new Request(request);
    admitted.headers.set(ROLE_HEADER, role);
    return super.fetch(admitted);
  }

  /** Decides who this upgrade is from, or the refusal to send instead of upgrading. */
  private async admit(request: Request): Promise<ParticipantRole | Response> {
    const record = this.store.read();
    if (!record) return refuse(404, "not-found", "That conversation does not exist.");
    const officerId = request.headers.get(OFFICER_HEADER);
    if (officerId) {
      if (record.officerId === officerId) return "officer";
      return refuse(403, "not-allowed", "This conversation is not assigned to you.");
    }
    const ticket = new URL(request.url).searchParams.get(TICKET_PARAM);
    if (ticket && this.store.redeemTicket(await sha256Hex(ticket), Date.now())) return "victim";
    return refuse(401, "not-allowed", "You need a valid invitation to join this conversation.");
  }

  override onConnect(connection: Connection<ParticipantState>, ctx: ConnectionContext): void {
    const role = ctx.request.headers.get(ROLE_HEADER) as ParticipantRole;
    connection.setState({ role });
    const record = this.store.read();
    send(connection, {
      type: "welcome",
      role,
      status: record?.status ?? "ended",
      messages: this.store.messages(),
    });
  }

  override async onMessage(connection: Connection<ParticipantState>, raw: WSMessage): Promise<void> {
    const role = connection.state?.role;
    if (!role) return connection.close(1008, "unknown participant");
    const parsed = parseFrame(ConversationClientFrame, raw);
    if (!parsed.ok) return sendError(connection, parsed.code, parsed.message);
    const frame = parsed.frame;
    switch (frame.type) {
      case "send":
        return this.receive(connection, role, frame.id, frame.text);
      case "end":
        return this.end(role === "victim" ? "victim-ended" : "officer-ended");
    }
  }

  override onAlarm(): Promise<void> {
    return this.archive();
  }

  // ── Behaviour ──

  private receive(connection: Connection, role: ParticipantRole, clientId: string, text: string) {
    const record = this.store.read();
    if (!record || record.status === "ended") {
      return sendError(connection, "conversation-ended", "This conversation has ended.");
    }
    if (role === "officer" && record.status !== "active") {
      return sendError(connection, "not-allowed", "Accept the conversation before writing.");
    }
    const already = this.store.findByClientId(role, clientId);
    if (already) return send(connection, { type: "ack", id: already.id, seq: already.seq });
    const message = this.store.append(role, clientId, text, Date.now());
    // Stored before anyone hears of it: the ack promises durability.
    send(connection, { type: "ack", id: message.id, seq: message.seq });
    this.broadcastFrame({ type: "message", message });
  }

  /** Ends the chat. Idempotent and final: a second end changes nothing. */
  async end(reason: EndReason): Promise<void> {
    const record = this.store.read();
    if (!record || record.status === "ended") return;
    this.store.markEnded(reason, Date.now());
    this.broadcastFrame({ type: "ended", reason });
    await this.archive();
    try {
      // A chat that ends while still waiting must leave the officers' queue.
      await (await getDispatcher(this.env)).forget(record.id);
    } catch (error) {
      console.error("could not remove an ended conversation from the queue", error);
    }
  }

  private async archive(): Promise<void> {
    const record = this.store.read();
    if (!record || record.status !== "ended" || record.archivedAt !== null) return;
    try {
      await archiveConversation(this.env, record, this.store.messages());
      this.store.markArchived(Date.now());
    } catch (error) {
      console.error("archiving conversation failed; will retry", error);
      await this.ctx.storage.setAlarm(Date.now() + ARCHIVE_RETRY_MS);
    }
  }

  private broadcastFrame(frame: ConversationServerFrame): void {
    this.broadcast(JSON.stringify(frame));
  }
}

function send(connection: Connection, frame: ConversationServerFrame): void {
  connection.send(JSON.stringify(frame));
}

function sendError(connection: Connection, code: ErrorCode, message: string): void {
  send(connection, { type: "error", code, message });
}

function refuse(status: number, code: ErrorCode, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
