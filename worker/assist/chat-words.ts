/** A chat's message as officer assist's drafts are given it: who wrote it, as written, as translated. */
import type { ParticipantRole } from "../shared/protocol";

export interface ChatWords {
  seq: number;
  from: ParticipantRole;
  text: string;
  /** Its translation, when there is one. */
  translation: string | null;
}

/** The messages as lines for a model, numbered, each with its translation under it. */
export function chatLines(words: readonly ChatWords[], withSender: boolean): string {
  return words
    .map((w) => {
      const who = withSender ? `${w.from === "victim" ? "Victim" : "Officer"}: ` : "";
      const translated = w.translation && w.translation !== w.text ? `\n[${w.seq} translated] ${who}${w.translation}` : "";
      return `[${w.seq}] ${who}${w.text}${translated}`;
    })
    .join("\n");
}
