/**
 * Dispatcher: one Durable Object for the whole service: the queue, officers' status and
 * capacity, who has which chat, transfers, and the supervisors' live picture.
 *
 *   Worker ── enqueue(id) ──▶ Dispatcher ◀──ws── officer and supervisor consoles
 *   Conversation ─ forget(id) ─▶   │  ──▶ D1 queue_events (through the outbox)
 *                                  └── assign / reassign / unassign / setQueueInfo ──▶ Conversation
 *
 * **Taking a chat off the queue is one synchronous SQLite statement**, so two officers who
 * accept the same chat at once get one winner and one clear answer; the winner's load is
 * counted before anything is awaited, so capacity holds under concurrent accepts too.
 * **Everything is in SQLite** (queue, officers, assignments, unsent events): a restart loses
 * no waiting chat and no assignment. An officer whose console is gone past the grace period
 * has their chats put back at the front of the queue, by alarm.
 */
import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import {
  DispatcherClientFrame,
  parseFrame,
  type DispatcherServerFrame,
  type ErrorCode,
  type LiveFigures,
  type OfficerSummary,
} from "../../shared/protocol";
import { queueSettings } from "../../config";
import { signedOut } from "../../http/errors";
import { may, mayReassign } from "../../shared/access-policy";
import { log } from "../../log";
import { DispatcherStore, type QueueEntry } from "./dispatcher-store";
import { ChatWatch, questionCount, type ChatNews } from "./chat-watch";
import { DASH } from "../../assessment/dash";
import { EventOutbox, type QueueEvent } from "./event-outbox";
import { SIGNED_OUT } from "../close-codes";
import { connectSafely } from "../connect-safely";
import { DISPATCHER_FRAMES, FrameBudgets } from "../frame-rules";
import { Admissions } from "../admissions";
import { staffOpening, type StaffOnSocket } from "../headers";
import { Scheduler } from "../scheduler";
import { StaffCheck } from "../staff-check";
import { getConversation } from "../stubs";
import { ESTIMATE_WINDOW_MS, estimateWait } from "./wait-estimate";
import { meFrame, overviewFrame, queueFrame, staffingOf, type Staffing } from "./console-views";

/** Who a queue socket is, kept as its state; the name is stored with the officer instead. */
type StaffState = Omit<StaffOnSocket, "displayName">;

type Job = `strand:${string}` | "deliver-events";
/** What publish tells everyone about, read once per publish. */
type Picture = Staffing & { waiting: QueueEntry[]; officers: OfficerSummary[] };
type Staff = Connection<StaffState>;

const RETRY_MS = 30_000;

class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class Dispatcher extends Server<Env> {
  static override options = { hibernate: true };

  #store: DispatcherStore | undefined;
  #scheduler: Scheduler<Job> | undefined;
  #outbox: EventOutbox | undefined;
  #watch: ChatWatch | undefined;
  /** How often each officer has sent each kind of frame lately (rooms/frame-rules.ts). */
  private readonly budgets = new FrameBudgets();
  /** Who each socket being opened is, as the Worker said and `fetch` read it (rooms/admissions.ts). */
  readonly #admissions = new Admissions<StaffOnSocket>();

  private get store() {
    this.#store ??= new DispatcherStore(this.ctx.storage);
    return this.#store;
  }
  /** Staff sockets' sign-ins, rechecked before anything new reaches them. */
  private readonly staffCheck = new StaffCheck(this.env.DB, (connection) => (connection as Staff).state ?? null);

  /** What supervisors are shown of each live chat beyond the queue (chat-watch.ts). */
  private get watch() {
    this.#watch ??= new ChatWatch(this.ctx.storage);
    return this.#watch;
  }

  private get scheduler() {
    this.#scheduler ??= new Scheduler<Job>(this.ctx.storage);
    return this.#scheduler;
  }
  private get outbox() {
    this.#outbox ??= new EventOutbox(this.ctx.storage.sql, this.env.DB);
    return this.#outbox;
  }
  private get settings() {
    return queueSettings(this.env);
  }

  // ── RPC from the Worker and from Conversations ──

  async enqueue(conversationId: string, waitingSince: number, language: string | null = null): Promise<void> {
    this.store.enqueue(conversationId, waitingSince, Date.now());
    this.watch.note(conversationId, { language, questions: questionCount(DASH) });
    this.record({ conversationId, kind: "joined", at: waitingSince });
    await this.publish();
  }

