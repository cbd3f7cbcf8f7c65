/**
 * Translation inside a Conversation: deliver first, translate after. A message is stored and
 * sent in its own words at once; its translation is asked for afterwards, one at a time per
 * conversation (so a burst does not flood the provider), and arrives as an update. A slow or
 * failed translation marks the message untranslated; it never delays or loses it.
 */
import type { ParticipantRole, Translation } from "../shared/protocol";
import { QUICK_REPLY_LIBRARY, type QuickReplyLanguage } from "../quick-replies/library";
import { log } from "../log";
import { d1TranslationCache } from "../translation/cache";
import { detectLanguage } from "../translation/detect";
import { DEFAULT_POLICY, translate, type TranslationPolicy } from "../translation/policy";
import { translationSetup } from "../translation/setup";
import type { ConversationRecord, ConversationStore } from "./conversation-store";

export interface TranslatorHost {
  env: Env;
  store: ConversationStore;
  /** Tells everyone connected that a message's translation changed. */
  announce(seq: number, translation: Translation): void;
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
   * language for the victim's messages, into the victim's current language for the officer's.
   * A quick reply in the library brings its own reviewed translation.
   */
  plan(record: ConversationRecord, from: ParticipantRole, text: string, quickReply?: string) {
    const language = from === "victim" ? detectLanguage(text, record.victimLanguageNow) : record.officerLanguage;
    const target = from === "victim" ? record.officerLanguage : record.victimLanguageNow;
    let translation: Translation;
    const reviewed = quickReply && target ? reviewedTranslation(quickReply, target) : null;
    if (!target || !language || language === target) translation = { status: "not-needed", ...NONE };
    else if (reviewed) translation = { status: "done", text: reviewed, to: target, model: `quick-reply:${quickReply}` };
    else if (!this.on) translation = { status: "off", ...NONE, to: target };
    else translation = { status: "pending", ...NONE, to: target };
    return { language, translation };
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

  /** An officer asks again after a failure. */
  retry(seq: number): boolean {
    const message = this.host.store.message(seq);
    if (!message || message.translation.status !== "failed" || !this.on) return false;
    this.update(seq, { ...message.translation, status: "pending" });
    this.enqueue(seq);
    return true;
  }

  /** Translations left pending by work that was lost (a restart) are marked failed, to be retried. */
  settleStale(now: number): void {
    for (const message of this.host.store.staleTranslations(now - 2 * this.policy.timeoutMs)) {
      this.update(message.seq, { ...message.translation, status: "failed" });
    }
  }

  private async run(seq: number): Promise<void> {
    const message = this.host.store.message(seq);
    if (!message || message.translation.status !== "pending" || !message.translation.to) return;
    const { provider } = translationSetup(this.host.env);
    if (!provider) return this.update(seq, { ...message.translation, status: "off" });
    try {
      const result = await translate(
        provider,
        d1TranslationCache(this.host.env.DB),
        { text: message.text, from: message.language, to: message.translation.to },
        this.policy,
      );
      this.update(seq, { status: "done", text: result.text, to: message.translation.to, model: `${provider.name}:${result.model}` });
    } catch (error) {
      log.warn("translation.failed", { conversationId: this.host.store.read()?.id, seq, error });
      this.update(seq, { ...message.translation, status: "failed" });
    }
  }

  private update(seq: number, translation: Translation): void {
    this.host.store.setTranslation(seq, translation);
    this.host.announce(seq, translation);
  }
}

function reviewedTranslation(id: string, language: string): string | null {
  const phrase = QUICK_REPLY_LIBRARY.find((p) => p.id === id);
  return phrase?.text[language as QuickReplyLanguage] ?? null;
}
