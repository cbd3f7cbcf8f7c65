/**
 * The sealed transcript: a document worked out entirely from the record's chained entries.
 * Sealing and verifying both call `buildTranscript`, so a verifier can rebuild every view
 * (participants, times, messages with translations, the assessment, the outcome) and find
 * any part of a file that was edited without touching the chain.
 *
 * Pure and deterministic: the same entries always give byte-identical canonical JSON.
 * Imports carry `.ts` extensions: `npm run verify` runs this file under Node as it is.
 */
import { DASH } from "../assessment/dash.ts";
import { grade, stateOf } from "../assessment/grading.ts";
import { canonicalJson } from "./canonical-json.ts";
import { headOf } from "./chain.ts";
import { languageName } from "../shared/language-names.ts";
import { sha256HexSync } from "./digest.ts";
import type { MessageData, TranslationData } from "./entries.ts";
import {
  TRANSCRIPT_FORMAT,
  type Actor,
  type Participant,
  type RecordEntry,
  type TranscriptAssessmentChange,
  type TranscriptDocument,
  type TranscriptEvent,
  type TranscriptMessage,
} from "./types.ts";

export type UnsealedTranscript = Omit<TranscriptDocument, "seal">;

const questionText = new Map(DASH.groups.flatMap((g) => g.questions.map((q) => [q.id, q.text] as const)));

function byWhom(by: Actor): string {
  return by.role === "officer" ? `officer ${by.officerId}` : by.role === "victim" ? "the victim" : "the service";
}

function summary(entry: RecordEntry): string | null {
  const data = entry.data as Record<string, unknown>;
  switch (entry.kind) {
    case "opened":
      return `The victim started the chat (${data.returning ? "returning" : "new"}; language ${String(data.victimLanguage ?? "not chosen")}).`;
    case "accepted":
      return `Officer ${String(data.officerId)} joined.`;
    case "returned":
      return `Officer ${String(data.officerId)} returned the chat to the queue (${String(data.reason)}).`;
    case "transferred":
      return `Officer ${String(data.from)} transferred the chat to officer ${String(data.to)}.`;
    case "location":
      return "The victim shared their location.";
    case "language":
      return `Officer ${entry.by.role === "officer" ? entry.by.officerId : "unknown"} said message ${String(data.seq)} is in ${languageName(String(data.language))}${
        data.readAs ? ` (it had been read as ${languageName(String(data.readAs))})` : ""
      }; it and the victim's later messages read the same way were translated again.`;
    case "ended":
      return `The chat ended (${String(data.reason)}), by ${byWhom(entry.by)}.`;
    default:
      return null;
  }
}

