/**
 * One ended chat's wrap-up: it stays in the officer's console, asking for the outcome and taking
 * final notes and DASH changes, until the officer closes it. The server keeps whether it is
 * closed, so a reload brings an unclosed wrap-up back.
 */
import { postJson } from "../api";
import type { ConversationClient } from "../chat/conversation-client.svelte";
import { RetryingSave } from "./retrying-save.svelte";

export class WrapUp {
  /** An outcome the server already had when the console was reloaded (the chat's socket is gone by then). */
  outcomeRecordedBefore = $state(false);
  readonly closeSave = new RetryingSave<unknown>();

  constructor(private readonly client: ConversationClient) {}

  get outcomeRecorded(): boolean {
    return this.client.outcome !== null || this.outcomeRecordedBefore;
  }

  /** What still stops the wrap-up closing, in words; null when it may close. */
  get missing(): string | null {
    return this.outcomeRecorded ? null : "Record the outcome first.";
  }

  /** Closes the wrap-up once the server has it (retried while the chat is still being sealed). */
  close(onClosed: () => void): void {
    if (this.missing || this.closeSave.status === "saving") return;
    this.closeSave.save({
      send: () => postJson(`/me/conversations/${this.client.options.conversationId}/wrapped-up`, {}),
      saved: onClosed,
    });
  }
}

const wrapUps = new WeakMap<ConversationClient, WrapUp>();

/** The chat's wrap-up, made on first use; it lasts as long as the chat's tab does. */
export function wrapUpOf(client: ConversationClient): WrapUp {
  let wrapUp = wrapUps.get(client);
  if (!wrapUp) {
    wrapUp = new WrapUp(client);
    wrapUps.set(client, wrapUp);
  }
  return wrapUp;
}

/**
 * A chat the console reopens in wrap-up after a reload: its socket is gone with its sealed
 * record, so nothing is rejoined; it was this officer's chat, and the server says whether its
 * outcome is already recorded.
 */
export function resumeWrapUp(client: ConversationClient, outcomeRecorded: boolean): void {
  client.endedWhileAway();
  client.role = "officer";
  wrapUpOf(client).outcomeRecordedBefore = outcomeRecorded;
}
