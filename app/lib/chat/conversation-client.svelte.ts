/**
 * One side's live view of a conversation, over a partysocket WebSocket. Used by both the
 * victim page and the officer console; the server decides who is who.
 *
 * Delivery bookkeeping is the MessageLedger's (see ledger.ts); this class carries frames and
 * turns them into state the pages render. partysocket's own send queue is switched off: it
 * confirms nothing, so unsent messages live in the ledger and are sent again on every new
 * connection, which also tells the server the last seq held (`since`) to resume from.
 */
import PartySocket from "partysocket";
import {
  ConversationServerFrame,
  parseServerFrame,
  type ConnectionRole,
  type ConversationClientFrame,
  type ConversationStatus,
  type BlockHours,
  type EndReason,
  type Handover,
  type Outcome,
  type PrivateNote,
  type ParticipantRole,
  type QueueInfo,
  type RiskCue,
  type SharedLocation,
  type Translation,
  type VictimContext,
} from "$shared/protocol";
import { MessageLedger } from "./ledger";
import { RECONNECT, socketProtocol } from "../socket-protocol";

export interface ShownMessage {
  id: string;
  seq: number | null;
  from: ParticipantRole;
  text: string;
  sentAt: number;
  pending: boolean;
  language: string | null;
  /** Null while this side's own message is still unsent. */
  translation: Translation | null;
}

export interface ConversationClientOptions {
  conversationId: string;
  /** Extra query parameters for each (re)connection, e.g. the victim's fresh ticket. */
  query?: () => Promise<Record<string, string>>;
  /** Called when the server will never let this client in again (e.g. the chat is gone). */
  onRefused?: () => void;
  /** Who this page is, so messages written before the server's welcome can be queued. */
  expectedRole?: ParticipantRole;
}

/** Random extra wait before each reconnection, so clients dropped together do not return together. */
const RECONNECT_JITTER_MS = 300;
/** Typing notices are sent at most this often, and shown for a little longer. */
const TYPING_EVERY_MS = 2_500;
const TYPING_SHOWN_MS = 4_000;
/** How long to wait before sending again after the server said messages came too fast (its window is 10 s). */
const SLOW_DOWN_PAUSE_MS = 5_000;

export class ConversationClient {
  role = $state<ConnectionRole | null>(null);
  status = $state<ConversationStatus | "connecting">("connecting");
  endReason = $state<EndReason | null>(null);
  connected = $state(false);
  /** The last problem: a code the page can put in its own words, and the server's sentence. */
  error = $state<{ code: string; message: string } | null>(null);
  /** The server will never let this client back in (for example, the chat no longer exists). */
  refused = $state(false);
  messages = $state<ShownMessage[]>([]);
  /** Whether the other side is connected (or only briefly away). */
  otherOnline = $state(false);
  otherTyping = $state(false);
  /** The last seq the other side has read. */
  otherReadSeq = $state(0);
  /** When the chat will close unless the victim answers "still here". */
  inactivityClosesAt = $state<number | null>(null);
  /** While the officer's "more time" holds: the victim is not asked whether they are still there before this. */
  moreTimeUntil = $state<number | null>(null);
  /** While waiting: the victim's place in the queue. */
  queue = $state<QueueInfo | null>(null);
  /** The latest neutral notice about the officer changing. */
  notice = $state<"officer-changed" | "returned-to-queue" | null>(null);
  /** Staff only: notes handed over with the chat. */
  handovers = $state<Handover[]>([]);
  /** Locations the victim chose to share. */
  locations = $state<SharedLocation[]>([]);
  /**
   * What is typed in the message box and not yet sent. Kept here, in memory only, so it outlives
   * the box: the victim's trip to "Staying safe online" and back, an officer moving between chats.
   * It goes with the page, like everything else.
   */
  draft = $state("");
  /** When the chat started and when an officer first took it. */
  startedAt = $state<number | null>(null);
  acceptedAt = $state<number | null>(null);
  /** Staff only: private notes and the recorded outcome. */
  notes = $state<PrivateNote[]>([]);
  outcome = $state<Outcome | null>(null);
  /** Whether this service translates messages. */
  translationOn = $state(true);
  /** Staff only: risk cues found in the victim's messages (issue 23), in the order found. */
  riskCues = $state<RiskCue[]>([]);
  /** Staff only: the victim's language and whether they are returning. */
  victim = $state<VictimContext | null>(null);

