/**
 * Conversation: one Durable Object per chat.
 *
 *   victim page ──ws──┐                          ┌── D1: messages, conversation row (flush, end)
 *                     ├─▶ Worker ─▶ Conversation ┤
 *   officer console ──┘   (auth)    (this file)  └── R2: transcript (working copy, then final)
 *                                        ▲
 *                        Dispatcher ─────┘ assign(officerId)
 *
 * **Who may connect is decided here, once, before the upgrade.** The Worker only says which
 * officer a session cookie belongs to; this object asks the access policy where that officer
 * stands in the chat, or checks a victim's single-use ticket, and answers 401/403 without
 * upgrading otherwise. What it decided becomes the connection's state and tags.
 * **SQLite is the truth.** Hibernation is on; a connection's role lives in its state and tags;
 * everything else (messages, read marks, what is scheduled) is read from storage each time.
 * **Exactly once, in order.** Messages get a gap-free seq, a client's message id is stored once,
 * the sender is acknowledged only after the message is stored, and a (re)connecting client
 * says the last seq it holds and is sent exactly the rest before anything new.
 * **Time is alarms, never timers**: presence grace, the inactivity question and close, and the
 * periodic flush to D1 and R2 are jobs in a table, with one alarm set to the earliest.
 */
import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import {
  ConversationClientFrame,
  type AssessmentEntry,
  parseFrame,
  type ConnectionRole,
  type ConversationServerFrame,
  type ConversationStatus,
  type EndReason,
  type BlockHours,
  type ParticipantRole,
  type Outcome,
  type OutcomeRequest,
  type PrivateNote,
  type QueueInfo,
  type VictimContext,
  MORE_TIME_MS,
} from "../../shared/protocol";
import { recordBlock } from "../../abuse/blocks";
import { LIMIT_MESSAGES, messageLimit } from "../../abuse/rate-limits";
import { canBlock } from "../../abuse/source";
import { randomSecret, sha256Hex, timingSafeEqual } from "../../auth/secrets";
import { conversationTimings, queueSettings } from "../../config";
import { recordAssigned, recordEnded, recordReturned } from "../../db/conversations";
import { flush } from "../../archive/live-copy";
import { log } from "../../log";
import { sealRecord } from "../../archive/seal";
import { actor, entry } from "../../transcripts/entries";
import { ConversationStore, type ConversationRecord } from "./conversation-store";
import { Admissions } from "../admissions";
import { SINCE_PARAM } from "../headers";
import { admit, type ParticipantState } from "./admission";
import { notActive, type AssignResult } from "./assign-result";
import { NO_LONGER_ASSIGNED, SIGNED_OUT } from "../close-codes";
import type { ConversationJob } from "./jobs";
import { ackFor, send, sendError } from "./send";
import { outcomeOf, type RecordWrite } from "./officer-writes";
import { connectSafely } from "../connect-safely";
import { CONVERSATION_FRAMES, FrameBudgets, type FrameWindow } from "../frame-rules";
import { mayWriteChat } from "../../shared/access-policy";
import { isIdentifiableLanguage } from "../../shared/languages";
import { MessageTranslator } from "./message-translator";
import { RiskReader } from "./risk-reader";
import type { ChatWords } from "../../assist/chat-words";
import { SupervisorNews } from "./supervisor-news";
import { Scheduler } from "../scheduler";
import { StaffCheck } from "../staff-check";
import { getDispatcher } from "../stubs";

/** Who ended the chat, for the record. */
function endedBy(reason: EndReason, officerId: string | null) {
  if (reason === "officer-ended" || reason === "ended-as-abusive") return actor("officer", officerId);
  if (reason === "inactive" || reason === "abandoned") return actor("system");
  return actor("victim");
}

/** How long a victim's connection ticket stays valid. */
const TICKET_LIFETIME_MS = 60_000;
/** Tickets a chat may be given within one lifetime: reconnecting on a bad network, not a flood. */
const MAX_TICKETS = 10;
/**
 * Open sockets a chat takes for each role: a victim or an officer with a second tab or a
 * reconnect not yet noticed, and a few supervisors reading. One more is refused, not upgraded.
 */
const MAX_SOCKETS: Record<ConnectionRole, number> = { victim: 4, officer: 4, observer: 8 };
/** How long to wait before retrying a copy to D1/R2 that failed. */
const RETRY_MS = 30_000;
/** Locations one chat keeps: a victim moving about shares a few; more is a flood. */
const MAX_LOCATIONS = 20;

/** The record of a chat that is still going: waiting for an officer or with one. */
type LiveRecord = ConversationRecord & { status: Exclude<ConversationStatus, "ended"> };

function isLive(record: ConversationRecord | null): record is LiveRecord {
  return record !== null && record.status !== "ended";
}

export class Conversation extends Server<Env> {
  static override options = { hibernate: true };

