/**
 * Translation inside a Conversation: deliver first, translate after. A message is stored and
 * sent in its own words at once, with the language it was read as (translation/identify/); its
 * translation is asked for afterwards, one at a time per conversation (so a burst does not
 * flood the provider), and arrives as an update. A slow or failed translation marks the message
 * untranslated; it never delays or loses it. A language no provider translates is marked
 * "unavailable", never passed off as needing no translation.
 */
import type { ChatMessage, ParticipantRole, Translation } from "../../shared/protocol";
import { reviewedTranslation } from "../../quick-replies/reviewed";
import { log } from "../../log";
import { d1TranslationCache } from "../../translation/cache";
import { baseLanguage } from "../../shared/languages";
import type { Identified } from "../../translation/identify/identify";
import { prepareReading, readLanguage } from "../../translation/identify/reader";
import { DEFAULT_POLICY, translate, type TranslationPolicy } from "../../translation/policy";
import { translationSetup } from "../../translation/setup";
import type { ConversationRecord, ConversationStore } from "./conversation-store";

export interface TranslatorHost {
  env: Env;
  store: ConversationStore;
  /** Tells everyone connected that a message's translation (or the language it is read as) changed. */
  announce(seq: number, language: string | null, translation: Translation): void;
  /** Keeps the object alive until the work is done. */
  waitUntil(work: Promise<unknown>): void;
}

const NONE = { text: null, to: null, model: null };

export class MessageTranslator {
  #queue: Promise<void> = Promise.resolve();

  private readonly policy: TranslationPolicy;

  constructor(private readonly host: TranslatorHost) {
    // TRANSLATION_TIMEOUT_MS (optional) bounds one translation, retries included.
    const timeout = Number((host.env as { TRANSLATION_TIMEOUT_MS?: string }).TRANSLATION_TIMEOUT_MS);
    this.policy = Number.isFinite(timeout) && timeout > 0 ? { ...DEFAULT_POLICY, timeoutMs: timeout } : DEFAULT_POLICY;
  }

  get on(): boolean {
    return translationSetup(this.host.env).provider !== null;
  }

  /**
   * The language a new message is in, and how it will be translated: into the officer's
   * language for the victim's messages, into the victim's language as last established for the
   * officer's. `establishes` is set when a victim's message clearly shows a language new to the
   * conversation: the officer's replies go into it from now on.
   */
  async plan(record: ConversationRecord, from: ParticipantRole, text: string, quickReply?: string) {
    if (from === "officer") {
      const language = record.officerLanguage;
      return { language, translation: this.initial(language, record.victimLanguageNow, quickReply ? { id: quickReply, text } : undefined), establishes: null };
    }
    const identified = await this.read(text, record);
    const { language } = identified;
    const establishes = identified.by === "text" && language !== record.victimLanguageWritten ? language : null;
    return { language, translation: this.initial(language, record.officerLanguage), establishes };
  }

  /**
   * The language of a victim's message. Should the model fail to load, the message is not held
   * up: it is taken to be in the conversation's language so far, else the page's.
   */
  private async read(text: string, record: ConversationRecord): Promise<Identified> {
    try {
      return await readLanguage(text, {
        conversation: record.victimLanguageWritten,
        page: record.victim.language,
        corrections: record.languageCorrections,
      });
    } catch (error) {
      log.error("translation.model-failed", { error });
      return { language: record.victimLanguageWritten ?? record.victim.language, by: null };
    }
  }

  /** Loads the language model now, while nobody waits for it (about 100 ms, once per isolate). */
  prepare(): void {
    try {
      prepareReading();
    } catch (error) {
      log.error("translation.model-failed", { error });
    }
  }

  /** Where a message's translation starts: settled at once, or pending for the queue. */
  private initial(language: string | null, target: string | null, quickReply?: { id: string; text: string }): Translation {
    if (!target || !language || baseLanguage(language) === baseLanguage(target)) return { status: "not-needed", ...NONE };
    const reviewed = quickReply ? reviewedTranslation(quickReply.id, quickReply.text, target) : null;
    if (quickReply && reviewed) return { status: "done", text: reviewed, to: target, model: `quick-reply:${quickReply.id}` };
    if (!this.on) return { status: "off", ...NONE, to: target };
    return { status: "pending", ...NONE, to: target };
  }

  /**
   * An officer says a victim's message is in `language` (the Conversation has checked who may,
   * and that it is the victim's): it, and the victim's later messages read as the same language,
   * are read again and re-translated into the officer's language.
   */
  correct(message: ChatMessage, language: string, officerLanguage: string): void {
    for (const changed of this.host.store.correctLanguage(message.seq, message.language, language)) {
      const translation = this.initial(language, officerLanguage);
      this.update(changed, translation, language);
      if (translation.status === "pending") this.enqueue(changed);
    }
  }

  /** Queues the translation of a stored message whose translation is pending. */
  enqueue(seq: number): void {
    const work = (this.#queue = this.#queue.then(() => this.run(seq)).catch((error: unknown) => {
      log.error("translation.queue-failed", { seq, error });
    }));
    this.host.waitUntil(work);
  }

  /** Resolves when every translation asked for so far has finished (or failed). */
  settled(): Promise<void> {
    return this.#queue;
  }

  /**
   * Before the record is sealed: the translations asked for are let finish, and any still
   * pending after that (their work was lost when the object restarted) are marked failed.
   */
  async finish(): Promise<void> {
    await this.#queue;
    this.settleStale(Number.MAX_SAFE_INTEGER);
  }

  /** An officer asks again after a failure. */
  retry(seq: number): boolean {
    const message = this.host.store.message(seq);
    if (!message || message.translation.status !== "failed" || !this.on) return false;
    this.update(seq, { ...message.translation, status: "pending" }, message.language);
    this.enqueue(seq);
    return true;
  }

  /** Translations left pending by work that was lost (a restart) are marked failed, to be retried. */
  settleStale(now: number): void {
    for (const message of this.host.store.staleTranslations(now - 2 * this.policy.timeoutMs)) {
      this.update(message.seq, { ...message.translation, status: "failed" }, message.language);
    }
  }

  private async run(seq: number): Promise<void> {
    const message = this.host.store.message(seq);
    if (!message || message.translation.status !== "pending" || !message.translation.to) return;
    const { provider } = translationSetup(this.host.env);
    if (!provider) return this.update(seq, { ...message.translation, status: "off" }, message.language);
    try {
      if (message.language && !(await provider.supports(message.language, message.translation.to))) {
        return this.update(seq, { ...message.translation, status: "unavailable" }, message.language);
      }
      const result = await translate(
        provider,
        d1TranslationCache(this.host.env.DB),
        { text: message.text, from: message.language, to: message.translation.to },
        this.policy,
      );
      this.update(seq, { status: "done", text: result.text, to: message.translation.to, model: `${provider.name}:${result.model}` }, message.language);
    } catch (error) {
      log.warn("translation.failed", { conversationId: this.host.store.read()?.id, seq, error });
      this.update(seq, { ...message.translation, status: "failed" }, message.language);
    }
  }

  private update(seq: number, translation: Translation, language: string | null): void {
    this.host.store.setTranslation(seq, translation);
    this.host.announce(seq, language, translation);
  }
}
