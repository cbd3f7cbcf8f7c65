/**
 * One chat's DASH assessment as the officer fills it in: the view the server last gave, the
 * comments and message links being written, and how each question's saving is going.
 *
 * **Every field saves when it changes**: an answer when pressed, a link when ticked, a comment
 * when the officer leaves it or pauses typing. Each save sends the question's whole answer
 * (answer, comment, links), as the record keeps each change whole. Kept per chat rather than in
 * the component, so switching tabs neither loses a draft nor stops a save being retried.
 */
import { AssessmentView, type AssessmentAnswer, type AssessmentChange } from "$shared/protocol";
import { api, ApiFailure, postJson } from "../api";
import type { ConversationClient } from "../chat/conversation-client.svelte";
import { RetryingSave } from "./retrying-save.svelte";

interface QuestionAnswer {
  answer: AssessmentAnswer;
  comment: string;
  messageSeqs: number[];
}

/** A pause this long in typing a comment saves it; leaving the field saves it at once. */
const COMMENT_PAUSE_MS = 1_500;

const sameAnswer = (a: QuestionAnswer, b: QuestionAnswer) =>
  a.answer === b.answer && a.comment === b.comment && a.messageSeqs.join(",") === b.messageSeqs.join(",");

export class AssessmentInput {
  view = $state<AssessmentView | null>(null);
  /** Why the assessment could not be loaded. */
  problem = $state<string | null>(null);
  /** Comments and links as written here, by question; what the server has is in `answers`. */
  comments = $state<Record<string, string>>({});
  linking = $state<Record<string, number[]>>({});

  /** The latest answer to each question, as stored. */
  readonly answers = $derived.by(() => {
    const latest: Record<string, QuestionAnswer> = {};
    for (const e of this.view?.entries ?? []) {
      if (e.kind === "answer" && e.questionId && e.answer) latest[e.questionId] = { answer: e.answer, comment: e.comment ?? "", messageSeqs: e.messageSeqs };
    }
    return latest;
  });

  readonly #saves = new Map<string, RetryingSave<AssessmentView>>();
  /** What was last sent for each question, so leaving a field after a pause does not send it twice. */
  readonly #sent = new Map<string, QuestionAnswer>();
  readonly #pauses = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly conversationId: string) {}

  async load(): Promise<void> {
    try {
      this.#show(AssessmentView.parse(await api(`/conversations/${this.conversationId}/assessment`)));
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof ApiFailure ? error.message : "The assessment could not be loaded.";
    }
  }

  /** How saving `key` (a question's id, "judgement" or "escalation") is going. */
  saveOf(key: string): RetryingSave<AssessmentView> {
    let save = this.#saves.get(key);
    if (!save) {
      save = new RetryingSave<AssessmentView>();
      this.#saves.set(key, save);
    }
    return save;
  }

  commentOf(questionId: string): string {
    return this.comments[questionId] ?? this.answers[questionId]?.comment ?? "";
  }

  linksOf(questionId: string): number[] {
    return this.linking[questionId] ?? this.answers[questionId]?.messageSeqs ?? [];
  }

  /** A press of Yes, No or Not known: always recorded, even when it repeats the last answer. */
  answer(questionId: string, answer: AssessmentAnswer): void {
    this.#saveAnswer(questionId, answer, true);
  }

  /**
   * The officer accepts a model's draft (officer assist): it becomes their answer, with the
   * draft's messages as evidence, and the record says which model drafted it.
   */
  acceptDraft(questionId: string, answer: AssessmentAnswer, messageSeqs: number[], model: string): void {
    this.linking[questionId] = [...new Set([...this.linksOf(questionId), ...messageSeqs])];
    this.#saveAnswer(questionId, answer, true, model);
  }

  commentTyped(questionId: string, text: string): void {
    this.comments[questionId] = text;
    if (this.answers[questionId] || this.#sent.has(questionId)) this.saveOf(questionId).changed();
    clearTimeout(this.#pauses.get(questionId));
    this.#pauses.set(questionId, setTimeout(() => this.commentDone(questionId), COMMENT_PAUSE_MS));
  }

  /** The officer left the comment (or pressed Enter): saved now. */
  commentDone(questionId: string): void {
    clearTimeout(this.#pauses.get(questionId));
    this.#pauses.delete(questionId);
    this.#saveAnswer(questionId, null, false);
  }

  toggleLink(questionId: string, seq: number, on: boolean): void {
    const current = this.linksOf(questionId);
    this.linking[questionId] = on ? [...new Set([...current, seq])] : current.filter((s) => s !== seq);
    this.#saveAnswer(questionId, null, false);
  }

  /** A comment or link on a question not yet answered waits for the answer: the record keeps answers whole. */
  waitsForAnswer(questionId: string): boolean {
    return !this.answers[questionId] && !this.#sent.has(questionId) && (Boolean(this.comments[questionId]?.trim()) || (this.linking[questionId]?.length ?? 0) > 0);
  }

  judge(grade: "standard" | "medium" | "high", reason: string): void {
    this.#record("judgement", { kind: "judgement", grade, reason });
  }

  escalate(incidentsInYear: number): void {
    this.#record("escalation", { kind: "escalation", incidentsInYear });
  }

  #saveAnswer(questionId: string, pressed: AssessmentAnswer | null, always: boolean, draftedBy?: string): void {
    const answer = pressed ?? this.#sent.get(questionId)?.answer ?? this.answers[questionId]?.answer;
    if (!answer) return;
    const next: QuestionAnswer = { answer, comment: this.commentOf(questionId).trim(), messageSeqs: this.linksOf(questionId) };
    const known = this.#sent.get(questionId) ?? this.answers[questionId];
    if (!always && known && sameAnswer(known, next)) return this.saveOf(questionId).unchanged();
    this.#sent.set(questionId, next);
    this.#record(questionId, { kind: "answer", questionId, ...next, ...(draftedBy ? { draftedBy } : {}) });
  }

  #record(key: string, change: AssessmentChange): void {
    this.saveOf(key).save({
      send: async () => AssessmentView.parse(await postJson(`/conversations/${this.conversationId}/assessment`, change)),
      saved: (view) => this.#show(view),
    });
  }

  /** Answers can arrive out of order when several questions save at once: the record only grows, so the longest is newest. */
  #show(view: AssessmentView): void {
    if (!this.view || view.entries.length >= this.view.entries.length) this.view = view;
  }
}

const inputs = new WeakMap<ConversationClient, AssessmentInput>();

/** The chat's assessment input, made on first use; it lasts as long as the chat's tab does. */
export function assessmentInputOf(client: ConversationClient, conversationId: string): AssessmentInput {
  let input = inputs.get(client);
  if (!input) {
    input = new AssessmentInput(conversationId);
    inputs.set(client, input);
  }
  return input;
}
