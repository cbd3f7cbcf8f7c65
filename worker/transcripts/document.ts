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
import type { Actor, RecordEntry } from "../shared/record/entry.ts";
import {
  TRANSCRIPT_FORMAT,
  type Participant,
  type TranscriptAssessmentChange,
  type TranscriptDocument,
  type TranscriptEvent,
  type TranscriptMessage,
} from "../shared/record/transcript.ts";

export type UnsealedTranscript = Omit<TranscriptDocument, "seal">;

const questionText = new Map(DASH.groups.flatMap((g) => g.questions.map((q) => [q.id, q.text] as const)));

function byWhom(by: Actor): string {
  return by.role === "officer" ? `officer ${by.officerId}` : by.role === "victim" ? "the victim" : "the service";
}

function summary(entry: RecordEntry): string | null {
  switch (entry.kind) {
    case "opened":
      return `The victim started the chat (${entry.data.returning ? "returning" : "new"}; language ${entry.data.victimLanguage ?? "not chosen"}).`;
    case "accepted":
      return `Officer ${entry.data.officerId} joined.`;
    case "returned":
      return `Officer ${entry.data.officerId} returned the chat to the queue (${entry.data.reason}).`;
    case "transferred":
      return `Officer ${entry.data.from} transferred the chat to officer ${entry.data.to}.`;
    case "location":
      return "The victim shared their location.";
    case "language":
      return `Officer ${entry.by.role === "officer" ? entry.by.officerId : "unknown"} said message ${entry.data.seq} is in ${languageName(entry.data.language)}${
        entry.data.readAs ? ` (it had been read as ${languageName(entry.data.readAs)})` : ""
      }; it and the victim's later messages read the same way were translated again.`;
    case "more-time":
      return `Officer ${entry.by.role === "officer" ? entry.by.officerId : "unknown"} gave the victim more time: they were not to be asked whether they were still there before ${entry.data.until}.`;
    case "risk-cue":
      return `Risk cue shown to staff on message ${entry.data.seq}: ${entry.data.indicator} ("${entry.data.words}", in the ${
        entry.data.foundIn === "original" ? "message as written" : "translation"
      }), a possible yes to DASH question ${entry.data.question}.`;
    case "ended":
      return `The chat ended (${entry.data.reason}), by ${byWhom(entry.by)}.`;
    default:
      return null;
  }
}

/** Every view of the transcript, from the entries alone. */
export function buildTranscript(entries: readonly RecordEntry[]): UnsealedTranscript {
  const first = entries.find((e) => e.kind === "opened");
  if (!first) throw new Error("a transcript starts with the entry that opened the chat");
  const opened = first.data;
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
    const officerId = entry.by.role === "officer" ? entry.by.officerId : "";
    switch (entry.kind) {
      case "accepted":
        officerJoined(entry.data.officerId, entry.at);
        break;
      case "transferred":
        officerJoined(entry.data.to, entry.at);
        break;
      case "message": {
        const m = entry.data;
        const view: TranscriptMessage = {
          seq: m.seq,
          from: m.from,
          officerId: entry.by.role === "officer" ? entry.by.officerId : null,
          text: m.text,
          language: m.language,
          sentAt: entry.at,
          translation: { ...m.translation },
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
        const change = entry.data;
        for (const view of messages) {
          if (view.from === "victim" && view.seq >= change.seq && view.language === change.readAs) view.language = change.language;
        }
        break;
      }
      case "translation": {
        const { seq, status, text, to, model } = entry.data;
        const view = bySeq.get(seq);
        if (view) {
          view.translation = { status, text, to, model };
          view.translationDigest = entry.digest;
        }
        break;
      }
      case "location": {
        const { latitude, longitude, accuracy } = entry.data;
        locations.push({ at: entry.at, latitude, longitude, accuracy, digest: entry.digest });
        break;
      }
      case "note":
        notes.push({ at: entry.at, officerId, text: entry.data.text, ...(entry.data.privateMessage && { privateMessage: entry.data.privateMessage }), digest: entry.digest });
        break;
      case "outcome": {
        const { outcome: kind, crimeReference, detail } = entry.data;
        outcome = { outcome: kind, crimeReference, detail, officerId, at: entry.at, digest: entry.digest };
        break;
      }
      case "assessment": {
        const change = entry.data;
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
          officerId,
          at: entry.at,
          digest: entry.digest,
          // Only when drafted: records sealed before rebuild exactly as they were.
          ...(change.draftedBy ? { draftedBy: change.draftedBy } : {}),
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
    endReason: ended ? ended.data.reason : null,
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