  /** A chat ended: it leaves the queue (abandoned) or its officer's load (ended). */
  async forget(conversationId: string, reason: string): Promise<void> {
    const now = Date.now();
    const queued = this.store.take(conversationId);
    if (queued) {
      this.record({ conversationId, kind: "abandoned", at: now, detail: { reason, waitedMs: now - queued.waitingSince } });
    }
    const assignment = this.store.unassign(conversationId);
    // With an officer, it stays on the supervision page while they wrap it up; else it goes.
    if (assignment) this.watch.ended(conversationId, reason, now, assignment.officerId);
    else this.watch.forget(conversationId);
    this.record({ conversationId, kind: "ended", at: now, officerId: assignment?.officerId ?? null, detail: { reason } });
    await this.publish();
  }

  /** The officer closed the chat's wrap-up (routes/me.ts): it leaves the supervision page. */
  async wrappedUp(conversationId: string): Promise<void> {
    this.watch.forget(conversationId);
    this.showSupervisors(this.picture().officers);
  }

  /**
   * News of a live chat for supervisors (its language, the victim writing, a shared location,
   * DASH progress). Only supervisors' consoles are told, and only when something changed.
   */
  async watchChat(conversationId: string, news: ChatNews): Promise<void> {
    if (!this.store.queued(conversationId) && !this.store.assignment(conversationId)) return;
    if (this.watch.note(conversationId, news)) this.showSupervisors(this.picture().officers);
  }

  // ── WebSocket lifecycle ──

  override async fetch(request: Request): Promise<Response> {
    const isUpgrade = request.headers.get("Upgrade")?.toLowerCase() === "websocket";
    if (!isUpgrade) return new Response("Not found", { status: 404 });
    // The Worker says who only for a working sign-in; without it nobody gets in.
    const staff = staffOpening(request);
    if (!staff) return signedOut("Sign in to see the queue.");
    this.#admissions.admit(request, staff);
    return super.fetch(request);
  }

  override getConnectionTags(_connection: Connection, ctx: ConnectionContext): string[] {
    const staff = this.#admissions.of(ctx.request);
    return staff ? ["staff", `officer:${staff.officerId}`] : [];
  }

  override async onConnect(connection: Staff, ctx: ConnectionContext): Promise<void> {
    await connectSafely("Dispatcher", connection, async () => {
      const admitted = this.#admissions.of(ctx.request);
      if (!admitted) return connection.close(1008, "unknown officer");
      const { displayName, ...staff } = admitted;
      connection.setState(staff);
      this.store.upsertOfficer(staff.officerId, displayName, staff.role, this.settings.defaultCapacity);
      await this.scheduler.cancel(`strand:${staff.officerId}`);
      await this.publish();
    });
  }

  override async onClose(connection: Staff): Promise<void> {
    const officerId = connection.state?.officerId;
    if (!officerId) return;
    if (this.openConnectionsOf(officerId).length === 0) {
      await this.scheduler.set(`strand:${officerId}`, Date.now() + this.settings.officerGraceMs);
    }
    await this.publish();
  }

  override async onMessage(connection: Staff, raw: WSMessage): Promise<void> {
    const staff = connection.state;
    if (!staff) return connection.close(1008, "unknown officer");
    await this.staffCheck.ifDue(this.getConnections("staff"));
    if (connection.readyState !== WebSocket.OPEN) return;
    const parsed = parseFrame(DispatcherClientFrame, raw);
    if (!parsed.ok) return send(connection, { type: "error", code: parsed.code, message: parsed.message });
    const frame = parsed.frame;
    const verdict = this.budgets.check(DISPATCHER_FRAMES[frame.type], staff.role, `${staff.officerId}:${frame.type}`);
    if (verdict === "not-allowed") return send(connection, { type: "error", code: "not-allowed", message: "Your role cannot do that." });
    if (verdict !== "take") {
      return send(connection, { type: "error", code: "too-many", message: "That was sent too often. Wait a few seconds, then try again." });
    }
    try {
      switch (frame.type) {
        case "accept":
          return await this.accept(staff, frame.conversationId);
        case "set-status":
          this.store.setStatus(staff.officerId, frame.status);
          return await this.publish();
        case "raise-priority":
          return await this.raisePriority(staff, frame.conversationId, frame.reason);
        case "transfer":
          return await this.transfer(staff, frame.conversationId, frame.to, frame.note);
        case "set-capacity":
          if (!this.store.setCapacity(frame.officerId, frame.capacity)) {
            throw new Refusal("not-found", "That officer has not used the console yet.");
          }
          return await this.publish();
      }
    } catch (error) {
      if (error instanceof Refusal) return send(connection, { type: "error", code: error.code, message: error.message });
      log.error("dispatcher.frame-failed", { frame: frame.type, error });
      send(connection, { type: "error", code: "internal", message: "That did not work. Please try again." });
    }
  }

