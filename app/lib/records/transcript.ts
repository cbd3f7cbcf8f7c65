/**
 * The parts of a sealed transcript (worker/transcripts/types.ts) that the Records page shows.
 * Declared here because the app's tsconfig cannot follow the worker's `.ts` imports; these are
 * a subset of the worker's types, so a transcript always fits them.
 */
import type { TranslationStatus } from "$shared/protocol";

export type Actor = { role: "victim" } | { role: "officer"; officerId: string } | { role: "system" };

export interface RecordEntry {
  n: number;
  kind: string;
  /** ISO 8601, UTC. */
  at: string;
  by: Actor;
  data: Record<string, unknown>;
  prev: string;
  digest: string;
}

export interface TranscriptMessage {
  seq: number;
  from: "victim" | "officer";
  officerId: string | null;
  text: string;
  language: string | null;
  sentAt: string;
  translation: {
    status: TranslationStatus;
    text: string | null;
    to: string | null;
    model: string | null;
  };
}

export type Participant =
  | { role: "victim"; language: string | null; returning: boolean }
  | { role: "officer"; officerId: string; joinedAt: string };

export interface TranscriptAssessmentChange {
  kind: "answer" | "judgement" | "escalation";
  question: string | null;
  answer: "yes" | "no" | "not-known" | null;
  comment: string | null;
  grade: "standard" | "medium" | "high" | null;
  incidentsInYear: number | null;
  officerId: string;
  at: string;
  digest: string;
}

export interface Transcript {
  conversationId: string;
  startedAt: string;
  acceptedAt: string | null;
  endedAt: string;
  endReason: string | null;
  participants: Participant[];
  messages: TranscriptMessage[];
  events: { n: number; at: string; summary: string; digest: string }[];
  notes: { at: string; officerId: string; text: string; digest: string }[];
  locations: { at: string; latitude: number; longitude: number; accuracy: number; digest: string }[];
  outcome: { outcome: string; crimeReference: string | null; detail: string | null; officerId: string; at: string } | null;
  assessment: {
    questionnaire: { id: string; title: string };
    grading: {
      yesCount: number;
      answered: number;
      grade: "standard" | "medium" | "high";
      raisedByJudgement: boolean;
      potentialEscalation: boolean;
      maracReferral: boolean;
    };
    changes: TranscriptAssessmentChange[];
  };
  entries: RecordEntry[];
  seal: { entries: number; head: string; documentSha256: string };
}
