/**
 * One side's record of a conversation's messages, and the client half of delivery:
 *
 * - a message written here is pending, with an id chosen here, until the server acks its seq;
 * - after every (re)connection every pending message is sent again (the server stores an id
 *   once, so this never duplicates), in the order it was written;
 * - messages from the server are kept by seq, so one that arrives twice is kept once and the
 *   log is always in seq order;
 * - `lastSeq` is the highest seq held with no gap before it: what to tell the server on
 *   reconnecting, so it sends exactly the rest.
 *
 * Plain TypeScript with no DOM or framework, so the workerd tests drive this same code.
 */
import type { ChatMessage, ConversationClientFrame, ParticipantRole, Translation } from "$shared/protocol";

export interface PendingMessage {
  id: string;
  from: ParticipantRole;
  text: string;
  writtenAt: number;
  /** The officer's quick reply this is: resent with it, so the reviewed translation is still used. */
  quickReply?: string;
}

export type SendFrame = Extract<ConversationClientFrame, { type: "send" }>;

/** Unsent messages kept while offline; beyond this the writer is asked to wait. */
export const MAX_PENDING = 100;

export class MessageLedger {
  readonly #confirmed = new Map<number, ChatMessage>();
  #pending: PendingMessage[] = [];
  #lastSeq = 0;

  constructor(private readonly maxPending = MAX_PENDING) {}

  /** Highest seq held with nothing missing before it. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Confirmed messages in seq order. */
  get confirmed(): ChatMessage[] {
    return [...this.#confirmed.values()].sort((a, b) => a.seq - b.seq);
  }

  get pending(): readonly PendingMessage[] {
    return this.#pending;
  }

  /**
   * A new message from this side, or null when too many are already waiting to be sent.
   * `quickReply` is the id of the officer's quick reply it is, if it is one.
   */
  compose(id: string, from: ParticipantRole, text: string, quickReply?: string, now = Date.now()): SendFrame | null {
    if (this.#pending.length >= this.maxPending) return null;
    const message = { id, from, text, writtenAt: now, quickReply };
    this.#pending.push(message);
    return sendFrame(message);
  }

  /** Everything still unacknowledged, to send again on a new connection. */
  resendFrames(): SendFrame[] {
    return this.#pending.map(sendFrame);
  }

  /**
   * Takes in a message from the server. Returns false when it leaves a gap (something before
   * it is missing), which means the connection should be re-established to fill it.
   */
  receive(message: ChatMessage): boolean {
    // Keyed by seq: a second copy replaces the first (the server's copy is the authority).
    this.#confirmed.set(message.seq, message);
    this.#pending = this.#pending.filter((p) => !(p.id === message.id && p.from === message.from));
    while (this.#confirmed.has(this.#lastSeq + 1)) this.#lastSeq++;
    return message.seq <= this.#lastSeq;
  }

  /** The server stored one of ours under `seq`. */
  ack(ack: { id: string; seq: number; sentAt: number; language: string | null; translation: Translation }): void {
    const mine = this.#pending.find((p) => p.id === ack.id);
    const { id, seq, sentAt, language, translation } = ack;
    if (mine) this.receive({ id, seq, sentAt, language, translation, from: mine.from, text: mine.text });
  }

  /** A message's translation arrived (or changed) after the message. */
  /** A message's translation changed, and with it perhaps the language it is read as. */
  translated(seq: number, translation: Translation, language: string | null = null): void {
    const message = this.#confirmed.get(seq);
    if (message) this.#confirmed.set(seq, { ...message, translation, language: language ?? message.language });
  }

  /** Forgets everything: used when the page is left. */
  clear(): void {
    this.#confirmed.clear();
    this.#pending = [];
    this.#lastSeq = 0;
  }
}

/** The frame that sends a pending message, the first time and every time again. */
function sendFrame({ id, text, quickReply }: PendingMessage): SendFrame {
  return { type: "send", id, text, quickReply };
}