  override async onAlarm(): Promise<void> {
    await this.scheduler.runDue(Date.now(), (job) =>
      job === "deliver-events" ? this.deliverEvents() : this.returnChatsOf(job.slice("strand:".length)),
    );
  }

  // ── Behaviour ──

  private async accept(staff: StaffState, conversationId: string | undefined): Promise<void> {
    const officer = this.store.officer(staff.officerId);
    if (officer?.status !== "available") {
      throw new Refusal("unavailable", "Set your status to Available to take a chat.");
    }
    if (this.store.load(staff.officerId) >= officer.capacity) {
      throw new Refusal("at-capacity", `You already have ${officer.capacity} chats, the most you can hold at once.`);
    }
    const taken = this.store.take(conversationId);
    if (!taken) {
      throw new Refusal(
        "not-found",
        conversationId
          ? "That conversation is no longer waiting: another officer may have accepted it."
          : "Nobody is waiting.",
      );
    }
    const now = Date.now();
    // Counted against capacity before anything is awaited.
    this.store.assign(taken.conversationId, staff.officerId, taken.waitingSince, now);
    let result;
    try {
      result = await (await getConversation(this.env, taken.conversationId)).assign(staff.officerId);
    } catch (error) {
      this.putBack(taken);
      await this.publish();
      log.error("dispatcher.assign-failed", { conversationId: taken.conversationId, officerId: staff.officerId, error });
      throw new Refusal("internal", "That conversation could not be opened. It is back in the queue.");
    }
    if (!result.ok) {
      this.store.unassign(taken.conversationId);
      await this.publish();
      throw new Refusal(result.code, result.message);
    }
    this.store.recordAccept(now);
    this.record({
      conversationId: taken.conversationId,
      kind: "accepted",
      at: now,
      officerId: staff.officerId,
      detail: { waitedMs: now - taken.waitingSince, returned: taken.returned },
    });
    this.sendToOfficer(staff.officerId, { type: "assigned", conversationId: taken.conversationId });
    await this.publish();
  }

  private putBack(entry: QueueEntry): void {
    this.store.unassign(entry.conversationId);
    this.store.enqueue(entry.conversationId, entry.waitingSince, Date.now(), entry.returned);
    if (entry.priority > 0) this.store.raisePriority(entry.conversationId, entry.priorityReason);
  }

  private async raisePriority(staff: StaffState, conversationId: string, reason: string): Promise<void> {
    if (!this.store.queued(conversationId)) throw new Refusal("not-found", "That conversation is not waiting.");
    this.raise(conversationId, reason, staff.officerId);
    await this.publish();
  }

  /**
   * A Conversation found an immediate-danger risk cue in a waiting victim's words (issue 23):
   * the chat goes ahead of normal-priority ones at once, with the reason recorded as a manual
   * raise's is. A chat no longer waiting, or already raised, is left as it is: a cue never lowers.
   */
  async raiseForRiskCue(conversationId: string, reason: string): Promise<boolean> {
    if (!this.store.queued(conversationId) || !this.raise(conversationId, reason, null)) return false;
    await this.publish();
    return true;
  }

  /**
   * The one way a waiting chat is raised, by an officer or by the service: the queue, the
   * supervision page and the events all get the reason; a chat already raised keeps its first.
   */
  private raise(conversationId: string, reason: string, officerId: string | null): boolean {
    if (!this.store.raisePriority(conversationId, reason)) return false;
    this.watch.note(conversationId, { priorityReason: reason });
    this.record({ conversationId, kind: "priority-raised", at: Date.now(), officerId, detail: { reason } });
    return true;
  }

