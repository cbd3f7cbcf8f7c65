/**
 * The quick replies for this console page, loaded once: the Quick replies list and the message
 * box's "/" search show the same phrases, and a phrase one adds is at once in the other.
 *
 * Which quick reply each chat's message box holds is kept here too, per chat: **a reviewed
 * translation is sent only for the phrase exactly as chosen**; once the officer edits it, it is
 * their own words and is machine-translated like any message.
 */
import { QuickReplyList, type QuickReplyItem } from "$shared/protocol";
import { api } from "../api";
import type { ConversationClient } from "../chat/conversation-client.svelte";

class QuickReplyStore {
  phrases = $state<QuickReplyItem[]>([]);
  problem = $state<string | null>(null);
  #loading: Promise<void> | null = null;
  readonly #chosen = new WeakMap<ConversationClient, QuickReplyItem>();

  load(): Promise<void> {
    this.#loading ??= api("/quick-replies")
      .then((answer) => {
        this.phrases = QuickReplyList.parse(answer).quickReplies;
        this.problem = null;
      })
      .catch(() => {
        this.problem = "Quick replies could not be loaded.";
        this.#loading = null;
      });
    return this.#loading;
  }

  added(phrase: QuickReplyItem): void {
    this.phrases = [...this.phrases, phrase];
  }

  /** The phrases matching what follows "/" in the box: every word typed, in its words, id or category. */
  search(query: string, limit = 8): QuickReplyItem[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.phrases
      .filter((p) => {
        const haystack = `${p.category} ${p.id} ${p.text}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      })
      .slice(0, limit);
  }

  /** Puts a phrase in this chat's message box, for the officer to send or edit. */
  choose(client: ConversationClient, phrase: QuickReplyItem): void {
    client.draft = phrase.text;
    this.#chosen.set(client, phrase);
  }

  /** The quick reply `text` is, if it is the phrase chosen in this chat's box, unchanged. */
  quickReplyFor(client: ConversationClient, text: string): string | undefined {
    const chosen = this.#chosen.get(client);
    return chosen && chosen.text.trim() === text ? chosen.id : undefined;
  }
}

export const quickReplies = new QuickReplyStore();
