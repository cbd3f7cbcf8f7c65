/**
 * What the officer should be told of, from one look at the console to the next: a new chat
 * waiting, a victim writing in a chat not in view, a quick exit, a location shared. Each comes
 * once; what a chat already showed when it opened (after a reload) is not told again.
 */
import type { ConversationClient } from "../chat/conversation-client.svelte";
import type { CueKind } from "./alerts.svelte";

export interface Cue {
  kind: CueKind;
  /** For a desktop notification: what happened, never the victim's words. */
  notice: string | null;
}

export interface WatchedChat {
  conversationId: string;
  label: string;
  client: ConversationClient;
}

interface ChatSeen {
  quickExit: boolean;
  locations: number;
}

export class CueWatch {
  #waiting = 0;
  #unread = 0;
  readonly #chats = new Map<string, ChatSeen>();

  /** The cues since the last look, given how many chats wait, how many messages are unread, and the open chats. */
  next(waiting: number, unread: number, chats: readonly WatchedChat[]): Cue[] {
    const cues: Cue[] = [];
    if (waiting > this.#waiting) cues.push({ kind: "new-chat", notice: "New chat waiting" });
    else if (unread > this.#unread) cues.push({ kind: "message", notice: null });
    this.#waiting = waiting;
    this.#unread = unread;

    for (const { conversationId, label, client } of chats) {
      // Until its welcome the chat has shown nothing: what the welcome brings is where it starts.
      if (client.status === "connecting") continue;
      const now = { quickExit: client.endReason === "quick-exit", locations: client.locations.length };
      const before = this.#chats.get(conversationId);
      this.#chats.set(conversationId, now);
      if (!before) continue;
      if (now.quickExit && !before.quickExit) cues.push({ kind: "quick-exit", notice: `${label}: the victim left by quick exit` });
      if (now.locations > before.locations) cues.push({ kind: "location", notice: `${label}: the victim shared a location` });
    }
    return cues;
  }
}