  readonly #ledger = new MessageLedger();
  readonly #socket: PartySocket;
  #lastTypingSent = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** After the server said "too many", unacknowledged messages go again once this fires. */
  #resendTimer: ReturnType<typeof setTimeout> | undefined;
  #readSent = 0;

  constructor(readonly options: ConversationClientOptions) {
    let attempts = 0;
    this.#socket = new PartySocket({
      host: location.host,
      protocol: socketProtocol(),
      party: "conversation",
      room: options.conversationId,
      query: async () => {
        if (attempts++ > 0) await sleep(Math.random() * RECONNECT_JITTER_MS);
        return { ...(await options.query?.()), since: String(this.#ledger.lastSeq) };
      },
      ...RECONNECT,
      maxEnqueuedMessages: 0,
    });
    this.#socket.addEventListener("open", () => (this.connected = true));
    this.#socket.addEventListener("close", () => (this.connected = false));
    this.#socket.addEventListener("message", (event: MessageEvent) => this.#receive(event.data));
  }

  /**
   * Sends a message, or explains why it cannot be queued. `quickReply` is the id of the officer's
   * quick reply being sent: the server then uses its reviewed translations (from an officer only)
   * instead of machine translation, and the ledger keeps it so a resend does too.
   */
  send(text: string, quickReply?: string): boolean {
    const role = this.role ?? this.options.expectedRole;
    if (!role || role === "observer" || this.status === "ended") return false;
    const frame = this.#ledger.compose(crypto.randomUUID(), role, text, quickReply);
    if (!frame) {
      this.error = {
        code: "too-many-pending",
        message: "Too many messages are waiting to be sent. Please wait for the connection to come back.",
      };
      return false;
    }
    this.#transmit(frame);
    this.#refresh();
    return true;
  }

