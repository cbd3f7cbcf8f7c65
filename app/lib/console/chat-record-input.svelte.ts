/**
 * What the officer is writing into one chat's record (a note, the outcome) and how its saving
 * is going. Kept per chat, not in the form, so switching to another chat's tab (which rebuilds
 * the form) neither loses the text nor stops a save that is being retried.
 */
import { Outcome, PrivateNote, type OutcomeKind, type OutcomeRequest } from "$shared/protocol";
import { postJson } from "../api";
import type { ConversationClient } from "../chat/conversation-client.svelte";
import { RetryingSave } from "./retrying-save.svelte";

export class ChatRecordInput {
  note = $state("");
  outcome = $state<OutcomeKind>("advice-given");
  crimeReference = $state("");
  detail = $state("");
  readonly noteSave = new RetryingSave<PrivateNote>();
  readonly outcomeSave = new RetryingSave<Outcome>();

  constructor(private readonly client: ConversationClient) {}

  /** The note stays in the form until the server has it; then the form clears, unless changed since. */
  addNote(): void {
    const text = this.note.trim();
    // A second press while the first is on its way would store the note twice.
    if (!text || this.noteSave.status === "saving") return;
    this.noteSave.save({
      send: () => this.#saveNote(text),
      saved: () => {
        if (this.note.trim() === text) this.note = "";
      },
    });
  }

  recordOutcome(): void {
    if (this.outcomeSave.status === "saving") return;
    const { outcome, detail } = this;
    const crimeReference = outcome === "crime-recorded" ? this.crimeReference.trim() : "";
    this.outcomeSave.save({ send: () => this.#saveOutcome(outcome, crimeReference, detail.trim()) });
  }

  /**
   * Notes and the outcome go over HTTP, not the chat's socket, so they are saved (or refused with
   * a reason) even after the chat has ended; these throw ApiFailure when nothing was saved. (Here,
   * not in the ConversationClient, which the victim page loads too.)
   */
  async #saveNote(text: string): Promise<PrivateNote> {
    const note = PrivateNote.parse(await postJson(`/conversations/${this.client.options.conversationId}/notes`, { text }));
    this.client.keepNote(note);
    return note;
  }

  async #saveOutcome(outcome: OutcomeKind, crimeReference: string, detail: string): Promise<Outcome> {
    const request: OutcomeRequest = { outcome, ...(crimeReference ? { crimeReference } : {}), ...(detail ? { detail } : {}) };
    const recorded = Outcome.parse(await postJson(`/conversations/${this.client.options.conversationId}/outcome`, request));
    this.client.keepOutcome(recorded);
    return recorded;
  }
}

const inputs = new WeakMap<ConversationClient, ChatRecordInput>();

/** The chat's input, made on first use; it lasts as long as the chat's tab does. */
export function recordInputOf(client: ConversationClient): ChatRecordInput {
  let input = inputs.get(client);
  if (!input) {
    input = new ChatRecordInput(client);
    inputs.set(client, input);
  }
  return input;
}