  /** Hands a chat to a named colleague, or back to the queue when `to` is null. */
  private async transfer(staff: StaffState, conversationId: string, to: string | null, note: string): Promise<void> {
    const assignment = this.store.assignment(conversationId);
    if (!assignment || !mayReassign({ id: staff.officerId, role: staff.role }, assignment)) {
      throw new Refusal("not-allowed", "You can only transfer a chat you are in.");
    }
    const byOwner = assignment.officerId === staff.officerId;
    const conversation = await getConversation(this.env, conversationId);
    const now = Date.now();
    if (to === null) {
      const result = await conversation.unassign("returned-to-queue", note, staff.officerId);
      if (!result.ok) throw new Refusal(result.code, result.message);
      this.store.unassign(conversationId);
      this.store.enqueue(conversationId, assignment.waitingSince, now, true);
      this.record({ conversationId, kind: "returned", at: now, officerId: assignment.officerId, detail: { by: staff.officerId, reason: "handed-back" } });
      this.sendToOfficer(assignment.officerId, { type: "unassigned", conversationId, reason: byOwner ? "returned-to-queue" : "reassigned" });
      return this.publish();
    }
    const target = this.store.officer(to);
    if (!target || this.openConnectionsOf(to).length === 0 || target.status !== "available") {
      throw new Refusal("unavailable", "That colleague is not available to take a chat right now.");
    }
    if (this.store.load(to) >= target.capacity) {
      throw new Refusal("at-capacity", `${target.displayName} already has as many chats as they can hold.`);
    }
    if (to === assignment.officerId) throw new Refusal("bad-frame", "That chat is already theirs.");
    const result = await conversation.reassign(to, note, staff.officerId);
    if (!result.ok) throw new Refusal(result.code, result.message);
    this.store.assign(conversationId, to, assignment.waitingSince, now);
    this.record({ conversationId, kind: "transferred", at: now, officerId: to, detail: { from: assignment.officerId, by: staff.officerId } });
    this.sendToOfficer(assignment.officerId, { type: "unassigned", conversationId, reason: byOwner ? "transferred" : "reassigned" });
    this.sendToOfficer(to, { type: "assigned", conversationId });
    await this.publish();
  }

  /** The grace period is over and the officer has not come back: their chats go to the front. */
  private async returnChatsOf(officerId: string): Promise<void> {
    if (this.openConnectionsOf(officerId).length > 0) return;
    for (const assignment of this.store.assignments(officerId)) {
      try {
        const result = await (await getConversation(this.env, assignment.conversationId)).unassign("officer-left", "", officerId);
        this.store.unassign(assignment.conversationId);
        if (!result.ok) continue; // it ended meanwhile
        const now = Date.now();
        this.store.enqueue(assignment.conversationId, assignment.waitingSince, now, true);
        this.record({ conversationId: assignment.conversationId, kind: "returned", at: now, officerId, detail: { reason: "officer-left" } });
      } catch (error) {
        log.warn("dispatcher.return-failed", { conversationId: assignment.conversationId, officerId, error });
        await this.scheduler.set(`strand:${officerId}`, Date.now() + RETRY_MS);
      }
    }
    await this.publish();
  }

  // ── Telling everyone ──

  /** Sends every console its view, tells waiting victims their place, and ships events to D1. */
  private async publish(): Promise<void> {
    // Nothing goes to the sockets of staff whose sign-in has ended (rooms/staff-check.ts).
    await this.staffCheck.ifDue(this.getConnections("staff"));
    const now = Date.now();
    const picture = this.picture();
    this.recordDuty(picture, now);
    this.offerWaitingChats(picture, now);
    this.showConsoles(picture);
    await this.tellWaitingVictims(picture, now);
    await this.deliverEvents();
  }

  /** Who waits, and who is there to answer them. */
  private picture(): Picture {
    const officers = this.officerSummaries();
    return { waiting: this.store.waiting(), officers, ...staffingOf(officers) };
  }

  /** Officers coming on or going off duty are written to D1's duty log. */
  private recordDuty({ onDuty }: Picture, now: number): void {
    for (const change of this.store.updateDuty(new Set(onDuty.map((o) => o.officerId)), now)) this.outbox.recordDuty(change);
  }

  /** Once someone is free to take them, waiting chats count as offered (once each). */
  private offerWaitingChats({ waiting, freeSlots }: Picture, now: number): void {
    if (freeSlots === 0) return;
    for (const entry of waiting.filter((w) => !w.offered)) {
      this.store.markOffered(entry.conversationId);
      this.record({ conversationId: entry.conversationId, kind: "offered", at: now });
    }
  }