  /** Tells the other side this side is typing, at most every few seconds. */
  typing(): void {
    if (this.role === "observer") return;
    const now = Date.now();
    if (now - this.#lastTypingSent < TYPING_EVERY_MS) return;
    this.#lastTypingSent = now;
    this.#transmit({ type: "typing" });
  }

  /** Marks everything shown as read (call when the log is visible to the reader). */
  markRead(): void {
    const last = this.#ledger.lastSeq;
    if (this.role !== "observer" && last > this.#readSent && this.connected) {
      this.#readSent = last;
      this.#transmit({ type: "read", seq: last });
    }
  }

  stillHere(): void {
    this.#transmit({ type: "still-here" });
  }

  /** Officer: the victim must step away; they are not asked whether they are still there for a while. */
  giveMoreTime(): void {
    this.#transmit({ type: "more-time" });
  }

  /** Ends the chat; `quietly` is the victim's "Leave quietly". */
  end(quietly = false): void {
    this.#transmit(quietly ? { type: "end", quietly } : { type: "end" });
  }

  /** Officer: the chat is abuse; it ends and its source may not start chats for `blockHours`. */
  endAsAbusive(blockHours: BlockHours): void {
    this.#transmit({ type: "end", abusive: { blockHours } });
  }

  /**
   * Staff: a private note saved over HTTP (see console/chat-record-input). It arrives twice while
   * the chat is live (the save's answer and the staff broadcast): shown once.
   */
  keepNote(note: PrivateNote): void {
    const known = this.notes.some((n) => n.at === note.at && n.officerId === note.officerId && n.text === note.text);
    if (!known) this.notes = [...this.notes, note];
  }

  /** Staff: the chat's outcome, saved like notes; the latest wins, whichever of its two arrivals comes last. */
  keepOutcome(outcome: Outcome): void {
    if (!this.outcome || this.outcome.at <= outcome.at) this.outcome = outcome;
  }

  /** Officer: ask again for a translation that failed. */
  retryTranslation(seq: number): void {
    this.#transmit({ type: "retry-translation", seq });
  }

  /** Officer: say which language a victim's message is really in; it is read and translated again. */
  setLanguage(seq: number, language: string): void {
    this.#transmit({ type: "set-language", seq, language });
  }

  /** Only ever called from the victim's own press of "Share my location". */
  shareLocation(latitude: number, longitude: number, accuracy: number): void {
    this.#transmit({ type: "location", latitude, longitude, accuracy });
  }

  /** Closes the connection and forgets every message this page held. */
  close(): void {
    this.#socket.close();
    this.#ledger.clear();
    this.messages = [];
    clearTimeout(this.#typingTimer);
    clearTimeout(this.#resendTimer);
  }

  /** The server refused a message for coming too fast: it stays pending and goes again shortly. */
  #resendAfterPause(): void {
    clearTimeout(this.#resendTimer);
    this.#resendTimer = setTimeout(() => {
      for (const resend of this.#ledger.resendFrames()) this.#transmit(resend);
    }, SLOW_DOWN_PAUSE_MS);
  }

  #transmit(frame: ConversationClientFrame): void {
    // Sent only while open; a message that cannot go now stays in the ledger for the next connection.
    this.#socket.send(JSON.stringify(frame));
  }

  #refresh(): void {
    this.messages = [
      ...this.#ledger.confirmed.map((m) => ({ ...m, pending: false })),
      ...this.#ledger.pending.map((p) => ({
        id: p.id,
        seq: null,
        from: p.from,
        text: p.text,
        sentAt: p.writtenAt,
        pending: true,
        language: null,
        translation: null,
      })),
    ];
  }

  #receive(data: unknown): void {
    const frame = parseServerFrame(ConversationServerFrame, data);
    if (!frame) return;
    switch (frame.type) {
      case "welcome":
        this.role = frame.role;
        this.status = frame.status;
        this.endReason = frame.endReason;
        this.inactivityClosesAt = frame.inactivityClosesAt;
        this.moreTimeUntil = frame.moreTimeUntil;
        this.otherOnline = frame.role === "victim" ? frame.presence.officer : frame.presence.victim;
        this.otherReadSeq = frame.role === "victim" ? frame.read.officer : frame.read.victim;
        this.error = null;
        this.queue = frame.queue;
        this.handovers = frame.handovers;
        this.locations = frame.locations;
        this.victim = frame.victim;
        this.translationOn = frame.translationOn;
        this.startedAt = frame.startedAt;
        this.acceptedAt = frame.acceptedAt;
        this.notes = frame.notes;
        this.outcome = frame.outcome;
        this.riskCues = frame.riskCues;
        for (const message of frame.messages) this.#ledger.receive(message);
        for (const resend of this.#ledger.resendFrames()) this.#transmit(resend);
        break;
      case "message":
        if (!this.#ledger.receive(frame.message)) this.#socket.reconnect();
        if (frame.message.from !== this.role) this.otherTyping = false;
        break;
      case "ack":
        this.#ledger.ack(frame);
        if (this.error?.code === "too-many" && this.#ledger.pending.length === 0) this.error = null;
        break;
      case "status":
        this.status = frame.status;
        if (frame.status === "active") this.queue = null;
        break;
      case "queue":
        this.queue = frame.queue;
        break;
      case "notice":
        this.notice = frame.notice;
        break;
      case "handover":
        this.handovers = [...this.handovers, frame.handover];
        break;
      case "location":
        this.locations = [...this.locations, frame.location];
        break;
      case "note":
        this.keepNote(frame.note);
        break;
      case "risk-cues":
        this.riskCues = [...this.riskCues, ...frame.cues];
        break;
      case "outcome":
        this.keepOutcome(frame.outcome);
        break;
      case "translation":
        this.#ledger.translated(frame.seq, frame.translation, frame.language);
        break;
      case "presence":
        if (frame.role !== this.role) this.otherOnline = frame.online;
        break;
      case "typing":
        if (frame.role !== this.role) this.#showTyping();
        break;
      case "read":
        if (frame.role !== this.role) this.otherReadSeq = frame.seq;
        break;
      case "inactivity":
        this.inactivityClosesAt = frame.closesAt;
        // Asked again only once the more time has run out.
        if (frame.closesAt !== null) this.moreTimeUntil = null;
        break;
      case "more-time":
        this.moreTimeUntil = frame.until;
        break;
      case "ended":
        this.status = "ended";
        this.endReason = frame.reason;
        this.inactivityClosesAt = null;
        this.moreTimeUntil = null;
        this.#socket.close();
        break;
      case "error":
        this.error = { code: frame.code, message: frame.message };
        if (frame.code === "too-many") this.#resendAfterPause();
        break;
    }
    this.#refresh();
  }

  #showTyping(): void {
    this.otherTyping = true;
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => (this.otherTyping = false), TYPING_SHOWN_MS);
  }

  /** Gives up for good: called when the server says this client can never get in. */
  /** The chat ended while this side was away: its record is sealed and there is nothing to rejoin. */
  endedWhileAway(): void {
    this.status = "ended";
    this.inactivityClosesAt = null;
    this.moreTimeUntil = null;
    this.#socket.close();
  }

  refuse(code: string): void {
    this.error = { code, message: "This chat could not be found." };
    this.refused = true;
    this.#socket.close();
    this.options.onRefused?.();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
