/**
 * Drafted summaries (issue 23): a handover note when an officer passes a chat on (what has
 * happened, risks, what was promised, what is outstanding) and, at the end, a summary for the
 * crime report. The model reads the whole chat, both sides, as written and translated; its reply
 * is checked for shape and turned into plain text that the officer edits before keeping it. A
 * summary is a draft for the officer: the sealed transcript stays the evidence.
 */
import { z } from "zod/mini";
import { chatLines, type ChatWords } from "./chat-words";
import type { JsonRequest } from "./model/structured-reply";

export type SummaryKind = "handover" | "case-summary";

/** Handover notes and notes are kept under 2000 characters (shared/protocol); a draft leaves room to edit. */
const MAX_DRAFT = 1_800;
const Line = z.string().check(z.trim(), z.minLength(1));

const Handover = z.object({ happened: Line, risks: z.array(Line), promised: z.array(Line), outstanding: z.array(Line) });
const CaseSummary = z.object({ summary: Line, risks: z.array(Line) });

const list = { type: "array", items: { type: "string" } };

const ASKS: Record<SummaryKind, { task: string; schema: Record<string, unknown> }> = {
  handover: {
    task:
      "Write a handover note for the next police officer taking over this live chat with a person suffering domestic abuse: " +
      "what has happened so far, the risks they described, anything the officer promised, and what is still outstanding. " +
      "Use only what was written in the chat; do not add or guess anything. Be brief and factual.",
    schema: {
      type: "object",
      properties: { happened: { type: "string" }, risks: list, promised: list, outstanding: list },
      required: ["happened", "risks", "promised", "outstanding"],
    },
  },
  "case-summary": {
    task:
      "Write a short, factual summary of this chat between a police officer and a person suffering domestic abuse, " +
      "for the officer to edit into a crime report: what the person reported, when and where if they said, and the risks they described. " +
      "Use only what was written in the chat; do not add or guess anything.",
    schema: { type: "object", properties: { summary: { type: "string" }, risks: list }, required: ["summary", "risks"] },
  },
};

export function summaryRequest(kind: SummaryKind, words: readonly ChatWords[]): JsonRequest {
  return { system: ASKS[kind].task, user: `The chat:\n${chatLines(words, true)}`, schema: ASKS[kind].schema };
}

const bullets = (title: string, items: readonly string[]) => (items.length ? `${title}\n${items.map((item) => `- ${item}`).join("\n")}` : `${title} none noted.`);

/** The reply as the text the officer will edit, or null when it is not in the shape asked for. */
export function summaryText(kind: SummaryKind, value: unknown): string | null {
  if (kind === "handover") {
    const reply = Handover.safeParse(value);
    if (!reply.success) return null;
    const { happened, risks, promised, outstanding } = reply.data;
    return cut([`What has happened: ${happened}`, bullets("Risks:", risks), bullets("Promised:", promised), bullets("Outstanding:", outstanding)].join("\n\n"));
  }
  const reply = CaseSummary.safeParse(value);
  if (!reply.success) return null;
  return cut([reply.data.summary, bullets("Risks described:", reply.data.risks)].join("\n\n"));
}

function cut(text: string): string {
  return text.length <= MAX_DRAFT ? text : `${text.slice(0, MAX_DRAFT - 1).trimEnd()}…`;
}