  /** Every console gets the queue and its own officer's view; senior staff get the overview too. */
  private showConsoles({ waiting, officers }: Picture): void {
    const queue = queueFrame(waiting);
    for (const connection of this.getConnections<StaffState>("staff")) {
      const staff = connection.state;
      if (!staff || connection.readyState !== WebSocket.OPEN) continue;
      send(connection, queue);
      send(connection, meFrame(staff.officerId, officers, this.store.assignments(staff.officerId), this.settings.defaultCapacity));
    }
    this.showSupervisors(officers);
  }

  /** The overview, with what is known of each live chat, to the consoles whose role may watch them. */
  private showSupervisors(officers: OfficerSummary[]): void {
    const active = this.store.assignments();
    const live = [...[...this.store.waiting(), ...active].map((chat) => chat.conversationId), ...this.watch.wrappingUp(Date.now())];
    const overview = overviewFrame(active, officers, this.watch.chats(live));
    for (const connection of this.getConnections<StaffState>("staff")) {
      const staff = connection.state;
      if (staff && connection.readyState === WebSocket.OPEN && may(staff, "supervise-live-chats")) send(connection, overview);
    }
  }

  /** Each waiting victim hears their place and the wait, only when either has changed. */
  private async tellWaitingVictims({ waiting, onDuty, freeSlots }: Picture, now: number): Promise<void> {
    const capacity = { officersOnDuty: onDuty.length, freeSlots, recentAccepts: this.store.acceptsSince(now - ESTIMATE_WINDOW_MS) };
    await Promise.allSettled(
      waiting.map(async (entry, i) => {
        const position = i + 1;
        const estimate = estimateWait(position, capacity);
        // "On duty" is told as a count; a free slot is folded in as its sign, so either change is news.
        const told = freeSlots > 0 ? onDuty.length : -onDuty.length;
        if (entry.toldPosition === position && entry.toldEstimate === estimate && entry.toldOnDuty === told) return;
        await (await getConversation(this.env, entry.conversationId)).setQueueInfo({
          position,
          estimatedWaitMs: estimate,
          officersOnDuty: onDuty.length,
          freeNow: freeSlots > 0,
        });
        this.store.markTold(entry.conversationId, position, estimate, told);
      }),
    );
  }

  /** The officer's sessions were ended: their consoles' queue sockets close now. */
  async disconnectOfficer(officerId: string): Promise<void> {
    for (const connection of this.openConnectionsOf(officerId)) connection.close(SIGNED_OUT, "signed out");
  }

  /** The live picture for the service dashboard: counts only. */
  async liveFigures(): Promise<LiveFigures> {
    const now = Date.now();
    const waiting = this.store.waiting();
    const summaries = this.officerSummaries();
    const oldest = Math.min(...waiting.map((w) => w.waitingSince));
    return {
      at: now,
      waiting: waiting.length,
      longestWaitMs: waiting.length > 0 ? now - oldest : null,
      active: this.store.assignments().length,
      officersAvailable: summaries.filter((o) => o.connected && o.status === "available" && o.load < o.capacity).length,
      officersOnDuty: staffingOf(summaries).onDuty.length,
    };
  }

  private officerSummaries(): OfficerSummary[] {
    return this.store.officers().map((o) => ({
      ...o,
      connected: this.openConnectionsOf(o.officerId).length > 0,
      load: this.store.load(o.officerId),
    }));
  }

  private openConnectionsOf(officerId: string): Staff[] {
    return [...this.getConnections<StaffState>(`officer:${officerId}`)].filter((c) => c.readyState === WebSocket.OPEN);
  }

  private sendToOfficer(officerId: string, frame: DispatcherServerFrame): void {
    for (const connection of this.openConnectionsOf(officerId)) send(connection, frame);
  }

  private record(event: QueueEvent): void {
    this.outbox.record(event);
  }

  private async deliverEvents(): Promise<void> {
    if (!(await this.outbox.deliver())) await this.scheduler.set("deliver-events", Date.now() + RETRY_MS);
  }
}

function send(connection: Connection, frame: DispatcherServerFrame): void {
  connection.send(JSON.stringify(frame));
}
