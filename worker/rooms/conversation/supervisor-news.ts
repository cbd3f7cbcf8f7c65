/**
 * What a Conversation tells the Dispatcher for the supervision page: the victim's language and
 * when they last wrote, and a shared location (rooms/dispatcher/chat-watch.ts).
 *
 * **Off the message's path, and thinned.** Telling is never awaited by a message, and "the
 * victim wrote" is told at most once per TELL_EVERY_MS unless the language changed: supervisors
 * read it in minutes, and a busy chat must not cost the Dispatcher a call per message. After
 * hibernation the memory is empty, so the next message is told again: once too often, never lost.
 */
import type { ChatNews } from "../dispatcher/chat-watch";
import { log } from "../../log";
import { getDispatcher } from "../stubs";

const TELL_EVERY_MS = 30_000;

export class SupervisorNews {
  #toldAt = 0;
  #toldLanguage: string | null = null;

  constructor(
    private readonly env: Env,
    private readonly conversationId: () => string,
    private readonly waitUntil: (work: Promise<unknown>) => void,
  ) {}

  victimWrote(at: number, language: string | null): void {
    const newLanguage = language !== null && language !== this.#toldLanguage;
    if (!newLanguage && at - this.#toldAt < TELL_EVERY_MS) return;
    this.#toldAt = at;
    if (language !== null) this.#toldLanguage = language;
    this.tell(newLanguage ? { lastVictimAt: at, language } : { lastVictimAt: at });
  }

  locationShared(): void {
    this.tell({ locationShared: true });
  }

  private tell(news: ChatNews): void {
    const conversationId = this.conversationId();
    this.waitUntil(
      getDispatcher(this.env)
        .then((dispatcher) => dispatcher.watchChat(conversationId, news))
        .catch((error: unknown) => log.warn("supervision.watch-failed", { conversationId, error })),
    );
  }
}
