/**
 * The victim's one conversation, shared by the page and its Quick exit. Holding it in one place
 * means Quick exit can always find, and erase, everything.
 */
import type { ResumeCodeResponse, StartConversationRequest, StartedConversation } from "$shared/protocol";
import { ApiFailure } from "../api";
import { loadChatCode } from "../chat/chat-code";
import type { ConversationClient } from "../chat/conversation-client.svelte";
import { quickExit } from "./quick-exit";
import {
  connectionQuery,
  conversationToResume,
  forgetConversation,
  leavingBeacon,
  startConversation,
} from "./session";

// The chat's code is not in the page's first load (chat-code.ts). It is fetched the first time
// the victim touches or types on the page, so it is usually here by the time Start chat is
// pressed, and at the latest when a chat starts or resumes.
if (typeof window !== "undefined") {
  const warmUp = () => void loadChatCode().catch(() => {});
  for (const type of ["pointerdown", "keydown"]) {
    window.addEventListener(type, warmUp, { once: true, capture: true, passive: true });
  }
}

class VictimChat {
  client = $state<ConversationClient | null>(null);
  /** True after "Leave quietly", until a new chat starts. */
  leftQuietly = $state(false);
  /**
   * The code taken at the end of this chat (its words, their language, how long it works), in
   * memory only, and whether it is on screen: hidden from someone looking, and shown again on
   * request, until the victim leaves.
   */
  resumeCode = $state<(ResumeCodeResponse & { shown: boolean }) | null>(null);
  #started: StartedConversation | null = null;
  /** How many times the page has been cleared (see forget), to drop work begun before. */
  #forgotten = 0;

  get started(): StartedConversation | null {
    return this.#started;
  }

  async start(request: StartConversationRequest): Promise<void> {
    void loadChatCode().catch(() => {}); // alongside the request, not after it
    await this.join(await startConversation(request));
  }

  /** After a reload of this tab, picks the conversation up again (when its code can be had). */
  async resume(): Promise<void> {
    const forgotten = this.#forgotten;
    try {
      const earlier = await conversationToResume();
      // Quick exit while the checks were loading: nothing is picked up.
      if (earlier && forgotten === this.#forgotten) await this.join(earlier);
    } catch {
      // The chat's code could not be fetched: the page starts afresh, and a reload tries again.
    }
  }

  async join(started: StartedConversation): Promise<void> {
    this.client?.close();
    this.client = null;
    this.leftQuietly = false;
    this.#started = started;
    const { ConversationClient } = await loadChatCode();
    // Quick exit, or another chat, while the code was loading: this one is gone.
    if (this.#started !== started) return;
    const joined: ConversationClient = new ConversationClient({
      conversationId: started.conversationId,
      query: async () => {
        try {
          return await connectionQuery(started);
        } catch (error) {
          if (error instanceof ApiFailure && error.status === 401) joined.refuse("not-found");
          if (error instanceof ApiFailure && error.status === 410) joined.endedWhileAway();
          throw error;
        }
      },
      onRefused: forgetConversation,
      expectedRole: "victim",
    });
    this.client = joined;
  }

  /** Quick exit: leaves for the neutral site at once, erasing everything and telling the officer why. */
  quickExit(): void {
    quickExit({ beacon: this.beacon(), forget: () => this.forget() });
  }

  /** The beacon for Quick exit, captured before the chat is erased. */
  beacon() {
    return this.#started && this.client?.status !== "ended" ? leavingBeacon(this.#started) : null;
  }

  /** "Leave quietly": ends the chat, tells the officer, and clears the page without leaving it. */
  leaveQuietly(): void {
    const started = this.#started;
    if (started && this.client && this.client.status !== "ended") {
      if (this.client.connected) this.client.end(true);
      else {
        const beacon = leavingBeacon(started, true);
        navigator.sendBeacon(beacon.url, new Blob([beacon.body], { type: "text/plain" }));
      }
    }
    this.forget();
    this.leftQuietly = true;
  }

  /** Erases everything this page holds about the chat. */
  forget(): void {
    this.#forgotten++;
    this.client?.close();
    this.client = null;
    this.#started = null;
    this.resumeCode = null;
    forgetConversation();
  }
}

export const victimChat = new VictimChat();
