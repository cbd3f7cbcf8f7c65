/**
 * The victim's one conversation, shared by the page and its Quick exit. Holding it in one place
 * means Quick exit can always find, and erase, everything.
 */
import type { StartConversationRequest, StartedConversation } from "$shared/protocol";
import { ApiFailure } from "../api";
import { ConversationClient } from "../chat/conversation-client.svelte";
import { quickExit } from "./quick-exit";
import {
  connectionQuery,
  conversationToResume,
  forgetConversation,
  leavingBeacon,
  startConversation,
} from "./session";

class VictimChat {
  client = $state<ConversationClient | null>(null);
  /** True after "Leave quietly", until a new chat starts. */
  leftQuietly = $state(false);
  /**
   * The code taken at the end of this chat, in memory only, and whether it is on screen: hidden
   * from someone looking, and shown again on request, until the victim leaves.
   */
  resumeCode = $state<{ words: string; days: number; shown: boolean } | null>(null);
  #started: StartedConversation | null = null;

  get started(): StartedConversation | null {
    return this.#started;
  }

  async start(request: StartConversationRequest): Promise<void> {
    this.join(await startConversation(request));
  }

  /** After a reload of this tab, picks the conversation up again. */
  resume(): void {
    const earlier = conversationToResume();
    if (earlier) this.join(earlier);
  }

  join(started: StartedConversation): void {
    this.client?.close();
    this.leftQuietly = false;
    this.#started = started;
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
    this.client?.close();
    this.client = null;
    this.#started = null;
    this.resumeCode = null;
    forgetConversation();
  }
}

export const victimChat = new VictimChat();