/** Every view of the transcript, from the entries alone. */
export function buildTranscript(entries: readonly RecordEntry[]): UnsealedTranscript {
  const first = entries.find((e) => e.kind === "opened");
  if (!first) throw new Error("a transcript starts with the entry that opened the chat");
  const opened = first.data as { conversationId: string; victimLanguage: string | null; returning: boolean };
  const ended = entries.findLast((e) => e.kind === "ended");

  const participants: Participant[] = [{ role: "victim", language: opened.victimLanguage, returning: opened.returning }];
  const officersSeen = new Set<string>();
  const messages: TranscriptMessage[] = [];
  const bySeq = new Map<number, TranscriptMessage>();
  const events: TranscriptEvent[] = [];
  const changes: TranscriptAssessmentChange[] = [];
  const assessmentState: Parameters<typeof stateOf>[0][number][] = [];
  let outcome: TranscriptDocument["outcome"] = null;
  const notes: TranscriptDocument["notes"] = [];
  const locations: TranscriptDocument["locations"] = [];

  const officerJoined = (officerId: string, at: string) => {
    if (officersSeen.has(officerId)) return;
    officersSeen.add(officerId);
    participants.push({ role: "officer", officerId, joinedAt: at });
  };

  for (const entry of entries) {
    const line = summary(entry);
    if (line !== null) events.push({ n: entry.n, kind: entry.kind, at: entry.at, by: entry.by, summary: line, digest: entry.digest });
    const data = entry.data as Record<string, unknown>;
    switch (entry.kind) {
      case "accepted":
        officerJoined(String(data.officerId), entry.at);
        break;
      case "transferred":
        officerJoined(String(data.to), entry.at);
        break;
      case "message": {
        const m = entry.data as unknown as MessageData;
        const view: TranscriptMessage = {
          seq: m.seq,
          from: m.from,
          officerId: entry.by.role === "officer" ? entry.by.officerId : null,
          text: m.text,
          language: m.language,
          sentAt: entry.at,
          translation: { ...m.translation, status: m.translation.status as TranscriptMessage["translation"]["status"] },
          digest: entry.digest,
          translationDigest: null,
        };
        messages.push(view);
        bySeq.set(m.seq, view);
        break;
      }
      case "language": {
        // The same rule as ConversationStore.correctLanguage: this message and the victim's later
        // ones read as the same language.
        const change = data as { seq: number; readAs: string | null; language: string };
        for (const view of messages) {
          if (view.from === "victim" && view.seq >= change.seq && view.language === change.readAs) view.language = change.language;
        }
        break;
      }
      case "translation": {
        const t = entry.data as unknown as TranslationData;
        const view = bySeq.get(t.seq);
        if (view) {
          view.translation = { status: t.status as TranscriptMessage["translation"]["status"], text: t.text, to: t.to, model: t.model };
          view.translationDigest = entry.digest;
        }
        break;
      }
      case "location":
        locations.push({
          at: entry.at,
          latitude: Number(data.latitude),
          longitude: Number(data.longitude),
          accuracy: Number(data.accuracy),
          digest: entry.digest,
        });
        break;
      case "note":
        notes.push({ at: entry.at, officerId: entry.by.role === "officer" ? entry.by.officerId : "", text: String(data.text), digest: entry.digest });
        break;
      case "outcome":
        outcome = {
          outcome: String(data.outcome),
          crimeReference: (data.crimeReference as string | null) ?? null,
          detail: (data.detail as string | null) ?? null,
          officerId: entry.by.role === "officer" ? entry.by.officerId : "",
          at: entry.at,
          digest: entry.digest,
        };
        break;
      case "assessment": {
        const change = data as Omit<TranscriptAssessmentChange, "question" | "officerId" | "at" | "digest">;
        assessmentState.push(change);
        changes.push({
          kind: change.kind,
          questionId: change.questionId,
          question: change.questionId ? (questionText.get(change.questionId) ?? null) : null,
          answer: change.answer,
          comment: change.comment,
          messageSeqs: change.messageSeqs,
          grade: change.grade,
          incidentsInYear: change.incidentsInYear,
          officerId: entry.by.role === "officer" ? entry.by.officerId : "",
          at: entry.at,
          digest: entry.digest,
        });
        break;
      }
    }
  }

  return {
    format: TRANSCRIPT_FORMAT,
    conversationId: opened.conversationId,
    startedAt: first.at,
    acceptedAt: entries.find((e) => e.kind === "accepted")?.at ?? null,
    endedAt: ended?.at ?? entries.at(-1)!.at,
    endReason: ended ? String((ended.data as { reason: unknown }).reason) : null,
    participants,
    messages,
    events,
    notes,
    locations,
    outcome,
    assessment: {
      questionnaire: { id: DASH.id, title: DASH.title },
      grading: grade(DASH, stateOf(assessmentState)),
      changes,
    },
    entries: [...entries],
  };
}

export function documentSha256(document: UnsealedTranscript): string {
  return sha256HexSync(canonicalJson(document));
}

/** The sealed document: the views, the chain, and a seal over all of it. */
export function sealTranscript(entries: readonly RecordEntry[]): TranscriptDocument {
  const document = buildTranscript(entries);
  const { n, head } = headOf(entries);
  return { ...document, seal: { entries: n, head, documentSha256: documentSha256(document) } };
}

/** The bytes written to R2 and exported: canonical JSON, so the same record is the same file. */
export function transcriptBytes(document: TranscriptDocument): string {
  return canonicalJson(document);
}
