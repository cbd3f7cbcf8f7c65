/**
 * Risk cues inside a Conversation (issue 23): each of the victim's messages is read for the
 * DASH high-risk indicators (worker/assist/risk-cues/) after it has been stored and delivered,
 * so reading never delays a message; and read again when its translation arrives, which can
 * show what the original's language has no word list for.
 *
 * Each cue found is chained into the record (what matched, and when: the record shows what staff
 * were shown), then sent to staff only. An immediate danger found while the victim is waiting
 * raises the chat's place in the queue, with the reason recorded; a cue never lowers it.
 */
import { INDICATORS } from "../../shared/risk-indicators";
import { findRiskCues } from "../../assist/risk-cues/find-cues";
import { log } from "../../log";
import type { ChatMessage, ConversationServerFrame, RiskCue } from "../../shared/protocol";
import { entry } from "../../transcripts/entries";
import { getDispatcher } from "../stubs";
import type { ConversationStore } from "./conversation-store";

export interface RiskReaderHost {
  env: Env;
  store: ConversationStore;
  tellStaff(frame: ConversationServerFrame): void;
  waitUntil(work: Promise<unknown>): void;
}

export class RiskReader {
  constructor(private readonly host: RiskReaderHost) {}

  /** Reads a victim's message as it now stands (as written, and translated if it is). */
  read(message: Pick<ChatMessage, "seq" | "from" | "text" | "language" | "translation">): void {
    if (message.from !== "victim") return;
    const { store } = this.host;
    const { translation } = message;
    const found = findRiskCues({
      text: message.text,
      language: message.language,
      translation: translation.status === "done" && translation.text && translation.to ? { text: translation.text, language: translation.to } : null,
    });
    // Most messages hold no cue: they cost no statement here (issue 20 counts them).
    if (found.length === 0) return;
    const shown = new Set(store.riskCues(message.seq).map((cue) => cue.indicator));
    const at = Date.now();
    const fresh: RiskCue[] = found.filter((cue) => !shown.has(cue.indicator)).map((cue) => ({ ...cue, seq: message.seq, at }));
    if (fresh.length === 0) return;
    for (const cue of fresh) store.appendEntry(entry.riskCue(cue));
    this.host.tellStaff({ type: "risk-cues", cues: fresh });
    const record = store.read();
    const immediate = fresh.filter((cue) => cue.immediate);
    if (record?.status === "waiting" && immediate.length > 0) this.raise(record.id, immediate);
  }

  private raise(conversationId: string, cues: RiskCue[]): void {
    const names = cues.map((cue) => INDICATORS[cue.indicator].name);
    const reason = `risk cue: ${names.join(", ")}`;
    this.host.waitUntil(
      getDispatcher(this.host.env)
        .then((dispatcher) => dispatcher.raiseForRiskCue(conversationId, reason))
        .catch((error: unknown) => log.warn("conversation.risk-raise-failed", { conversationId, error })),
    );
  }
}