  #store: ConversationStore | undefined;
  #scheduler: Scheduler<ConversationJob> | undefined;
  #translator: MessageTranslator | undefined;
  #riskReader: RiskReader | undefined;
  /** The message being taken now; the next waits for it (see inArrivalOrder). */
  #arrivals: Promise<void> = Promise.resolve();
  /** How often each side has sent each kind of frame lately, new messages too (rooms/frame-rules.ts). */
  private readonly budgets = new FrameBudgets();
  /** New messages a side may send in a window (abuse/rate-limits.ts). */
  private readonly newMessages: FrameWindow = messageLimit(this.env);
  /** Who each socket being opened is, as `fetch` decided (rooms/admissions.ts). */
  readonly #admissions = new Admissions<ParticipantState>();
  /** The supervision page's news of this chat, told to the Dispatcher (supervisor-news.ts). */
  private readonly supervisorNews = new SupervisorNews(this.env, () => this.name, (work) => this.ctx.waitUntil(work));

  get translator(): MessageTranslator {
    this.#translator ??= new MessageTranslator({
      env: this.env,
      store: this.store,
      announce: (seq, language, translation) => {
        // A finished translation (or a failed one) is part of the record; "pending" is not.
        if (translation.status !== "pending") this.store.appendEntry(entry.translation({ seq, ...translation }, Date.now()));
        this.broadcastFrame({ type: "translation", seq, language, translation });
        const message = this.store.message(seq);
        if (message && translation.status === "done") this.riskReader.read(message);
      },
      waitUntil: (work) => this.ctx.waitUntil(work),
    });
    return this.#translator;
  }

  get riskReader(): RiskReader {
    this.#riskReader ??= new RiskReader({
      env: this.env,
      store: this.store,
      tellStaff: (frame) => this.tellStaff(frame),
      waitUntil: (work) => this.ctx.waitUntil(work),
    });
    return this.#riskReader;
  }

  get store(): ConversationStore {
    this.#store ??= new ConversationStore(this.ctx.storage);
    return this.#store;
  }

  get scheduler(): Scheduler<ConversationJob> {
    this.#scheduler ??= new Scheduler<ConversationJob>(this.ctx.storage);
    return this.#scheduler;
  }

  /** Staff sockets' sign-ins, rechecked before anything new reaches them (rooms/staff-check.ts). */
  private readonly staffCheck = new StaffCheck(this.env.DB, (connection) => {
    const state = connection.state as ParticipantState | null;
    return state && state.role !== "victim" && state.officerId ? { officerId: state.officerId, sessionHash: state.sessionHash ?? null } : null;
  });

  get timings() {
    return { ...conversationTimings(this.env), ...queueSettings(this.env) };
  }

  // ── RPC from the Worker and the Dispatcher ──

  /** Called once, by the Worker, when a victim starts a chat. */
  async open(tokenHash: string, createdAt: number, victim: VictimContext, source: string | null = null): Promise<void> {
    if (this.store.read()) throw new Error("conversation already exists");
    this.store.create(this.name, tokenHash, createdAt, victim);
    if (source) this.store.addSource(source);
    this.store.appendEntry(entry.opened(this.name, createdAt, victim));
    // A chat whose victim never connects gives up its place like one whose victim left; the
    // first connection cancels this (onConnect).
    await this.scheduler.set("abandon", createdAt + this.timings.waitingAbandonMs);
  }

  /**
   * A risk assessment change, made through the API, goes into the record. False when the chat
   * has ended: its record is sealed (or being sealed) and changes become addenda instead.
   */
  async recordAssessment(change: AssessmentEntry): Promise<boolean> {
    if (!this.liveRecord()) return false;
    this.store.appendEntry(entry.assessment(change));
    return true;
  }

  /**
   * A private note from the officer in the chat, attributed to the officer the Worker signed in.
   * Refused once the chat has ended: then the note becomes an addendum to the sealed record.
   */
  async addNote(officerId: string, text: string): Promise<RecordWrite<PrivateNote>> {
    const refused = this.refuseUnlessOfficerInChat(officerId);
    if (refused) return refused;
    return this.keepNote({ at: Date.now(), officerId, text });
  }

  /**
   * A supervisor's private message to the officer who has the chat now: a note that names them
   * both, kept and shown to staff exactly as notes are. Who may send one is the Worker's
   * question of the access policy; that the chat has an officer to receive it is this object's.
   */
  async addPrivateMessage(supervisor: { officerId: string; displayName: string }, text: string): Promise<RecordWrite<PrivateNote>> {
    const record = this.liveRecord();
    if (!record) return { ok: false, code: "conversation-ended" };
    if (record.status !== "active" || record.officerId === null) return { ok: false, code: "not-allowed" };
    const privateMessage = { fromName: supervisor.displayName, toOfficerId: record.officerId };
    return this.keepNote({ at: Date.now(), officerId: supervisor.officerId, text, privateMessage });
  }

  /** The one write path of notes: stored, chained into the record, then shown to staff only. */
  private keepNote(note: PrivateNote): RecordWrite<PrivateNote> {
    this.store.addNote(note);
    this.store.appendEntry(entry.note(note));
    this.tellStaff({ type: "note", note });
    return { ok: true, value: note };
  }

  /** How the chat ended up, from the officer in it; as for notes, an addendum once it has ended. */
  async recordOutcome(officerId: string, request: OutcomeRequest): Promise<RecordWrite<Outcome>> {
    const refused = this.refuseUnlessOfficerInChat(officerId);
    if (refused) return refused;
    const outcome = outcomeOf(request, officerId, Date.now());
    this.store.setOutcome(outcome);
    this.store.appendEntry(entry.outcome(outcome));
    this.tellStaff({ type: "outcome", outcome });
    return { ok: true, value: outcome };
  }

  private refuseUnlessOfficerInChat(officerId: string): { ok: false; code: "conversation-ended" | "not-allowed" } | null {
    const record = this.liveRecord();
    if (!record) return { ok: false, code: "conversation-ended" };
    if (!mayWriteChat({ id: officerId }, record)) return { ok: false, code: "not-allowed" };
    return null;
  }

  /** The conversation's state if `tokenHash` is the victim's token, else null. */
  async statusForToken(tokenHash: string): Promise<ConversationStatus | null> {
    const record = this.store.read();
    return record && timingSafeEqual(record.tokenHash, tokenHash) ? record.status : null;
  }

  /** The victim's page has gone (quick exit, or leaving quietly while offline): the officer is told how. */
  async leftByBeacon(tokenHash: string, reason: "quick-exit" | "left-quietly"): Promise<boolean> {
    if ((await this.statusForToken(tokenHash)) === null) return false;
    await this.end(reason);
    return true;
  }

  /**
   * Exchanges the victim's token for a short-lived, single-use WebSocket ticket: null for a
   * wrong token, "too-many" once MAX_TICKETS were given within a ticket's lifetime.
   */
  async issueTicket(tokenHash: string, source: string | null = null): Promise<string | "too-many" | null> {
    if ((await this.statusForToken(tokenHash)) === null) return null;
    if (source) this.store.addSource(source);
    const ticket = randomSecret();
    const now = Date.now();
    return this.store.addTicket(await sha256Hex(ticket), now, now + TICKET_LIFETIME_MS, MAX_TICKETS) ? ticket : "too-many";
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
    const now = Date.now();
    // D1 first: if it fails nothing has changed here, and the Dispatcher puts the chat back.
    await recordAssigned(this.env.DB, record.id, officerId, now, "accepted");
    this.store.markActive(officerId, now);
    this.store.appendEntry(entry.accepted(officerId, now));
    // The victim's quiet time counts from when someone is there to answer them.
    await this.scheduler.set("inactivity-prompt", this.nextQuestionAt(now));
    await this.scheduler.ensure("flush", now + this.flushDelay());
    this.broadcastFrame({ type: "status", status: "active" });
    return { ok: true };
  }

  /**
   * The chat's messages, as written and as translated, for officer assist's drafts (issue 23:
   * routes/assist.ts, which has checked the caller is in the chat and drafting is on).
   */
  async chatWords(): Promise<ChatWords[]> {
    return this.store.messagesAfter(0).map((message) => ({
      seq: message.seq,
      from: message.from,
      text: message.text,
      translation: message.translation.status === "done" ? message.translation.text : null,
    }));
  }

  /** The Dispatcher tells a waiting victim their place in the queue. */
  async setQueueInfo(queue: QueueInfo): Promise<void> {
    if (this.store.read()?.status !== "waiting") return;
    this.store.setQueueInfo(queue);
    this.broadcastFrame({ type: "queue", queue });
  }

  /**
   * The chat goes back to the queue: its officer handed it back or left. The victim keeps
   * their connection and everything written; they are told, neutrally, someone new will come.
   */
  async unassign(reason: "returned-to-queue" | "officer-left", note: string, fromOfficerId: string): Promise<AssignResult> {
    const record = this.store.read();
    if (record?.status !== "active") return notActive(record?.status);
    await recordReturned(this.env.DB, record.id);
    this.store.markWaiting();
    this.store.appendEntry(entry.returned(fromOfficerId, reason, note, Date.now()));
    await this.scheduler.cancel("inactivity-prompt");
    await this.scheduler.cancel("inactivity-close");
    this.handOver(fromOfficerId, note || (reason === "officer-left" ? "The previous officer left the console." : ""));
    this.dismissOfficers();
    this.broadcastFrame({ type: "notice", notice: "returned-to-queue" });
    this.broadcastFrame({ type: "status", status: "waiting" });
    return { ok: true };
  }

  /** The chat moves to another officer, with a note they will see; the victim sees a neutral notice. */
  async reassign(toOfficerId: string, note: string, fromOfficerId: string): Promise<AssignResult> {
    const record = this.store.read();
    if (record?.status !== "active") return notActive(record?.status);
    const now = Date.now();
    await recordAssigned(this.env.DB, record.id, toOfficerId, now, "transferred");
    this.store.markActive(toOfficerId, now);
    this.store.appendEntry(entry.transferred(fromOfficerId, toOfficerId, note, now));
    this.handOver(fromOfficerId, note);
    this.dismissOfficers();
    this.broadcastFrame({ type: "notice", notice: "officer-changed" });
    return { ok: true };
  }

  private handOver(fromOfficerId: string, note: string): void {
    if (!note) return;
    const handover = { at: Date.now(), fromOfficerId, note };
    this.store.addHandover(handover);
    for (const connection of this.getConnections<ParticipantState>("observer")) send(connection, { type: "handover", handover });
  }

  /** The officer who had the chat no longer does: their sockets close, quietly for the victim. */
  private dismissOfficers(): void {
    for (const connection of this.getConnections("officer")) connection.close(NO_LONGER_ASSIGNED, "no longer assigned");
  }

  // ── WebSocket lifecycle ──

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Not found", { status: 404 });
    }
    const participant = await admit(this.store, request, (candidate) => this.openConnections(candidate).length < MAX_SOCKETS[candidate]);
    if (participant instanceof Response) return participant;
    this.#admissions.admit(request, participant);
    return super.fetch(request);
  }

  override getConnectionTags(_connection: Connection, ctx: ConnectionContext): string[] {
    const participant = this.#admissions.of(ctx.request);
    return participant ? [participant.role] : [];
  }

  override async onConnect(connection: Connection<ParticipantState>, ctx: ConnectionContext) {
    await connectSafely("Conversation", connection, () => this.welcome(connection, ctx));
  }

  /** A new socket: who it is, presence for the other side, and everything it has not seen yet. */
  private async welcome(connection: Connection<ParticipantState>, ctx: ConnectionContext) {
    const participant = this.#admissions.of(ctx.request);
    if (!participant) return connection.close(1008, "unknown participant");
    connection.setState(participant);
    const role = participant.role;
    const since = Number(new URL(ctx.request.url).searchParams.get(SINCE_PARAM) ?? 0);
    const record = this.store.read();
    if (!record) return connection.close(1011, "conversation missing");

    if (role !== "observer") {
      // Back within the grace period: the other side was never told this side had gone.
      const wasOnline = this.openConnections(role, connection).length > 0 || this.scheduler.dueAt(`offline:${role}`) !== null;
      await this.scheduler.cancel(`offline:${role}`);
      if (role === "victim") {
        await this.scheduler.cancel("abandon");
        // Ready to read the victim's first message without waiting for the language model.
        this.translator.prepare();
      }
      if (!wasOnline && record.status !== "ended") {
        this.broadcastFrame({ type: "presence", role, online: true }, [connection.id]);
      }
    }

    send(connection, {
      type: "welcome",
      role,
      status: record.status,
      messages: this.store.messagesAfter(Number.isSafeInteger(since) && since > 0 ? since : 0),
      lastSeq: this.store.lastSeq(),
      presence: { victim: this.isOnline("victim"), officer: this.isOnline("officer") },
      read: record.read,
      inactivityClosesAt: record.inactivityClosesAt,
      moreTimeUntil: record.moreTimeUntil !== null && record.moreTimeUntil > Date.now() ? record.moreTimeUntil : null,
      endReason: record.endReason,
      queue: record.status === "waiting" ? record.queue : null,
      handovers: role === "victim" ? [] : this.store.handovers(),
      locations: this.store.locations(),
      victim: role === "victim" ? null : record.victim,
      translationOn: this.translator.on,
      startedAt: record.createdAt,
      acceptedAt: record.acceptedAt,
      notes: role === "victim" ? [] : this.store.notes(),
      outcome: role === "victim" ? null : record.outcome,
      riskCues: role === "victim" ? [] : this.store.riskCues(),
    });
  }

  override async onMessage(connection: Connection<ParticipantState>, raw: WSMessage): Promise<void> {
    const role = connection.state?.role;
    if (!role) return connection.close(1008, "unknown participant");
    const parsed = parseFrame(ConversationClientFrame, raw);
    if (!parsed.ok) return sendError(connection, parsed.code, parsed.message);
    const frame = parsed.frame;
    // Who may send it, and how often, for this side of the chat however many sockets it has.
    const verdict = this.budgets.check<ConnectionRole>(CONVERSATION_FRAMES[frame.type], role, `${role}:${frame.type}`);
    if (verdict === "drop") return;
    if (verdict === "not-allowed") {
      return sendError(connection, "not-allowed", role === "observer" ? "You are reading this conversation; you cannot write in it." : "That is not yours to send in this conversation.");
    }
    if (verdict === "too-many") return sendError(connection, "too-many", "That was sent too often. Wait a few seconds, then try again.");
    // Before a message is taken and passed on, staff whose sign-in has ended are closed out; in
    // the same queue as messages, so their order is kept.
    void this.inArrivalOrder(() => this.staffCheck.ifDue(this.getConnections()));
    // Once ended, the record is sealed and this object keeps nothing: only "end" is answered.
    const record = frame.type === "end" ? this.store.read() : this.liveRecord();
    if (!record) {
      return frame.type === "typing" || frame.type === "read"
        ? undefined
        : sendError(connection, "conversation-ended", "This conversation has ended. Add anything further to its record.");
    }
    if (role === "observer") return; // refused above; this narrows the type for what follows
    switch (frame.type) {
      case "send":
        return this.inArrivalOrder(() =>
          this.receive(connection, role, frame.id, frame.text, role === "officer" ? frame.quickReply : undefined),
        );
      case "retry-translation":
        if (!this.translator.retry(frame.seq)) {
          sendError(connection, "not-allowed", "That message has no failed translation to retry.");
        }
        return;
      case "set-language":
        return this.correctLanguage(connection, frame.seq, frame.language);
      case "typing":
        return this.broadcastFrame({ type: "typing", role }, [connection.id]);
      case "read": {
        // Only a mark that moves on is stored and passed on; the same mark again changes nothing.
        if (frame.seq <= record.read[role]) return;
        return this.broadcastFrame({ type: "read", role, seq: this.store.markRead(role, frame.seq) });
      }
      case "still-here":
        return this.victimIsHere({ wrote: false });
      case "more-time":
        return this.giveMoreTime(connection);
      case "location":
        return this.shareLocation(connection, frame);
      case "end":
        if (role === "officer" && frame.abusive) {
          return this.endAsAbusive(connection.state?.officerId ?? "", frame.abusive.blockHours);
        }
        if (role === "officer") return this.end("officer-ended");
        return this.end(frame.quietly ? "left-quietly" : "victim-ended");
    }
  }

  override async onClose(connection: Connection<ParticipantState>): Promise<void> {
    const role = connection.state?.role;
    const record = this.liveRecord();
    if (!role || role === "observer" || !record) return;
    if (this.openConnections(role, connection).length === 0) {
      const now = Date.now();
      await this.scheduler.set(`offline:${role}`, now + this.timings.presenceGraceMs);
      // A victim who leaves the queue without ending the chat gives up their place after a while.
      if (role === "victim" && record.status === "waiting") {
        await this.scheduler.set("abandon", now + this.timings.waitingAbandonMs);
      }
    }
  }

  override async onAlarm(): Promise<void> {
    if (!this.store.read()) return;
    await this.staffCheck.ifDue(this.getConnections());
    await this.scheduler.runDue(Date.now(), (job) => this.run(job));
  }

  // ── Behaviour ──

  /**
   * Takes a new message: stored (and chained into the record) in one statement, then
   * acknowledged, then passed on. A resend of one already stored is acknowledged again and
   * nothing else. Only new messages count towards the side's limit; a refused one stays
   * pending on the client, which sends it again after a pause: nothing is lost or doubled.
   */
  private async receive(
    connection: Connection,
    role: ParticipantRole,
    clientId: string,
    text: string,
    quickReply?: string,
  ) {
    const record = this.recordToWriteIn(connection, role);
    if (!record) return;
    const side = `${role}:new-message`;
    if (!this.budgets.hasRoom(side, this.newMessages)) {
      const already = this.store.findByClientId(role, clientId);
      if (already) return send(connection, ackFor(already));
      // Only the limit's name, as for the binding's limits (abuse/rate-limits.ts).
      log.info("rate-limit.refused", { limit: "message" });
      return sendError(connection, "too-many", LIMIT_MESSAGES.message);
    }
    const { language, translation, establishes } = await this.translator.plan(record, role, text, quickReply);
    // Reading the language may have waited for its model to load (Ethiopic script's, once per
    // isolate): the chat may have ended, its officer changed, or the sender gone (their resend
    // will bring it again). Otherwise this is the same turn: memory says so at no cost.
    if (connection.readyState !== WebSocket.OPEN || !this.recordToWriteIn(connection, role)) return;
    const officerId = role === "officer" ? ((connection.state as ParticipantState | null)?.officerId ?? null) : null;
    const stored = this.store.appendMessage({ from: role, clientId, text, sentAt: Date.now(), language, translation, officerId });
    if (!stored) {
      const already = this.store.findByClientId(role, clientId);
      return already ? send(connection, ackFor(already)) : undefined;
    }
    const { message } = stored;
    this.budgets.count(side, this.newMessages);
    if (establishes) this.store.setVictimLanguageNow(establishes);
    // Stored before anyone hears of it: the ack promises durability (the output gate holds
    // both frames until the write is on disk).
    send(connection, ackFor(message));
    // Delivered in its own words now; the translation follows as an update.
    this.broadcastFrame({ type: "message", message });
    if (translation.status === "pending") this.translator.enqueue(message.seq);
    // Read for risk cues after delivery, in the same turn: a few microseconds, never a wait.
    this.riskReader.read(message);
    if (role === "victim") this.supervisorNews.victimWrote(message.sentAt, message.language);
    // Rescheduling needs no turn in the arrival queue: the next message may be taken meanwhile.
    // Its write (the quiet clock's job) is made in this same turn, so in the common case it
    // commits with the message as one: the object's storage commits together what no await
    // separates. The message's own durability never depends on it.
    this.afterMessage(role).catch((error: unknown) => log.warn("conversation.reschedule-failed", { conversationId: record.id, error }));
  }

  /** What a stored message sets going: the victim's quiet clock, and the next live copy. */
  private async afterMessage(role: ParticipantRole): Promise<void> {
    if (role === "victim") await this.victimIsHere({ wrote: true });
    await this.scheduler.ensure("flush", Date.now() + this.flushDelay());
  }

  /**
   * When the next copy to D1 and R2 is due: within the flush interval, at a random point in its
   * second half, so chats that began together (after an outage, say) do not all copy at once.
   */
  private flushDelay(): number {
    const interval = this.timings.flushIntervalMs;
    return Math.round(interval / 2 + Math.random() * (interval / 2));
  }

  /**
   * Messages are taken strictly in the order they arrive. Nothing on a message's way to storage
   * waits in the common case (its rate is counted here, its language read in memory), so the
   * queue passes straight through; it holds the next message only while one waits for the
   * language model that reads Ethiopic script to load, or for a due sign-in check of staff.
   * Without it the later message could be stored first.
   */
  private inArrivalOrder(task: () => Promise<void>): Promise<void> {
    const turn = this.#arrivals.then(task);
    this.#arrivals = turn.catch(() => undefined);
    return turn;
  }

  /**
   * The assigned officer says a victim's message is in another language (frame-rules.ts lets only
   * officers send it): it and the later ones read the same way are read again and re-translated,
   * and the correction goes into the record before anyone sees its effect.
   */
  private correctLanguage(connection: Connection, seq: number, language: string) {
    const record = this.liveRecordFor(connection);
    if (!record) return;
    const officerId = (connection.state as ParticipantState | null)?.officerId ?? null;
    if (!officerId || !mayWriteChat({ id: officerId }, record)) return sendError(connection, "not-allowed", "Only the officer in this chat can change a message's language.");
    if (!isIdentifiableLanguage(language)) return sendError(connection, "bad-frame", "That is not a language this service knows.");
    const message = this.store.message(seq);
    if (!message || message.from !== "victim") return sendError(connection, "not-found", "There is no message from the victim with that number.");
    if (message.language === language) return;
    this.store.appendEntry(entry.language({ seq, readAs: message.language, language, officerId }, Date.now()));
    this.translator.correct(message, language, record.officerLanguage);
  }

  /**
   * Only the victim shares a location (frame-rules.ts), by pressing the button; staff see it at
   * once. A chat keeps at most MAX_LOCATIONS: enough to follow someone moving, not a flood.
   */
  private shareLocation(connection: Connection, frame: { latitude: number; longitude: number; accuracy: number }) {
    if (this.store.locationCount() >= MAX_LOCATIONS) {
      return sendError(connection, "too-many", "Your location has already been shared many times in this chat.");
    }
    const location = { at: Date.now(), latitude: frame.latitude, longitude: frame.longitude, accuracy: frame.accuracy };
    this.store.addLocation(location);
    this.store.appendEntry(entry.location(location));
    this.broadcastFrame({ type: "location", location });
    this.supervisorNews.locationShared();
  }

  /**
   * The victim wrote or answered: restart the quiet clock and withdraw any question. A message
   * does not move the question's job when it is already pending: the message's own stored time
   * is the clock, which the job reads when it comes due (run, "inactivity-prompt"), so a
   * message costs its Conversation one SQL statement, not two. An answer ("still-here") leaves
   * no message, so it moves the job.
   */
  private async victimIsHere({ wrote }: { wrote: boolean }): Promise<void> {
    const record = this.store.read();
    // Awaited only when asked: otherwise nothing here waits.
    if (record && record.inactivityClosesAt !== null) await this.withdrawQuestion();
    if (record?.status !== "active") return;
    if (wrote && this.scheduler.dueAt("inactivity-prompt") !== null) return;
    await this.scheduler.set("inactivity-prompt", this.nextQuestionAt(Date.now()));
  }

  /** "Are you still there?", if it is being asked, is asked no more: both sides are told, and the chat will not close for it. */
  private async withdrawQuestion(): Promise<void> {
    if ((this.store.read()?.inactivityClosesAt ?? null) === null) return;
    this.store.setInactivityClosesAt(null);
    await this.scheduler.cancel("inactivity-close");
    this.broadcastFrame({ type: "inactivity", closesAt: null });
  }

  /**
   * When to ask "Are you still there?" after quiet from `now`: the usual quiet time, or the end of
   * the officer's "more time" if that is later.
   */
  private nextQuestionAt(now: number): number {
    return Math.max(now + this.timings.inactivityPromptMs, this.store.read()?.moreTimeUntil ?? 0);
  }

  /**
   * The assigned officer gives the victim more time, because they have said they must step away:
   * "Are you still there?" is not asked before MORE_TIME_MS from now, and a question being asked
   * is withdrawn. If the victim is still quiet when it runs out, the question comes then, with the
   * usual time to answer before the chat closes; so the chat stays open at least that much longer
   * than the time both sides are shown. Writing meanwhile does not cut it short (the question then
   * waits for the later of the usual quiet time and its end), nor does the chat going back to the
   * queue or to another officer; giving it again starts it again from then. It is a record entry.
   */
  private async giveMoreTime(connection: Connection): Promise<void> {
    const record = this.liveRecordFor(connection);
    if (!record) return;
    const officerId = (connection.state as ParticipantState | null)?.officerId ?? null;
    if (!officerId || !mayWriteChat({ id: officerId }, record)) {
      return sendError(connection, "not-allowed", "Only the officer in this chat can give the victim more time.");
    }
    const now = Date.now();
    const until = now + MORE_TIME_MS;
    this.store.setMoreTimeUntil(until);
    this.store.appendEntry(entry.moreTime(officerId, now, until));
    await this.withdrawQuestion();
    await this.scheduler.set("inactivity-prompt", until);
    this.broadcastFrame({ type: "more-time", until });
  }

  private async run(job: ConversationJob): Promise<void> {
    const record = this.store.read();
    if (!record) return;
    switch (job) {
      case "flush":
        if (record.status === "ended") return;
        return this.copyLive(record);
      case "archive":
        if (record.status !== "ended") return;
        // Translations asked for before the end belong in the record (each has a deadline).
        await this.translator.finish();
        // A failure throws: the scheduler tries again later, waiting longer each time.
        await this.seal();
        await this.erase();
        return;

      case "offline:victim":
      case "offline:officer": {
        const role = job === "offline:victim" ? "victim" : "officer";
        if (record.status !== "ended" && this.openConnections(role).length === 0) {
          this.broadcastFrame({ type: "presence", role, online: false });
        }
        return;
      }
      case "inactivity-prompt": {
        if (record.status !== "active") return;
        // Not while the victim has written within the quiet time (messages do not move this job:
        // victimIsHere), nor while the officer's "more time" holds: then it waits for the later.
        const lastWrote = this.store.lastVictimMessageAt();
        const waitUntil = lastWrote === null ? (record.moreTimeUntil ?? 0) : this.nextQuestionAt(lastWrote);
        if (Date.now() < waitUntil) return this.scheduler.set("inactivity-prompt", waitUntil);
        this.store.setMoreTimeUntil(null);
        const closesAt = Date.now() + this.timings.inactivityCloseMs;
        this.store.setInactivityClosesAt(closesAt);
        await this.scheduler.set("inactivity-close", closesAt);
        this.broadcastFrame({ type: "inactivity", closesAt });
        return;
      }
      case "inactivity-close":
        if (record.status === "active" && record.inactivityClosesAt !== null) await this.end("inactive");
        return;
      case "abandon":
        if (record.status === "waiting" && this.openConnections("victim").length === 0) await this.end("abandoned");
        return;
    }
  }

  /** Copies what is new since the last copy to D1 and R2 (archive/live-copy.ts); a failure is retried. */
  private async copyLive(record: ConversationRecord): Promise<void> {
    this.translator.settleStale(Date.now());
    try {
      const fresh = this.store.messagesAfter(record.flushedSeq);
      const entries = this.store.entriesAfter(record.liveCopiedN, record.flushedSeq);
      const copied = await flush(this.env, record, fresh, entries);
      this.store.markFlushed(copied.seq, copied.n);
    } catch (error) {
      log.warn("conversation.flush-failed", { conversationId: record.id, error });
      await this.scheduler.set("flush", Date.now() + RETRY_MS);
    }
  }

  /**
   * Ends the chat. Idempotent and final: a second end changes nothing. Both sides are told at
   * once; sealing the record (a PDF, R2 and D1: up to seconds) is the "archive" job, set for now
   * and run by the alarm, retried until it is done, and this object is erased only after it.
   * Until then D1 says the chat has ended and its record is being sealed (Records shows that).
   */
  async end(reason: EndReason): Promise<void> {
    const record = this.liveRecord();
    if (!record) return;
    const endedAt = Date.now();
    this.store.markEnded(reason, endedAt);
    this.store.setInactivityClosesAt(null);
    this.store.appendEntry(entry.ended(reason, endedAt, endedBy(reason, record.officerId)));
    await this.scheduler.cancelAll();
    await this.scheduler.set("archive", endedAt);
    this.broadcastFrame({ type: "ended", reason });
    await Promise.all([
      // A chat that ends while still waiting must leave the officers' queue.
      getDispatcher(this.env)
        .then((dispatcher) => dispatcher.forget(record.id, reason))
        .catch((error: unknown) => log.warn("conversation.forget-failed", { conversationId: record.id, error })),
      // The seal writes this too; until then Records shows the chat as ended, being sealed.
      recordEnded(this.env.DB, record.id, endedAt, reason).catch((error: unknown) =>
        log.warn("conversation.end-copy-failed", { conversationId: record.id, error }),
      ),
    ]);
  }

  /**
   * The officer judged the chat to be abuse (someone harassing officers, or an abuser posing
   * as a victim): its sources are blocked for `hours`, by keyed hash only, and the chat ends.
   * A note in the record says what was done, or why the block could not be made.
   */
  private async endAsAbusive(officerId: string, hours: BlockHours): Promise<void> {
    const record = this.liveRecord();
    if (!record) return;
    const at = Date.now();
    const until = at + hours * 3_600_000;
    const sources = this.store.sources();
    const period = hours === 24 ? "a day" : hours === 168 ? "7 days" : "30 days";
    let text: string;
    if (!canBlock(this.env)) {
      text = "Ended as abusive. Its source could not be blocked: this service has no SOURCE_KEY set.";
    } else if (sources.length === 0) {
      text = "Ended as abusive. Its source could not be blocked: it is not known.";
    } else {
      await recordBlock(this.env.DB, { sourceHashes: sources, until, conversationId: record.id, officerId, at });
      text = `Ended as abusive. Its source is blocked from starting chats for ${period}, until ${new Date(until).toISOString()}.`;
    }
    const note = { at, officerId, text };
    this.store.addNote(note);
    this.store.appendEntry(entry.note(note));
    this.tellStaff({ type: "note", note });
    await this.end("ended-as-abusive");
  }

  /** Seals the ended chat's record to R2 and D1, once; throws if that failed (the job retries). */
  private async seal(): Promise<void> {
    const record = this.store.read();
    if (!record || record.status !== "ended" || record.archivedAt !== null) return;
    try {
      const chat = this.store.messagesAfter(0);
      await sealRecord(this.env, record, chat, this.store.entries());
      this.store.markFlushed(chat.at(-1)?.seq ?? 0);
      this.store.markArchived(Date.now());
    } catch (error) {
      log.error("conversation.seal-failed", { conversationId: record.id, error });
      throw error;
    }
  }

  /** The officer's sessions were ended: their sockets here (in the chat or reading it) close now. */
  async disconnectOfficer(officerId: string): Promise<void> {
    for (const connection of this.getConnections<ParticipantState>()) {
      if (connection.state?.role !== "victim" && connection.state?.officerId === officerId) connection.close(SIGNED_OUT, "signed out");
    }
  }

  /** Retention: whatever this object still holds is deleted (normally nothing: see `erase`). */
  async eraseRecord(): Promise<void> {
    await this.erase();
  }

  /**
   * After sealing, this object keeps nothing: the sealed record in R2 and D1 is the only copy.
   * Connections still open are closed; they would only be told the chat has ended.
   */
  private async erase(): Promise<void> {
    this.#scheduler?.close();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.#store = undefined;
    this.#scheduler = undefined;
    for (const connection of this.getConnections()) connection.close(1000, "conversation ended");
  }

  // ── Guards: has the chat ended, may this side write ──

  /** The record while the chat goes on; null once it has ended, before it began, or after erasing. */
  private liveRecord(): LiveRecord | null {
    const record = this.store.read();
    return isLive(record) ? record : null;
  }

  /** The record while the chat goes on, else null once `connection` has been told it has ended. */
  private liveRecordFor(connection: Connection): LiveRecord | null {
    const record = this.liveRecord();
    if (!record) sendError(connection, "conversation-ended", "This conversation has ended.");
    return record;
  }

  /** The live record if `role` may write in it now (an officer once they have accepted), else null once `connection` is told why not. */
  private recordToWriteIn(connection: Connection, role: ParticipantRole): LiveRecord | null {
    const record = this.liveRecordFor(connection);
    if (record && role === "officer" && record.status !== "active") {
      sendError(connection, "not-allowed", "Accept the conversation before writing.");
      return null;
    }
    return record;
  }

  // ── Connections ──

  /** Open sockets of one side, not counting `except` (the one connecting or closing). */
  private openConnections(role: ConnectionRole, except?: Connection): Connection[] {
    return [...this.getConnections(role)].filter(
      (c) => c.readyState === WebSocket.OPEN && c.id !== except?.id,
    );
  }

  /** Connected, or disconnected so recently that the other side has not been told. */
  private isOnline(role: ParticipantRole): boolean {
    return this.openConnections(role).length > 0 || this.scheduler.dueAt(`offline:${role}`) !== null;
  }

  /** Notes and outcomes are for staff only: never sent to the victim's connections. */
  private tellStaff(frame: ConversationServerFrame): void {
    for (const role of ["officer", "observer"] as const) {
      for (const connection of this.getConnections(role)) send(connection, frame);
    }
  }

  private broadcastFrame(frame: ConversationServerFrame, without?: string[]): void {
    this.broadcast(JSON.stringify(frame), without);
  }
}
