/**
 * What a chat's tab tells an officer juggling several chats, at a glance: the victim's language
 * in English, how long since the victim wrote (and whether they are waiting for an answer), the
 * risk grading once DASH answers are in, and the chat's state.
 */
import type { AssessmentView } from "$shared/protocol";
import { languageName } from "$shared/language-names";
import { INDICATORS } from "$shared/risk-indicators";
import type { ConversationClient } from "../chat/conversation-client.svelte";
import { gradeLabel } from "../staff-labels";

/** Waiting this long for an answer shows as "a while" (amber), then "long" (red). */
const WHILE_MINUTES = 2;
const LONG_MINUTES = 5;

export interface ChatTabSummary {
  language: string;
  /** Since the victim last wrote (or started the chat); `waiting` when the officer has not answered since. */
  lastWrote: { minutes: number; waiting: boolean; level: "short" | "while" | "long" } | null;
  risk: string | null;
  /** The risk cues seen in the victim's words, named once each ("Possible: threat to kill, weapon"). */
  cues: string | null;
  /** States worth a word of their own, such as "Quick exit" or "Ended". */
  states: string[];
}

export function chatTabSummary(client: ConversationClient, assessment: AssessmentView | null, now: number): ChatTabSummary {
  const fromVictim = client.messages.filter((m) => m.from === "victim" && !m.pending);
  const written = fromVictim.findLast((m) => m.language !== null)?.language ?? client.victim?.language ?? null;
  const lastVictimAt = fromVictim.at(-1)?.sentAt ?? client.startedAt;
  const waiting = client.status !== "ended" && (client.messages.at(-1)?.from ?? "victim") === "victim";

  let lastWrote: ChatTabSummary["lastWrote"] = null;
  if (lastVictimAt !== null && client.status !== "connecting") {
    const minutes = Math.max(0, Math.floor((now - lastVictimAt) / 60_000));
    const level = !waiting || minutes < WHILE_MINUTES ? "short" : minutes < LONG_MINUTES ? "while" : "long";
    lastWrote = { minutes, waiting, level };
  }

  const grading = assessment?.grading;
  const risk = grading && (grading.answered > 0 || grading.raisedByJudgement) ? `${gradeLabel(grading.grade)} risk${grading.maracReferral ? ", MARAC" : ""}` : null;

  const states: string[] = [];
  if (client.status === "ended") {
    states.push(client.endReason === "quick-exit" ? "Quick exit" : "Ended");
    // The officer's own chat waits for its outcome and their Close: say so on the tab.
    if (client.role === "officer") states.push("Wrap-up");
  }
  if (client.locations.length > 0) states.push("Location shared");
  const indicators = [...new Set(client.riskCues.map((cue) => cue.indicator))];
  const cues = indicators.length > 0 ? `Possible: ${indicators.map((indicator) => INDICATORS[indicator].name).join(", ")}` : null;
  return { language: languageName(written, "Language not known"), lastWrote, risk, cues, states };
}

/** "just now", "1 min", "12 min", "1 h 5 min". */
export function minutesText(minutes: number): string {
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 > 0 ? ` ${minutes % 60} min` : ""}`;
}
